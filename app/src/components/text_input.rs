//! A free-text field that Chinese input methods can type into. While an
//! input method is composing (pinyin shown, characters not yet chosen) the
//! field's value is the method's, not the user's: the model is committed
//! only when composition ends, on a plain input event, or on change, and
//! the field is never rewritten mid-composition. Used on every page: the
//! community's name, "other" media kinds, places, the ledger's payees and
//! notes (whose test names follow the row's position).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A labelled text field committing to the model outside composition.
#[component]
pub fn TextInput(
    /// Stable name for tests, e.g. `community.name` or
    /// `ledger.description.0`; it may follow a row's position.
    #[prop(into)]
    field: Signal<String>,
    /// The element's id; by default derived from the field's first name.
    /// Rows that move give one that is stable for the row's lifetime.
    #[prop(optional, into)]
    id: Option<String>,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The model's value.
    #[prop(into)]
    value: Signal<String>,
    /// Receives each committed value.
    on_commit: Callback<String>,
    /// Placeholder text, a hint of the expected shape.
    #[prop(optional, into)]
    placeholder: Signal<String>,
) -> impl IntoView {
    // Set between compositionstart and compositionend. Some browsers also
    // flag the input events themselves (isComposing); both are honoured.
    let composing = StoredValue::new(false);
    let id = id.unwrap_or_else(|| {
        format!("f-{}", field.get_untracked().replace('.', "-"))
    });

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

/// Whether an input event belongs to an input method's composition.
/// Synthetic events (plain `Event`) never do.
pub fn is_composing(ev: &web_sys::Event) -> bool {
    ev.dyn_ref::<web_sys::InputEvent>().is_some_and(|ev| ev.is_composing())
}
