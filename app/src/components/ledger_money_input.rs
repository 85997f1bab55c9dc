//! An amount of money as people type it, read only by the core's
//! `Money::parse_input` (60000, 60,000.00, ６００００, 6万, ¥60,000 …).
//!
//! The field is `type="text"` with a decimal keyboard, so that full-width
//! digits and 万 arrive intact. Each accepted keystroke moves the figures at
//! once. A refused text stays on screen with the core's Chinese message and
//! `aria-invalid`, and the model goes back to the amount the field held when
//! this edit began (when it took focus, or when its last valid entry was
//! completed), never to a prefix typed on the way: `100.005` typed over
//! `20,000.10` passes through the valid `100.00`, but once refused the
//! figures show ¥20,000.10 again; `65000` erased key by key does not leave
//! ¥6.00 counted. An emptied field is refused too (the model has no "no
//! amount" apart from ¥0.00, which a new row starts with). Input-method
//! composition is committed only when it ends.

use leptos::prelude::*;
use starcheck_core::{Lang, Money, Text};

use crate::components::text_input::is_composing;
use crate::i18n::{tr, use_lang};

/// A labelled amount field with its reading and its error message.
#[component]
pub fn LedgerMoneyInput(
    /// The element's id, stable for the row's lifetime.
    #[prop(into)]
    id: String,
    /// The stable name for tests, e.g. `ledger.amount.0` (follows the
    /// row's position).
    #[prop(into)]
    field: Signal<String>,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The model's amount; ¥0.00 shows as an empty field.
    #[prop(into)]
    value: Signal<Money>,
    /// Receives each accepted amount.
    on_commit: Callback<Money>,
) -> impl IntoView {
    // The text on screen, which differs from the model while refused or
    // while an input method composes.
    let raw = RwSignal::new(amount_text(value.get_untracked()));
    // The message in both languages, so a switch re-words it.
    let error = RwSignal::new(None::<Text>);
    let lang = use_lang();
    let composing = StoredValue::new(false);

    // The model's amount before the current edit: taken when the field
    // gains focus and when a valid entry is completed (change, blur), so a
    // refused text falls back to it rather than to a prefix typed on the
    // way there.
    let base = StoredValue::new(value.get_untracked());

    // What this field last sent, so that its own commits (and fallbacks)
    // are not mistaken for a change from elsewhere.
    let sent = StoredValue::new(None::<Money>);
    let commit = move |amount: Money| {
        sent.set_value(Some(amount));
        if value.get_untracked() != amount {
            on_commit.try_run(amount);
        }
    };

    // A model changed from elsewhere (a loaded draft, an import) replaces
    // the text, unless the text already reads as the new amount.
    Effect::new(move |previous: Option<Money>| {
        let model = value.get();
        let changed = previous.is_some_and(|previous| previous != model);
        let own = sent.get_value() == Some(model);
        if changed
            && !own
            && Money::parse_input(&raw.get_untracked()) != Ok(model)
        {
            raw.set(amount_text(model));
            error.set(None);
            base.set_value(model);
        }
        model
    });

    // The one place where typed text becomes an amount, or is refused.
    let accept = move |text: String| {
        raw.set(text.clone());
        match Money::parse_input(&text) {
            Ok(amount) => {
                error.set(None);
                commit(amount);
            }
            Err(refused) => {
                let kept = base.get_value();
                commit(kept);
                error.set(Some(Text::new(
                    format!(
                        "{}(仍按 {} 计)",
                        refused.message(Lang::Zh),
                        kept.format_yuan()
                    ),
                    format!(
                        "{} (still counted as {})",
                        refused.message(Lang::En),
                        kept.format_yuan()
                    ),
                )));
            }
        }
    };

    // A completed valid entry (the field left, or Enter) is what a later
    // edit falls back to; a refused one leaves the earlier amount in place.
    let settle = move || {
        if error.get_untracked().is_none() {
            base.set_value(value.get_untracked());
        }
    };

    // What the accepted text is counted as, so 6万 visibly means ¥60,000.00.
    let reading = move || {
        if error.get().is_some() {
            return None;
        }
        let text = raw.get();
        let lang = lang.get();
        if text.trim().is_empty() {
            let empty = lang.pick(
                "未填金额,按 ¥0.00 计",
                "No amount yet: counted as ¥0.00",
            );
            return Some(empty.to_string());
        }
        let amount = value.get().format_yuan();
        Some(match lang {
            Lang::Zh => format!("计为 {amount}"),
            Lang::En => format!("Counted as {amount}"),
        })
    };

    let error_id = format!("{id}-error");
    let described_by = error_id.clone();
    let reading_id = format!("{id}-reading");
    let described_reading = reading_id.clone();

    view! {
        <div class="field field-money" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                placeholder=tr("如 60,000.00 或 6万", "e.g. 60,000.00 or 6万")
                id=id
                data-field=move || field.get()
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || {
                    if error.get().is_some() {
                        described_by.clone()
                    } else {
                        described_reading.clone()
                    }
                }
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
                    // Late change during teardown: see CountInput.
                    if !raw.is_disposed() {
                        accept(event_target_value(&ev));
                        settle();
                    }
                }
                on:blur=move |_| {
                    if !error.is_disposed() {
                        settle();
                    }
                }
            />
            <span class="field-hint money-reading" id=reading_id data-reading="">
                {reading}
            </span>
            <span class="field-error" id=error_id role="alert" data-error="">
                {move || error.get().map(|t| t.get(lang.get()).to_string())}
            </span>
        </div>
    }
}

/// The text an amount is shown as in the field: `60,000.00`, or empty for
/// ¥0.00 (a new row has no amount yet).
pub fn amount_text(amount: Money) -> String {
    if amount.is_zero() {
        return String::new();
    }
    let yuan = amount.format_yuan();
    yuan.trim_start_matches('¥').to_string()
}
