//! Free text on the ledger page (an expenditure's payee and purpose, a plan
//! line's note) that Chinese input methods can type into: the model is
//! committed only outside composition (on compositionend, a plain input
//! event, or change), so the field is never rewritten while pinyin is being
//! turned into characters. Unlike the assessment page's text field, its
//! test name follows the row's position.

use leptos::prelude::*;

use crate::components::text_input::is_composing;

/// A labelled text field committing to the model outside composition.
#[component]
pub fn LedgerTextInput(
    /// The element's id, stable for the row's lifetime.
    #[prop(into)]
    id: String,
    /// The stable name for tests, e.g. `ledger.description.0`.
    #[prop(into)]
    field: Signal<String>,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The model's text.
    #[prop(into)]
    value: Signal<String>,
    /// Receives each committed text.
    on_commit: Callback<String>,
    /// Placeholder text, an example of what to write.
    #[prop(optional)]
    placeholder: &'static str,
) -> impl IntoView {
    // Set between compositionstart and compositionend; input events that
    // say isComposing are skipped as well.
    let composing = StoredValue::new(false);

    view! {
        <div class="field field-text">
            <label for=id.clone()>{label}</label>
            <input
                type="text"
                id=id
                data-field=move || field.get()
                placeholder=placeholder
                prop:value=move || value.get()
                on:compositionstart=move |_| composing.set_value(true)
                on:compositionend=move |ev| {
                    composing.set_value(false);
                    on_commit.run(event_target_value(&ev));
                }
                on:input=move |ev| {
                    if composing.get_value() || is_composing(&ev) {
                        return;
                    }
                    on_commit.run(event_target_value(&ev));
                }
                on:change=move |ev| {
                    // A late change while the page is torn down finds the
                    // callback gone; what was typed is already committed.
                    on_commit.try_run(event_target_value(&ev));
                }
            />
        </div>
    }
}
