//! Chooses the input for one rule from the shape of fact the rule reads:
//! yes/no, a count of findings, a graded range, media kinds, meetings,
//! reports, places, or (item 2's documents) a note pointing at the ledger.

use leptos::prelude::*;
use starcheck_core::{Fact, Rule, Schedule};

use crate::components::count_input::CountInput;
use crate::components::kinds_input::KindsInput;
use crate::components::ledger_documents_note::LedgerDocumentsNote;
use crate::components::meetings_input::MeetingsInput;
use crate::components::places_input::PlacesInput;
use crate::components::range_input::RangeInput;
use crate::components::reports_input::ReportsInput;
use crate::components::yes_no_input::YesNoInput;
use crate::i18n::{Lang, gloss, use_lang};
use crate::state::AppState;

/// The input for one rule of one item.
#[component]
pub fn RuleInput(
    item: u32,
    /// The item's maximum (a graded range lies within it).
    max: u32,
    rule: Rule,
) -> impl IntoView {
    let id = rule.id().to_string();
    let lang = use_lang();

    // The questions are ours, not official: English mode shows their
    // English wording.
    let asked = rule.question().to_string();
    let question = Signal::derive(move || match lang.get() {
        Lang::Zh => asked.clone(),
        Lang::En => gloss(&asked).unwrap_or(&asked).to_string(),
    });
    let consequence = move |zh: String, en: String| {
        Signal::derive(move || lang.get().pick(zh.clone(), en.clone()))
    };

    match rule {
        Rule::RequiredOrZero { .. } => view! {
            <YesNoInput
                item=item
                rule=id
                question=question
                consequence=consequence(
                    "选“否”:本项不得分。".to_string(),
                    "Answering \u{201c}No\u{201d}: the item scores 0.".to_string(),
                )
            />
        }
        .into_any(),
        Rule::FixedDeduction { points, .. } => view! {
            <YesNoInput
                item=item
                rule=id
                question=question
                consequence=consequence(
                    format!("选“否”:扣{points}分。"),
                    format!("Answering \u{201c}No\u{201d}: −{points} points."),
                )
            />
        }
        .into_any(),
        Rule::PerFinding { points_each, .. } => {
            view! { <FindingCount item=item rule=id question=question points_each=points_each /> }
                .into_any()
        }
        Rule::Graded { .. } => {
            view! { <RangeInput item=item rule=id question=question max=max /> }.into_any()
        }
        Rule::KindsShort { kinds, minimum, points_each, .. } => view! {
            <KindsInput
                item=item
                rule=id
                question=question
                kinds=kinds
                minimum=minimum
                points_each=points_each
            />
        }
        .into_any(),
        Rule::PerMissingMonth { schedule: Schedule::Meetings, .. } => {
            view! { <MeetingsInput item=item rule=id question=question /> }.into_any()
        }
        Rule::PerMissingMonth { schedule: Schedule::Reports, .. } => {
            view! { <ReportsInput item=item rule=id question=question /> }.into_any()
        }
        Rule::PlaceEquipment { requirements, points_each, .. } => view! {
            <PlacesInput
                item=item
                rule=id
                question=question
                requirements=requirements
                points_each=points_each
            />
        }
        .into_any(),
        Rule::LedgerDocuments { points_each, .. } => view! {
            <LedgerDocumentsNote
                item=item
                rule=id
                question=question
                points_each=points_each
            />
        }
        .into_any(),
    }
}

/// A count of findings (dirty containers, wrong labels…); empty is
/// unanswered.
#[component]
fn FindingCount(
    item: u32,
    rule: String,
    question: Signal<String>,
    points_each: u32,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let fact = state.fact(item, &rule);
    let value = Memo::new(move |_| match fact.get() {
        Some(Fact::Count(count)) => Some(count),
        _ => None,
    });
    let rule_id = StoredValue::new(rule.clone());
    let commit = Callback::new(move |count: Option<u32>| {
        let fact = count.map(Fact::Count);
        rule_id.with_value(|rule| state.set_fact(item, rule, fact));
    });

    view! {
        <div class="rule-count" data-rule=rule.clone()>
            <CountInput
                field=format!("item{item}.{rule}")
                label=question
                value=value
                on_commit=commit
                hint=Signal::derive(move || match lang.get() {
                    Lang::Zh => format!("每处扣{points_each}分;没有请填 0。"),
                    Lang::En => format!("−{points_each} points each; enter 0 if none."),
                })
                placeholder="0"
            />
        </div>
    }
}
