//! Item 16 (发现弄虚作假): an inspector's finding, but the self-assessor can
//! mark an item to see its effect: the core then scores the item 0.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::AppState;

/// A checkbox marking one item as falsified.
#[component]
pub fn FalsifiedToggle(item: u32) -> impl IntoView {
    let state = AppState::expect();
    let marked = Memo::new(move |_| {
        state.assessment.with(|a| a.falsified.contains(&item))
    });
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        state.update_assessment(|a| {
            if on {
                a.falsified.insert(item);
            } else {
                a.falsified.remove(&item);
            }
        });
    };
    let id = format!("f-item{item}-falsified");

    view! {
        <div class="field field-falsified">
            <span class="choice">
                <input
                    type="checkbox"
                    id=id.clone()
                    data-field=format!("item{item}.falsified")
                    prop:checked=move || marked.get()
                    on:change=toggle
                />
                <label for=id>{tr("假设检查发现本项弄虚作假(本项计0分)", "Suppose the inspection finds this item falsified (弄虚作假; the item scores 0)")}</label>
            </span>
        </div>
    }
}
