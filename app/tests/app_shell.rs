//! Browser tests of the app shell: hash routing picks the page, the root
//! is marked ready once mounted, and the tab of the page shown is marked
//! current.

mod support;

use leptos::prelude::*;
use starcheck_app::App;
use support::settle;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_hash_picks_the_page() {
    let _ = window().location().set_hash("#/rubric");
    settle().await;

    let host = document().create_element("div").expect("a div can be made");
    document().body().expect("a body").append_child(&host).expect("attached");
    let _mounted = leptos::mount::mount_to(host.clone().unchecked_into(), App);
    settle().await;

    let ready = host.query_selector("[data-app-ready=\"true\"]").ok().flatten();
    assert!(ready.is_some(), "the root is not marked ready");
    assert!(
        host.query_selector("[data-page=\"rubric\"]").ok().flatten().is_some()
    );
    let current = host.query_selector("[aria-current=\"page\"]").ok().flatten();
    assert_eq!(
        current.and_then(|c| c.get_attribute("data-nav")).as_deref(),
        Some("rubric")
    );

    for (hash, page) in [
        ("#/ledger", "ledger"),
        ("#/drafts", "drafts"),
        ("#/district", "district"),
        ("#/assess", "assess"),
    ] {
        let _ = window().location().set_hash(hash);
        settle().await;
        let selector = format!("[data-page=\"{page}\"]");
        let shown = host.query_selector(&selector).ok().flatten();
        assert!(shown.is_some(), "{hash} shows no `{selector}`");
        let current =
            host.query_selector("[aria-current=\"page\"]").ok().flatten();
        let tab = current.and_then(|c| c.get_attribute("data-nav"));
        assert_eq!(tab.as_deref(), Some(page), "{hash}");
    }

    let _ = window().location().set_hash("");
}
