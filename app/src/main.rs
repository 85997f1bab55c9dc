//! Entry point of `index.html`: mounts the community's pages on the
//! page's body (the district office's are in `full.rs`).

use leptos::prelude::*;
use starcheck_app::App;
use starcheck_app::edition::Edition;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(
        || view! { <App edition=Edition::Community /> },
    );
}
