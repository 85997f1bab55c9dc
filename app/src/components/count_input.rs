//! A field for a whole number (a count of meetings, documents, findings).
//! It is `type="text"` with a numeric keyboard, so that full-width digits
//! typed by a Chinese input method arrive intact and are read rather than
//! silently dropped by the browser.
//!
//! A refused value stays visible with its message and `aria-invalid`, so
//! the user can correct it; the model goes back to the value the field held
//! when this edit began (when it took focus, or when its last valid entry
//! was completed), so the score never counts a prefix of refused text:
//! `8万` passes through the valid `8` on the way, but once refused the
//! score is back where it was before the user started typing.

use leptos::prelude::*;

use crate::components::text_input::is_composing;
use crate::i18n::use_lang;
use starcheck_core::{CountError, Lang, Text, parse_count};

/// A labelled count field with its own error message.
#[component]
pub fn CountInput(
    /// Stable name for tests and the element's id, e.g. `item6.labels`.
    #[prop(into)]
    field: String,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The model's value; `None` is not filled in.
    #[prop(into)]
    value: Signal<Option<u32>>,
    /// Receives each accepted value.
    on_commit: Callback<Option<u32>>,
    /// The largest sensible value, when the rule implies one.
    #[prop(optional)]
    max: Option<u32>,
    /// A line of guidance under the label.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// Text shown in the empty field, e.g. `0`.
    #[prop(optional)]
    placeholder: &'static str,
) -> impl IntoView {
    // The text on screen, which may differ from the model while it is
    // refused or while an input method composes.
    let raw = RwSignal::new(show(value.get_untracked()));
    // The message in both languages, so a switch re-words it.
    let error = RwSignal::new(None::<Text>);
    let lang = use_lang();
    let composing = StoredValue::new(false);

    // A change of the model from elsewhere (a loaded draft, an import, the
    // other end of a range) replaces the text unless the text already
    // means that value. The field being typed in is left alone until it
    // loses focus: rewriting it mid-edit would fight the user.
    let input = NodeRef::<leptos::html::Input>::new();
    let focused = move || {
        let pair = input.get_untracked().zip(document().active_element());
        pair.is_some_and(|(field, active)| {
            let field: &web_sys::Element = field.as_ref();
            *field == active
        })
    };
    let sync = move |model: Option<u32>| {
        if parse_count(&raw.get_untracked()) != Ok(model) {
            raw.set(show(model));
            error.set(None);
        }
    };
    Effect::new(move |_| {
        let model = value.get();
        if !focused() {
            sync(model);
        }
    });

    // The model's value before the current edit, which a refused text
    // falls back to: taken on focus and when a valid entry is completed.
    let base = StoredValue::new(value.get_untracked());
    let settle = move || {
        if error.get_untracked().is_none() {
            base.set_value(value.get_untracked());
        }
    };

    // One place decides what typed text does to the model.
    let accept = move |text: String| {
        raw.set(text.clone());
        let read_both =
            (read(&text, max, Lang::Zh), read(&text, max, Lang::En));
        match read_both.0.and_then(|count| read_both.1.map(|_| count)) {
            Ok(count) => {
                error.set(None);
                on_commit.try_run(count);
            }
            Err(_) => {
                let before = base.get_value();
                if value.get_untracked() != before {
                    on_commit.try_run(before);
                }
                let zh = read(&text, max, Lang::Zh).err().unwrap_or_default();
                let en = read(&text, max, Lang::En).err().unwrap_or_default();
                let (kept_zh, kept_en) = match before {
                    Some(count) => (
                        format!("(仍按 {count} 计分)"),
                        format!(" (still scored as {count})"),
                    ),
                    None => (
                        "(仍按未填写计分)".to_string(),
                        " (still scored as unanswered)".to_string(),
                    ),
                };
                error.set(Some(Text::new(
                    format!("{zh}{kept_zh}"),
                    format!("{en}{kept_en}"),
                )));
            }
        }
    };

    // Chrome delivers change and blur to a focused field while its page is
    // torn down (a hash change, the back button). Every keystroke was
    // already committed on input, so such late events are dropped once
    // this component's state is gone, instead of touching disposed values.
    let id = format!("f-{}", field.replace('.', "-"));
    let error_id = format!("{id}-error");
    let described_by = error_id.clone();

    view! {
        <div class="field field-count" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <span class="field-hint">{hint}</span> })}
            <input
                type="text"
                inputmode="numeric"
                autocomplete="off"
                placeholder=placeholder
                id=id
                data-field=field
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().map(|_| described_by.clone())
                prop:value=move || raw.get()
                on:focus=move |_| {
                    if !raw.is_disposed() {
                        base.set_value(value.get_untracked());
                    }
                }
                on:compositionstart=move |_| composing.set_value(true)
                on:compositionend=move |ev| {
                    composing.set_value(false);
                    accept(event_target_value(&ev));
                }
                on:input=move |ev| {
                    if composing.get_value() || is_composing(&ev) {
                        return;
                    }
                    accept(event_target_value(&ev));
                }
                on:change=move |ev| {
                    if !raw.is_disposed() {
                        accept(event_target_value(&ev));
                        settle();
                    }
                }
                on:blur=move |_| {
                    if !error.is_disposed() && error.get_untracked().is_none() {
                        settle();
                        sync(value.get_untracked());
                    }
                }
                node_ref=input
            />
            <span class="field-error" id=error_id role="alert" data-error="">
                {move || error.get().map(|t| t.get(lang.get()).to_string())}
            </span>
        </div>
    }
}

/// The text a model value is shown as.
fn show(value: Option<u32>) -> String {
    value.map(|count| count.to_string()).unwrap_or_default()
}

/// Parses and bounds a typed count, as a message when refused.
fn read(
    text: &str,
    max: Option<u32>,
    lang: Lang,
) -> Result<Option<u32>, String> {
    let over = |max: u32| match lang {
        Lang::Zh => format!("不能超过 {max}"),
        Lang::En => format!("Cannot be more than {max}"),
    };
    let count = match (parse_count(text), max) {
        // A field with its own maximum names that, not the general one.
        (Err(CountError::TooLarge), Some(max)) => return Err(over(max)),
        (parsed, _) => parsed.map_err(|e| e.message(lang))?,
    };
    match (count, max) {
        (Some(count), Some(max)) if count > max => Err(over(max)),
        _ => Ok(count),
    }
}
