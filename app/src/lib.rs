//! StarCheck's single-page app. `main.rs` only mounts [`App`]; everything
//! lives here so that browser tests can import it.

use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! { <h1>"星级自评 StarCheck"</h1> }
}
