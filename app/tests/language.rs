//! Browser tests of the language choice: Chinese when nothing is stored, a
//! stored `en` read at start, a click on English re-words the page, sets
//! `<html lang>` and is stored; rubbish in storage falls back to Chinese.

mod support;

use leptos::prelude::*;
use starcheck_app::App;
use starcheck_app::i18n::{Lang, STORAGE_KEY, stored_lang};
use support::settle;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    window().local_storage().ok().flatten().expect("local storage")
}

fn text(host: &web_sys::Element, selector: &str) -> String {
    host.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
        .trim()
        .to_string()
}

async fn mount() -> (web_sys::Element, impl Sized) {
    let host = document().create_element("div").expect("a div can be made");
    document().body().expect("a body").append_child(&host).expect("attached");
    let mounted = leptos::mount::mount_to(host.clone().unchecked_into(), App);
    settle().await;
    (host, mounted)
}

#[wasm_bindgen_test]
async fn chinese_by_default_english_on_click_and_stored() {
    let _ = storage().remove_item(STORAGE_KEY);
    let _ = window().location().set_hash("#/rubric");
    settle().await;
    assert_eq!(stored_lang(), None);

    let (host, mounted) = mount().await;
    assert_eq!(text(&host, "a[data-nav=\"rubric\"]"), "评分细则");
    let lang =
        document().document_element().and_then(|e| e.get_attribute("lang"));
    assert_eq!(lang.as_deref(), Some("zh-CN"));

    let english: web_sys::HtmlElement = host
        .query_selector("[data-lang=\"en\"]")
        .ok()
        .flatten()
        .expect("the English button")
        .unchecked_into();
    english.click();
    settle().await;

    assert_eq!(text(&host, "a[data-nav=\"rubric\"]"), "Rubric");
    assert_eq!(text(&host, "a[data-nav=\"report\"]"), "Report");
    let lang =
        document().document_element().and_then(|e| e.get_attribute("lang"));
    assert_eq!(lang.as_deref(), Some("en"));
    assert_eq!(stored_lang(), Some(Lang::En));
    assert_eq!(english.get_attribute("aria-pressed").as_deref(), Some("true"));
    drop(mounted);
    host.remove();

    // A new start reads the stored choice.
    let (host, mounted) = mount().await;
    assert_eq!(text(&host, "a[data-nav=\"rubric\"]"), "Rubric");
    drop(mounted);
    host.remove();

    let _ = storage().remove_item(STORAGE_KEY);
    let _ = window().location().set_hash("");
}

#[wasm_bindgen_test]
async fn rubbish_in_storage_means_chinese() {
    let _ = storage().set_item(STORAGE_KEY, "klingon");
    assert_eq!(stored_lang(), None);

    let (host, mounted) = mount().await;
    assert_eq!(text(&host, "a[data-nav=\"assess\"]"), "自评");
    drop(mounted);
    host.remove();
    let _ = storage().remove_item(STORAGE_KEY);
}
