//! The fix-first list from the core: what the community can still do, most
//! urgent first, each with the points it is worth. Choosing an entry
//! scrolls to its item; a gate risk opens the funding ledger, where the
//! gates are decided.

use leptos::prelude::*;
use starcheck_core::{FixKind, count_noun};

use crate::i18n::{Lang, use_lang};
use crate::route::Route;
use crate::state::AppState;

/// The core's fix-first list; `on_pick` runs after scrolling to an item.
#[component]
pub fn FixFirstList(
    /// Told when an entry was chosen (the phone summary then closes).
    on_pick: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let fixes =
        Memo::new(move |_| state.evaluation.with(|e| e.fix_first.clone()));

    move || {
        let list = fixes.get();
        let lang = lang.get();
        if list.is_empty() {
            let none = lang.pick(
                "暂无需要优先处理的事项。",
                "Nothing needs fixing first.",
            );
            return view! { <p class="muted" data-fix-first="empty">{none}</p> }
                .into_any();
        }
        let rows = list
            .into_iter()
            .take(12)
            .map(|fix| {
                let worth = match (fix.kind, lang) {
                    (FixKind::Gate, Lang::Zh) => "否决项".to_string(),
                    (FixKind::Gate, Lang::En) => "Gate".to_string(),
                    (FixKind::Pending, Lang::Zh) => format!("涉及{}分", fix.points),
                    (FixKind::Pending, Lang::En) => {
                        let points = count_noun(fix.points, "point", "points");
                        format!("{points} at stake")
                    }
                    (_, Lang::Zh) if fix.points > 0 => format!("+{}分", fix.points),
                    (_, Lang::En) if fix.points > 0 => format!("+{}", count_noun(fix.points, "point", "points")),
                    _ => String::new(),
                };
                let target = fix.item;
                let gate = fix.kind == FixKind::Gate;
                let go = move |_| {
                    if gate {
                        let _ =
                            window().location().set_hash(Route::Ledger.hash());
                    } else if let Some(item) = target {
                        scroll_to_item(item);
                    }
                    on_pick.run(());
                };
                view! {
                    <li class=format!("fix fix-{:?}", fix.kind).to_lowercase()>
                        <button type="button" class="link-like" on:click=go>
                            <span class="fix-action">{fix.action.get(lang).to_string()}</span>
                            <span class="fix-points">{worth}</span>
                        </button>
                    </li>
                }
            })
            .collect::<Vec<_>>();
        view! { <ol class="fix-first" data-fix-first="list">{rows}</ol> }
            .into_any()
    }
}

/// Brings an item's card into view.
fn scroll_to_item(item: u32) {
    let card = document().get_element_by_id(&format!("item-{item}"));
    if let Some(card) = card {
        card.scroll_into_view();
    }
}
