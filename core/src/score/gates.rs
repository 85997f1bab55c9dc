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
    if expenditures.is_empty() {
        return GateResult {
            kind: GateKind::DesignatedUse,
            wording,
            state: GateState::NotAssessed,
            margin: None,
            failing_entries: Vec::new(),
            summary: Text::new(
                "尚未录入支出,暂无法判断是否专款专用",
                "No expenditure entered yet: designated use (专款专用) \
                 cannot be judged",
            ),
        };
    }

    let failing: Vec<EntryRef> = expenditures
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.designated)
        .map(|(index, e)| EntryRef {
            index,
            label: e.label_zh(),
            amount: e.amount,
        })
        .collect();
    if failing.is_empty() {
        return GateResult {
            kind: GateKind::DesignatedUse,
            wording,
            state: GateState::Pass,
            margin: None,
            failing_entries: failing,
            summary: Text::new(
                "全部支出均为专款专用",
                "Every expenditure is for its designated use (专款专用)",
            ),
        };
    }

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
            format!(
                "expenditure {} {} ({})",
                e.index + 1,
                e.label,
                e.amount.format_yuan()
            )
        })
        .collect();
    GateResult {
        kind: GateKind::DesignatedUse,
        wording,
        state: GateState::Fail,
        margin: None,
        summary: Text::new(
            format!("未专款专用:{},考核不通过", named.join(";")),
            format!(
                "Not for its designated use (未专款专用): {}; the assessment \
                 fails",
                named_en.join("; ")
            ),
        ),
        failing_entries: failing,
    }
}

fn spending(rubric: &Rubric, figures: &LedgerFigures) -> GateResult {
    let wording = rubric.gates().spending_wording.clone();
    let percent = percent_label(rubric.gates().spending_ratio);
    if !figures.has_expenditures {
        return GateResult {
            kind: GateKind::Spending,
            wording,
            state: GateState::NotAssessed,
            margin: None,
            failing_entries: Vec::new(),
            summary: Text::new(
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
        };
    }

    let spent =
        format!("已支出 {}({}%)", figures.spent.format_yuan(), figures.percent);
    let spent_en =
        format!("Spent {} ({}%)", figures.spent.format_yuan(), figures.percent);
    if figures.spent >= figures.line {
        return GateResult {
            kind: GateKind::Spending,
            wording,
            state: GateState::Pass,
            margin: Some(Margin::Surplus(figures.above_line)),
            failing_entries: Vec::new(),
            summary: Text::new(
                format!(
                    "{spent},高出 {percent}% 线 {}",
                    figures.above_line.format_yuan()
                ),
                format!(
                    "{spent_en}, {} above the {percent}% line",
                    figures.above_line.format_yuan()
                ),
            ),
        };
    }
    GateResult {
        kind: GateKind::Spending,
        wording,
        state: GateState::Fail,
        margin: Some(Margin::Shortfall(figures.to_line)),
        failing_entries: Vec::new(),
        summary: Text::new(
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
