//! Browser tests of the language choice: Chinese when nothing is stored, a
//! stored `en` read at start, a click on English re-words the page, sets
//! `<html lang>` and is stored; rubbish in storage falls back to Chinese.
//! Every name of our lists (materials, media) has English, and the refusals of attachments are
//! English sentences in English.

mod support;

use leptos::prelude::*;
use starcheck_app::App;
use starcheck_app::edition::Edition;
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
    let mounted =
        leptos::mount::mount_to(host.clone().unchecked_into(), || {
            view! { <App edition=Edition::full() /> }
        });
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

#[wasm_bindgen_test]
fn every_listed_name_has_english() {
    use starcheck_app::i18n::listed_name;
    use starcheck_core::lang::has_han;
    use starcheck_core::{Rubric, Rule};

    let rubric = Rubric::quanzhou_2024();
    let entry = rubric.entry_materials();
    let kinds: Vec<String> = rubric
        .items()
        .iter()
        .flat_map(|i| &i.rules)
        .flat_map(|rule| match rule {
            Rule::KindsShort { kinds, .. } => kinds.clone(),
            _ => Vec::new(),
        })
        .collect();
    assert!(kinds.len() >= 4, "{kinds:?}");
    let names: Vec<&String> = rubric
        .items()
        .iter()
        .flat_map(|i| &i.materials)
        .chain(&entry.meeting)
        .chain(&entry.report)
        .chain(&entry.expenditure)
        .chain(
            rubric
                .bonus_items()
                .iter()
                .flat_map(|b| &b.parts)
                .map(|p| &p.label),
        )
        .collect();
    for name in names {
        let official = rubric.quotes(name);
        let shown = listed_name(name, official, Lang::En);
        assert_eq!(listed_name(name, official, Lang::Zh), *name);
        match official {
            // The notice's words stay, the gloss follows in brackets.
            true => {
                assert!(shown.starts_with(&format!("{name} (")), "{shown}");
                let gloss = &shown[name.len()..];
                assert!(!has_han(gloss), "{shown}");
            }
            false => assert!(!has_han(&shown), "{name}: {shown}"),
        }
    }
    assert_eq!(listed_name("会议记录", false, Lang::En), "Minutes");
    assert_eq!(
        listed_name("创建方案", true, Lang::En),
        "创建方案 (Creation plan)"
    );
}

#[wasm_bindgen_test]
fn attachment_refusals_are_english_in_english() {
    use starcheck_app::attach::AttachError;
    use starcheck_app::evidence_store::StoreError;
    use starcheck_core::lang::{has_han, has_han_outside_quotes};

    let refusals = [
        AttachError::TooLarge { name: "扫描件.pdf".into(), size: 25 << 20 },
        AttachError::TotalTooLarge { total: 301 << 20 },
        AttachError::Read { name: "照片.jpg".into(), detail: "x".into() },
        AttachError::NotWhatItSays {
            name: "签到表.png".into(), format: "PNG"
        },
        AttachError::Gone,
        AttachError::Store(StoreError::Unavailable("x".into())),
        AttachError::Store(StoreError::Quota("x".into())),
        AttachError::Store(StoreError::Failed("x".into())),
        AttachError::Store(StoreError::NotFound("签到表.jpg".into())),
    ];
    for refusal in &refusals {
        let en = refusal.message(Lang::En);
        assert!(!en.is_empty() && !has_han_outside_quotes(&en), "{en}");
        assert!(has_han(&refusal.message(Lang::Zh)));
    }
    assert_eq!(
        refusals[0].message(Lang::En),
        "\u{201c}扫描件.pdf\u{201d} is 25 MiB, over the 20 MiB limit for one \
         file; it was not added"
    );
    assert_eq!(
        refusals[3].message(Lang::En),
        "\u{201c}签到表.png\u{201d} does not hold a PNG file (renamed, or \
         damaged); it was not added"
    );

    // Just over the limit still reads over it, in both languages.
    let over =
        AttachError::TooLarge { name: "huge.jpg".into(), size: 21_000_000 };
    assert_eq!(
        over.message(Lang::En),
        "\u{201c}huge.jpg\u{201d} is 20.03 MiB, over the 20 MiB limit for one \
         file; it was not added"
    );
    assert_eq!(
        over.message(Lang::Zh),
        "\u{201c}huge.jpg\u{201d}有 20.03 MiB,超过单个文件 20 MiB 的上限,未添加"
    );
}
