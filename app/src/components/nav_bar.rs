//! The tab bar: one link per page. Links only change the hash; the route
//! signal follows the hashchange, so back and forward work as well. On
//! the community's page the district tab opens the full page instead
//! ([`Edition::href`]). The
//! bar stays at the top of the screen, and so does the 未保存 reminder in
//! it.

use leptos::prelude::*;

use crate::components::nav_save_alert::NavSaveAlert;
use crate::edition::Edition;
use crate::i18n::{tr, use_lang};
use crate::route::Route;

/// Tabs for every [`Route`], the current one marked `aria-current`.
#[component]
pub fn NavBar(
    /// The page shown now.
    route: ReadSignal<Route>,
) -> impl IntoView {
    let lang = use_lang();
    let edition = Edition::current();
    let tabs = Route::ALL.map(|tab| {
        // Only the current tab carries aria-current, for screen readers
        // and for the stylesheet.
        let current = move || (route.get() == tab).then_some("page");
        view! {
            <li>
                <a
                    href=edition.href(tab)
                    class="nav-tab"
                    aria-current=current
                    data-nav=tab.hash().trim_start_matches("#/")
                >
                    {move || tab.label(lang.get())}
                </a>
            </li>
        }
    });

    view! {
        <nav class="nav-bar" aria-label=tr("页面", "Pages")>
            <ul>{Vec::from(tabs)}</ul>
            <NavSaveAlert />
        </nav>
    }
}
