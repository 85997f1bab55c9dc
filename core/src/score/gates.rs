//! The bonus (加分项, capped, excess shown) and the pass/fail gates (item
//! 17: designated use and the 75% spending line), read from the assessment's
//! bonus counts and ledger.
//!
//! (our reading) A missing bonus count is 0: a bonus counts once claimed.
//! Only designated expenditures count as spent; any expenditure marked not
//! designated fails the designated-use gate and is named. Without any
//! expenditure both gates are not assessed (neither pass nor fail).

use rust_decimal::Decimal;

use crate::assessment::Assessment;
use crate::lang::Text;
use crate::ledger::LedgerFigures;
use crate::rubric::Rubric;
use crate::score::{
    BonusItemResult, BonusPartResult, BonusResult, EntryRef, FactProblem,
    GateKind, GateResult, GateState, Margin, ProblemKind,
};

/// Counts and caps the bonus items; unknown bonus items or parts are
/// reported on `issues`.
pub(crate) fn bonus(
    rubric: &Rubric,
    assessment: &Assessment,
    issues: &mut Vec<FactProblem>,
) -> BonusResult {
    for (&number, parts) in &assessment.bonus {
        let Some(item) = rubric.bonus_item(number) else {
            issues.push(FactProblem {
                item: number,
                rule_id: None,
                kind: ProblemKind::UnknownItem,
            });
            continue;
        };
        for part in parts.keys() {
            if !item.parts.iter().any(|p| &p.id == part) {
                issues.push(FactProblem {
                    item: number,
                    rule_id: None,
                    kind: ProblemKind::UnknownBonusPart { part: part.clone() },
                });
            }
        }
    }

    let items: Vec<BonusItemResult> = rubric
        .bonus_items()
        .iter()
        .map(|item| {
            let counts = assessment.bonus.get(&item.number);
            let parts: Vec<BonusPartResult> = item
                .parts
                .iter()
                .map(|part| {
                    let count = counts
                        .and_then(|c| c.get(&part.id))
                        .copied()
                        .unwrap_or(0);
                    BonusPartResult {
                        id: part.id.clone(),
                        label: part.label.clone(),
                        count,
                        points: count.saturating_mul(part.points_each),
                    }
                })
                .collect();
            let raw =
                parts.iter().fold(0u32, |sum, p| sum.saturating_add(p.points));
            let points = raw.min(item.cap);
            BonusItemResult {
                number: item.number,
                title: item.title.clone(),
                parts,
                raw,
                cap: item.cap,
                points,
                excess: raw - points,
            }
        })
        .collect();

    let sum = |f: fn(&BonusItemResult) -> u32| {
        items.iter().fold(0u32, |total, item| total.saturating_add(f(item)))
    };
    BonusResult {
        raw: sum(|i| i.raw),
        points: sum(|i| i.points),
        excess: sum(|i| i.excess),
        max: rubric.bonus_max(),
        items,
    }
}

/// The ratio as a percentage for messages: 0.75 → `75`.
fn percent_label(ratio: Decimal) -> String {
    ratio
        .checked_mul(Decimal::ONE_HUNDRED)
        .unwrap_or(ratio)
        .normalize()
        .to_string()
}

/// The designated-use gate, then the spending gate.
pub(crate) fn gates(
    rubric: &Rubric,
    assessment: &Assessment,
    figures: &LedgerFigures,
) -> Vec<GateResult> {
    vec![designated_use(rubric, assessment), spending(rubric, figures)]
}

fn designated_use(rubric: &Rubric, assessment: &Assessment) -> GateResult {
    let wording = rubric.gates().designated_use_wording.clone();
    let expenditures = &assessment.ledger.expenditures;
    let failing: Vec<EntryRef> = expenditures
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.designated)
        .map(|(index, e)| EntryRef {
            index,
            label: e.label_zh(),
            label_en: e.label_en(),
            amount: e.amount,
        })
        .collect();
    let state = if expenditures.is_empty() {
        GateState::NotAssessed
    } else if failing.is_empty() {
        GateState::Pass
    } else {
        GateState::Fail
    };
    GateResult {
        kind: GateKind::DesignatedUse,
        wording,
        state,
        margin: None,
        summary: designated_use_summary(state, &failing),
        failing_entries: failing,
    }
}

