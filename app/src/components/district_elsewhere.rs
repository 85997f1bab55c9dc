//! The district tab on the community's page (`index.html`), which does
//! not carry the district office's page: it opens the full page at the
//! same hash, so old links and bookmarks to `#/district` keep working.

use leptos::prelude::*;

use crate::edition::{Edition, FULL_PAGE};
use crate::i18n::tr;
use crate::route::Route;

/// A line saying where the page is, while the browser goes there.
#[component]
pub fn DistrictElsewhere() -> impl IntoView {
    let href = Edition::Community.href(Route::District);

    // `replace`, not `assign`: back returns to the page before the tab.
    Effect::new(move |_| {
        let location = window().location();
        let hash = location.hash().unwrap_or_default();
        let hash =
            if hash.is_empty() { Route::District.hash().into() } else { hash };
        // Should the browser refuse, the link below still goes there.
        let _ = location.replace(&format!("{FULL_PAGE}{hash}"));
    });

    view! {
        <section class="page" data-page="district-elsewhere">
            <p>
                {tr(
                    "全区对照在单独的页面上,正在打开……",
                    "The district comparison has a page of its own; opening it…",
                )}
                " "
                <a href=href>{tr("打开全区对照", "Open the district comparison")}</a>
            </p>
        </section>
    }
}
