//! A page that another part of the work will fill: it names what will
//! come there so that users are not left with a blank tab, and it reads
//! nothing, so replacing it touches no other component.

use leptos::prelude::*;

/// A titled placeholder with a paragraph saying what the page will hold.
#[component]
pub fn PlaceholderPage(
    /// The page's heading, e.g. 资金台账.
    title: &'static str,
    /// What the page will offer once built.
    planned: &'static str,
    /// The page's name for tests, e.g. `ledger`.
    page: &'static str,
) -> impl IntoView {
    view! {
        <section class="page page-placeholder" data-page=page>
            <h2>{title}</h2>
            <p class="placeholder-note">{planned}</p>
        </section>
    }
}