fn designated_use_summary(state: GateState, failing: &[EntryRef]) -> Text {
    match state {
        GateState::NotAssessed => Text::new(
            "尚未录入支出,暂无法判断是否专款专用",
            "No expenditure entered yet: designated use (专款专用) cannot \
             be judged",
        ),
        GateState::Pass => Text::new(
            "全部支出均为专款专用",
            "Every expenditure is for its designated use (专款专用)",
        ),
        GateState::Fail => {
            let named: Vec<String> = failing
                .iter()
                .map(|e| {
                    format!(
                        "第{}笔 {}({})",
                        e.index + 1,
                        e.label,
                        e.amount.format_yuan()
                    )
                })
                .collect();
            let named_en: Vec<String> = failing
                .iter()
                .map(|e| {
                    let label = if e.label_en.is_empty() {
                        &e.label
                    } else {
                        &e.label_en
                    };
                    format!(
                        "expenditure {} {label} ({})",
                        e.index + 1,
                        e.amount.format_yuan()
                    )
                })
                .collect();
            Text::new(
                format!("未专款专用:{},考核不通过", named.join(";")),
                format!(
                    "Not for its designated use (未专款专用): {}; the \
                     assessment fails",
                    named_en.join("; ")
                ),
            )
        }
    }
}

fn spending(rubric: &Rubric, figures: &LedgerFigures) -> GateResult {
    let wording = rubric.gates().spending_wording.clone();
    let (state, margin) = if !figures.has_expenditures {
        (GateState::NotAssessed, None)
    } else if figures.spent >= figures.line {
        (GateState::Pass, Some(Margin::Surplus(figures.above_line)))
    } else {
        (GateState::Fail, Some(Margin::Shortfall(figures.to_line)))
    };
    GateResult {
        kind: GateKind::Spending,
        wording,
        state,
        margin,
        failing_entries: Vec::new(),
        summary: spending_summary(rubric, state, figures),
    }
}

fn spending_summary(
    rubric: &Rubric,
    state: GateState,
    figures: &LedgerFigures,
) -> Text {
    let percent = percent_label(rubric.gates().spending_ratio);
    let spent =
        format!("已支出 {}({}%)", figures.spent.format_yuan(), figures.percent);
    let spent_en =
        format!("Spent {} ({}%)", figures.spent.format_yuan(), figures.percent);
    match state {
        GateState::NotAssessed => Text::new(
            format!(
                "尚未录入支出;须至少支出 {}(基础补助的{percent}%)",
                figures.line.format_yuan()
            ),
            format!(
                "No expenditure entered yet; at least {} must be spent \
                 ({percent}% of the base subsidy)",
                figures.line.format_yuan()
            ),
        ),
        GateState::Pass => Text::new(
            format!(
                "{spent},高出 {percent}% 线 {}",
                figures.above_line.format_yuan()
            ),
            format!(
                "{spent_en}, {} above the {percent}% line",
                figures.above_line.format_yuan()
            ),
        ),
        GateState::Fail => Text::new(
            format!(
                "{spent},还差 {} 达到 {percent}%",
                figures.to_line.format_yuan()
            ),
            format!(
                "{spent_en}; {} short of {percent}%",
                figures.to_line.format_yuan()
            ),
        ),
    }
}

/// A gate's one-line summary in both languages, made again from what its
/// result and the evaluation's ledger figures hold: the words [`gates`]
/// gave it. For an evaluation read back through serde, whose summaries
/// kept only their Chinese (the district page's worker hands them over so).
pub fn summary(
    rubric: &Rubric,
    gate: &GateResult,
    figures: &LedgerFigures,
) -> Text {
    match gate.kind {
        GateKind::DesignatedUse => {
            designated_use_summary(gate.state, &gate.failing_entries)
        }
        GateKind::Spending => spending_summary(rubric, gate.state, figures),
    }
}

/// Fail if any gate fails; else not assessed if any is; else pass.
pub(crate) fn outcome(gates: &[GateResult]) -> GateState {
    if gates.iter().any(|g| g.state == GateState::Fail) {
        return GateState::Fail;
    }
    if gates.iter().any(|g| g.state == GateState::NotAssessed) {
        return GateState::NotAssessed;
    }
    GateState::Pass
}
