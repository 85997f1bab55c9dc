//! Entry point of `district.html` and the single-file edition: mounts
//! every page, the district office's included, on the page's body.

use leptos::prelude::*;
use starcheck_app::App;
use starcheck_app::edition::Edition;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| view! { <App edition=Edition::full() /> });
}
