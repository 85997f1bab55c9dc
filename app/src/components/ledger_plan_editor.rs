//! The funding-use plan (资金使用计划) on the ledger page: whether a plan was
//! made at all, its lines by purpose with planned amounts, and whether it
//! was carried out.
//!
//! "Was a plan made" is item 2's first rule, a yes/no fact in the
//! assessment: answered "no", the core scores item 2 as 0 (未制定…资金使用计划
//! 的不得分). The plan's lines live in the ledger. The page keeps the two
//! consistent: adding a line answers "yes", and "no" (or "not answered")
//! can be chosen only while no line is entered. The assessment page or an
//! imported file can still make them disagree; the editor then says so
//! next to the answer rather than guessing which one is right.

use leptos::prelude::*;
use starcheck_core::{Fact, Money, PlanLine, Purpose};

use crate::components::ledger_page::LedgerItem;
use crate::components::ledger_plan_line::LedgerPlanLine;
use crate::components::ledger_row_keys::RowKeys;
use crate::components::yes_no_input::YesNoInput;
use crate::i18n::{Lang, gloss, tr, use_lang};
use crate::state::AppState;

/// The plan's answer, lines, total and the carried-out question.
#[component]
pub fn LedgerPlanEditor(
    /// The rubric's funding item (item 2) as the page found it.
    item: LedgerItem,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let number = item.number;

    // The plan fact's rule; without one (another rubric) only the lines
    // are edited.
    let plan_rule = item.plan_rule.clone();
    let plan_rule_id =
        StoredValue::new(plan_rule.as_ref().map(|r| r.id.clone()));
    let answer = Memo::new(move |_| {
        let rule = plan_rule_id.get_value()?;
        match state.assessment.with(|a| a.fact(number, &rule).cloned()) {
            Some(Fact::YesNo(made)) => Some(made),
            _ => None,
        }
    });
    let set_answer = move |made: Option<bool>| {
        if let Some(rule) = plan_rule_id.get_value() {
            state.set_fact(number, &rule, made.map(Fact::YesNo));
        }
    };

    // The lines, with keys that survive removing an earlier line.
    let count =
        Memo::new(move |_| state.assessment.with(|a| a.ledger.plan.len()));
    let keys = RowKeys::follow(count);
    let total = Memo::new(move |_| {
        state
            .assessment
            .with(|a| a.ledger.plan.iter().map(|l| l.planned).sum::<Money>())
    });

    // Adding a line says a plan exists; its purpose is the first one not
    // yet planned.
    let add = move |_| {
        let purpose = state.assessment.with_untracked(|a| {
            Purpose::ALL
                .into_iter()
                .find(|p| a.ledger.plan.iter().all(|l| l.purpose != *p))
                .unwrap_or(Purpose::Other)
        });
        keys.push();
        state.update_assessment(|a| {
            a.ledger.plan.push(PlanLine {
                purpose,
                planned: Money::ZERO,
                note: String::new(),
            })
        });
        set_answer(Some(true));
    };
    let remove = Callback::new(move |index: usize| {
        keys.remove(index);
        state.update_assessment(|a| {
            if index < a.ledger.plan.len() {
                a.ledger.plan.remove(index);
            }
        });
    });

    // The three answers; with lines entered only "made" can be chosen.
    let choices = [
        (None, "unset", "未填写", "Unanswered"),
        (Some(true), "yes", "已制定资金使用计划", "A funding plan was made"),
        (Some(false), "no", "未制定资金使用计划", "No funding plan was made"),
    ]
    .map(|(value, key, zh, en)| {
        let text = move || lang.get().pick(zh, en);
        let id = format!("ledger-plan-exists-{key}");
        view! {
            <span class="choice">
                <input
                    type="radio"
                    id=id.clone()
                    name="ledger-plan-exists"
                    value=key
                    data-field="ledger.plan.exists"
                    prop:checked=move || answer.get() == value
                    disabled=move || { value != Some(true) && count.get() > 0 }
                    on:change=move |_| set_answer(value)
                />
                <label for=id>{text}</label>
            </span>
        }
    });
    let answer_hint_en = move || {
        match (answer.get(), count.get()) {
        (Some(false), 0) => "Answered \u{201c}not made\u{201d}: item 2 scores 0 for having no funding plan.".to_string(),
        (Some(false), lines) => format!(
            "The self-assessment says no funding plan was made, but {lines} plan line(s) are entered here: check and choose \u{201c}made\u{201d}, or delete the lines."
        ),
        (None, lines) if lines > 0 => format!(
            "{lines} plan line(s) are entered, but whether a plan was made is unanswered: choose \u{201c}made\u{201d}."
        ),
        (_, lines) if lines > 0 => "Plan lines entered; if no plan was really made, delete the lines first.".to_string(),
        (Some(true), _) => "Made: enter the planned amounts by purpose.".to_string(),
        (None, _) => "While unanswered, item 2 scores as a range.".to_string(),
    }
    };
    let answer_hint_zh = move || match (answer.get(), count.get()) {
        (Some(false), 0) => {
            "已答“未制定”:第2项按“未制定资金使用计划”不得分。".to_string()
        }
        (Some(false), lines) => format!(
            "自评中答“未制定资金使用计划”,但这里录有 {lines} 行计划:请核对后选择“已制定”,或删除计划行。"
        ),
        (None, lines) if lines > 0 => format!(
            "这里录有 {lines} 行计划,但尚未回答是否已制定计划:请选择“已制定”。"
        ),
        (_, lines) if lines > 0 => {
            "已录入计划行;如确未制定计划,请先删除计划行。".to_string()
        }
        (Some(true), _) => "已制定:请按用途录入计划金额。".to_string(),
        (None, _) => "未填写时第2项按区间计分。".to_string(),
    };
    let answer_hint = move || {
        if lang.get() == Lang::En {
            return answer_hint_en();
        }
        answer_hint_zh()
    };
    let mismatch = move || {
        let lines = count.get();
        lines > 0 && answer.get() != Some(true)
    };

    // Lines are asked for unless the plan was answered as not made.
    let show_lines = move || answer.get() != Some(false) || count.get() > 0;

    let wording = plan_rule.as_ref().map(|r| r.wording.clone());
    // The questions are ours, not official: English shows their gloss.
    let asked = move |zh: String| {
        Signal::derive(move || match lang.get() {
            Lang::Zh => zh.clone(),
            Lang::En => gloss(&zh).unwrap_or(&zh).to_string(),
        })
    };
    let question =
        asked(plan_rule.as_ref().map_or(
            "是否已制定创建资金使用计划?".to_string(),
            |r| r.question.clone(),
        ));
    let carried_out = item.carried_out_rule.clone().map(|(rule, points)| {
        let consequence = Signal::derive(move || match lang.get() {
            Lang::Zh => format!("选“否”:扣{points}分(使用计划未落实)"),
            Lang::En => {
                format!("“No”: −{points} points (plan not carried out)")
            }
        });
        view! {
            <Show when=move || answer.get() != Some(false)>
                <YesNoInput
                    item=number
                    rule=rule.id.clone()
                    question=asked(rule.question.clone())
                    consequence=consequence
                />
            </Show>
        }
    });

    view! {
        <section class="card ledger-plan" data-ledger-section="plan" aria-labelledby="ledger-plan-title">
            <h3 id="ledger-plan-title">{tr("资金使用计划", "Funding plan")}</h3>
            {wording.map(|w| view! { <p class="official">{w}</p> })}
            <fieldset
                class="field field-yes-no ledger-plan-answer"
                class:invalid=mismatch
                data-answer=move || match answer.get() {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "unset",
                }
            >
                <legend>{question}</legend>
                <div class="choices">{Vec::from(choices)}</div>
                <span class="field-hint" class:status-error=mismatch data-plan-hint="">
                    {answer_hint}
                </span>
            </fieldset>
            <Show when=show_lines>
                <ol class="ledger-plan-lines">
                    <For each=move || keys.get() key=|key| *key let(key)>
                        <LedgerPlanLine key=key index=keys.index_of(key) on_remove=remove />
                    </For>
                </ol>
                <div class="list-actions">
                    <button type="button" data-action="ledger.plan.add" on:click=add>
                        {tr("添加计划行", "Add a plan line")}
                    </button>
                </div>
                <p class="ledger-plan-total">
                    {tr("计划合计 ", "Plan total ")}
                    <strong data-ledger="planned">{move || total.get().format_yuan()}</strong>
                </p>
            </Show>
            {carried_out}
        </section>
    }
}
