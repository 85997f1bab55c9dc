//! Browser tests of the app shell: hash routing picks the page, the root
//! is marked ready once mounted, the tab of the page shown is marked
//! current, and the community's edition links the district tab to the
//! full page.

mod support;

use leptos::prelude::*;
use starcheck_app::App;
use starcheck_app::edition::Edition;
use support::settle;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The app of `edition` mounted in a host of its own, opened at `hash`.
async fn mount_at(
    hash: &str,
    edition: Edition,
) -> (web_sys::Element, impl Sized) {
    let _ = window().location().set_hash(hash);
    settle().await;

    let host = document().create_element("div").expect("a div can be made");
    document().body().expect("a body").append_child(&host).expect("attached");
    let mounted =
        leptos::mount::mount_to(host.clone().unchecked_into(), move || {
            view! { <App edition=edition /> }
        });
    settle().await;
    (host, mounted)
}

#[wasm_bindgen_test]
async fn the_hash_picks_the_page() {
    let (host, _mounted) = mount_at("#/rubric", Edition::full()).await;

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

#[wasm_bindgen_test]
async fn community_edition_links_the_district_tab_to_the_full_page() {
    let (host, _mounted) = mount_at("#/report", Edition::Community).await;

    let href = |nav: &str| {
        let selector = format!("[data-nav=\"{nav}\"]");
        let tab = host.query_selector(&selector).ok().flatten();
        tab.and_then(|t| t.get_attribute("href")).unwrap_or_default()
    };
    assert_eq!(href("district"), "district.html#/district");
    assert_eq!(href("assess"), "#/assess");
    assert!(
        host.query_selector("[data-page=\"report\"]").ok().flatten().is_some()
    );

    let _ = window().location().set_hash("");
}
