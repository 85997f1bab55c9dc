//! Browser smoke test: the whole app mounts into a real document and shows
//! its name. Runs in headless Chromium through wasm-bindgen-test-runner
//! (`cargo xtask test` sets `CHROMEDRIVER`).

use leptos::prelude::*;
use starcheck_app::App;
use starcheck_app::edition::Edition;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn app_mounts_and_shows_its_name() {
    // A host element of its own, so other tests' mounts cannot interfere.
    let host = document().create_element("div").expect("a div can be made");
    document()
        .body()
        .expect("the test page has a body")
        .append_child(&host)
        .expect("the host can be attached");

    // Keep the app mounted until the end of the test.
    let _mounted =
        leptos::mount::mount_to(host.clone().unchecked_into(), || {
            view! { <App edition=Edition::Community /> }
        });

    let heading = host
        .query_selector("h1")
        .expect("`h1` is a valid selector")
        .expect("the app renders an h1");
    let text = heading.text_content().unwrap_or_default();
    assert!(text.contains("星级自评"), "heading was {text:?}");
}
