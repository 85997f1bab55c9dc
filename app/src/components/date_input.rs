//! A labelled `<input type="date">`. The browser gives `YYYY-MM-DD`, or
//! nothing while the date is incomplete; an emptied required field keeps
//! the last accepted date in the model and says so next to the field.

use jiff::civil::Date;
use leptos::prelude::*;

use crate::date::{date_input_value, date_zh, parse_date_input};
use crate::i18n::{Lang, use_lang};

/// A date field committing accepted dates.
#[component]
pub fn DateInput(
    /// Stable name for tests and the element's id, e.g. `as_of`.
    #[prop(into)]
    field: String,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The model's value.
    #[prop(into)]
    value: Signal<Option<Date>>,
    /// Receives each accepted value (`None` only when not required).
    on_commit: Callback<Option<Date>>,
    /// Whether the field may be emptied.
    #[prop(optional)]
    required: bool,
    /// Hide the label visually (it is still read by screen readers).
    #[prop(optional)]
    quiet_label: bool,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let lang = use_lang();

    // A new model value (from elsewhere) clears a stale message.
    Effect::new(move |_| {
        value.track();
        error.set(None);
    });

    let accept = move |text: String| {
        let parsed = parse_date_input(&text);
        match (parsed, text.trim().is_empty()) {
            (Some(date), _) => {
                error.set(None);
                on_commit.try_run(Some(date));
            }
            (None, true) if !required => {
                error.set(None);
                on_commit.try_run(None);
            }
            _ => {
                let kept = value.get_untracked();
                error.set(Some(match lang.get_untracked() {
                    Lang::Zh => {
                        let kept = kept
                            .map(|date| format!("(仍按 {} 计)", date_zh(date)))
                            .unwrap_or_default();
                        format!("请选择完整的日期{kept}")
                    }
                    Lang::En => {
                        let kept = kept
                            .map(|date| format!(" (still counted as {date})"))
                            .unwrap_or_default();
                        format!("Choose a complete date{kept}")
                    }
                }));
            }
        }
    };

    let id = format!("f-{}", field.replace('.', "-"));
    let error_id = format!("{id}-error");
    let described_by = error_id.clone();

    view! {
        <div class="field field-date" class:invalid=move || error.get().is_some()>
            <label for=id.clone() class:visually-hidden=quiet_label>{label}</label>
            <input
                type="date"
                id=id
                data-field=field
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().map(|_| described_by.clone())
                prop:value=move || value.get().map(date_input_value).unwrap_or_default()
                on:change=move |ev| {
                    // Late change during teardown: see CountInput.
                    if !error.is_disposed() {
                        accept(event_target_value(&ev));
                    }
                }
            />
            <span class="field-error" id=error_id role="alert">{move || error.get()}</span>
        </div>
    }
}
