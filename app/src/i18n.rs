//! The interface language: Chinese by default, English on request.
//!
//! A small typed approach instead of a translation crate: the core's
//! [`Lang`] in context as a signal, and every visible string written as a
//! `zh`/`en` pair at the place it is shown ([`tr`], [`Lang::pick`]). The
//! core's messages carry their own pair ([`starcheck_core::Text`],
//! `message(lang)`). leptos_i18n (0.6 for Leptos 0.8) would add locale
//! files, a build-time macro and ICU data for a two-language app whose
//! messages are mostly built in the core; the pair costs nothing extra.
//!
//! The official rubric wording is never translated: [`gloss`] gives an
//! English gloss shown beside it in English mode. Exported files and the
//! district CSV stay Chinese whatever the language: they are a format.
//!
//! The choice is remembered in local storage under [`STORAGE_KEY`]; when
//! storage is unavailable the app starts in Chinese and says nothing.

mod gloss_table;

use leptos::prelude::*;
pub use starcheck_core::Lang;
use starcheck_core::Text;
use starcheck_core::district::words::tier_en;

/// The local storage key of the language choice (`zh-CN` or `en`).
pub const STORAGE_KEY: &str = "starcheck.lang";

/// The language signal every component reads, provided by [`crate::App`].
#[derive(Clone, Copy)]
pub struct LangContext(pub RwSignal<Lang>);

/// Provides the language: the stored choice, else Chinese; then keeps
/// storage and `<html lang>` in step with it.
pub fn provide_lang() -> RwSignal<Lang> {
    let lang = RwSignal::new(stored_lang().unwrap_or_default());
    provide_context(LangContext(lang));

    Effect::new(move |_| {
        let lang = lang.get();
        set_document_lang(lang);
        store_lang(lang);
    });
    lang
}

/// The language now; Chinese for a component mounted outside the app
/// (browser tests of single components).
pub fn use_lang() -> Signal<Lang> {
    match use_context::<LangContext>() {
        Some(LangContext(lang)) => lang.into(),
        None => Signal::stored(Lang::Zh),
    }
}

/// A text that follows the language: `{tr("保存", "Save")}` in a view, or
/// as an attribute value.
pub fn tr(
    zh: &'static str,
    en: &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || lang.get().pick(zh, en)
}

/// The English gloss of an official Chinese term or wording, if there is
/// one (item titles, categories, tiers, gates, rule wordings).
pub fn gloss(zh: &str) -> Option<&'static str> {
    gloss_table::gloss(zh.trim())
}

/// A message made in both languages at once (a refusal kept for the
/// page), so switching language later changes its words.
pub fn both(make: impl Fn(Lang) -> String) -> Text {
    Text::new(make(Lang::Zh), make(Lang::En))
}

/// A name from one of our lists (a material, 佐证材料; a kind of
/// publicity medium) as shown in `lang`. Our own names show their English
/// gloss alone, as the item's list of materials does; a name that is the
/// notice's wording (`official`, see `Rubric::quotes`) keeps its Chinese
/// with the gloss after it. A name without a gloss shows as it is.
pub fn listed_name(zh: &str, official: bool, lang: Lang) -> String {
    match (lang, gloss(zh)) {
        (Lang::En, Some(en)) if official => format!("{zh} ({en})"),
        (Lang::En, Some(en)) => en.to_string(),
        _ => zh.to_string(),
    }
}

/// A tier phrase of the rubric or the district table (`五星`,
/// `四星或三星(同分待定)`) in `lang`; one the core cannot word in English
/// stays as it is.
pub fn tier_in(tier: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => tier.to_string(),
        Lang::En => tier_en(tier).unwrap_or_else(|| tier.to_string()),
    }
}

/// The stored choice; `None` when nothing (valid) is stored or storage
/// cannot be read (private mode, disabled storage).
pub fn stored_lang() -> Option<Lang> {
    let storage = window().local_storage().ok().flatten()?;
    let tag = storage.get_item(STORAGE_KEY).ok().flatten()?;
    Lang::from_tag(&tag)
}

fn store_lang(lang: Lang) {
    let Some(storage) = window().local_storage().ok().flatten() else {
        return;
    };
    // A refused write only forgets the choice at the next visit.
    if storage.set_item(STORAGE_KEY, lang.tag()).is_err() {
        leptos::logging::warn!("the language choice could not be stored");
    }
}

fn set_document_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// [`tr`] as a signal of an owned string, for components whose label
/// prop is a `Signal<String>`.
pub fn trs(zh: &'static str, en: &'static str) -> Signal<String> {
    let lang = use_lang();
    Signal::derive(move || lang.get().pick(zh, en).to_string())
}
