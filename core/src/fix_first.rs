//! The fix-first list: what a community can still do, with what it is
//! worth, most urgent first.
//!
//! Gate risks come first, as they decide pass or fail whatever the points.
//! Then every other action, largest points first: recoverable deductions
//! (points recovered by re-scoring the item with that one fact fixed, at the
//! low end, so the item's floor at 0 is respected), open months (the points
//! at stake if the month ends without it), unanswered rules and items not
//! yet assessed (how much the low end would rise at best), and falsified
//! marks.

use serde::{Deserialize, Serialize};

use jiff::civil::Date;

use crate::assessment::Assessment;
use crate::lang::Text;
use crate::months::MonthState;
use crate::rubric::Rubric;
use crate::score::rules::{self, ItemWork, Monthly, month_effect};
use crate::score::{End, Evaluation, GateKind, GateState};

/// What kind of action a [`Fix`] is.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FixKind {
    /// A gate fails or is not yet assessed: decides pass or fail.
    Gate,
    /// A known deduction that can still be put right.
    Recover,
    /// A month not yet ended: do it in time.
    Pending,
    /// A rule not yet answered.
    Answer,
    /// An item with nothing answered.
    NotAssessed,
    /// An item marked falsified.
    Falsified,
}

/// One thing to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub kind: FixKind,
    /// The item, when the action concerns one.
    pub item: Option<u32>,
    pub rule_id: Option<String>,
    /// What to do, e.g. `补齐转账凭证:2024-10-12 购置分类桶`.
    pub action: Text,
    /// Points at the low end: recovered (recover, answer, not assessed,
    /// falsified) or at stake (pending); 0 for gates.
    pub points: u32,
}

/// The fix-first list of an evaluation, most urgent first (the same list
/// [`crate::evaluate`] puts in [`Evaluation::fix_first`]).
pub fn fix_first(
    rubric: &Rubric,
    assessment: &Assessment,
    evaluation: &Evaluation,
) -> Vec<Fix> {
    let mut ignored = Vec::new();
    let works: Vec<ItemWork<'_>> = rubric
        .items()
        .iter()
        .map(|item| rules::item_work(rubric, item, assessment, &mut ignored))
        .collect();
    from_works(&works, evaluation)
}

/// The list from items already worked out.
pub(crate) fn from_works(
    works: &[ItemWork<'_>],
    evaluation: &Evaluation,
) -> Vec<Fix> {
    let mut fixes = gate_fixes(evaluation);

    let mut others: Vec<Fix> = Vec::new();
    for work in works {
        item_fixes(work, evaluation.as_of, &mut others);
    }

    // Largest first; among equals, the kind order then the item order, so
    // the list is deterministic.
    others.sort_by(|a, b| {
        b.points
            .cmp(&a.points)
            .then(a.kind.cmp(&b.kind))
            .then(a.item.cmp(&b.item))
    });
    fixes.extend(others);
    fixes
}

fn gate(action: Text) -> Fix {
    Fix { kind: FixKind::Gate, item: None, rule_id: None, action, points: 0 }
}

/// Gate risks: failing entries, the spending shortfall, or a ledger still
/// to enter.
fn gate_fixes(evaluation: &Evaluation) -> Vec<Fix> {
    let mut fixes = Vec::new();
    let mut not_assessed = false;
    for result in &evaluation.gates {
        match (result.kind, result.state) {
            (GateKind::DesignatedUse, GateState::Fail) => {
                for entry in &result.failing_entries {
                    let (n, label, amount) = (
                        entry.index + 1,
                        &entry.label,
                        entry.amount.format_yuan(),
                    );
                    fixes.push(gate(Text::new(
                        format!(
                            "第{n}笔支出未专款专用:{label}({amount}),须整改,否则考核不通过"
                        ),
                        format!(
                            "Expenditure {n} is not for its designated use \
                             (未专款专用): {label} ({amount}); correct it, or \
                             the assessment fails"
                        ),
                    )));
                }
            }
            (GateKind::Spending, GateState::Fail) => {
                fixes.push(gate(Text::new(
                    format!("{},否则考核不通过", result.summary.zh),
                    format!("{}, or the assessment fails", result.summary.en),
                )));
            }
            (_, GateState::NotAssessed) => not_assessed = true,
            (_, GateState::Pass) => {}
        }
    }
    if not_assessed {
        fixes.push(gate(Text::new(
            "录入资金支出台账,以判断专款专用与支出比例两项门槛",
            "Enter the spending ledger, so that both gates (designated use \
             and the spending share) can be judged",
        )));
    }
    fixes
}

/// Everything one item offers: falsified mark, not assessed, unanswered
/// rules, fixable deductions, open months.
fn item_fixes(work: &ItemWork<'_>, as_of: Date, out: &mut Vec<Fix>) {
    let item = work.item;
    let fix = |kind, rule_id: Option<&str>, action: Text, points| Fix {
        kind,
        item: Some(item.number),
        rule_id: rule_id.map(str::to_string),
        action,
        points,
    };

    if !work.answered_any() {
        let (n, title) = (item.number, &item.title);
        let action = Text::new(
            format!("第{n}项“{title}”尚未填写"),
            format!("Item {n} \u{201c}{title}\u{201d} is not filled in yet"),
        );
        out.push(fix(FixKind::NotAssessed, None, action, item.max));
        return;
    }
    let current = work.rules_score(End::Low, None);
    if work.falsified {
        let (n, title) = (item.number, &item.title);
        let action = Text::new(
            format!("第{n}项“{title}”被标记弄虚作假:核实并补正材料"),
            format!(
                "Item {n} \u{201c}{title}\u{201d} is marked as falsified \
                 (弄虚作假): verify and correct the materials"
            ),
        );
        out.push(fix(FixKind::Falsified, None, action, current));
        return;
    }

    for (index, outcome) in work.outcomes.iter().enumerate() {
        let rule_id = Some(outcome.rule_id.as_str());
        let gain = |effect| {
            work.rules_score(End::Low, Some((index, effect)))
                .saturating_sub(current)
        };

        if !outcome.answered {
            let (n, question) = (item.number, &outcome.question);
            let action = Text::new(
                format!("填写第{n}项:{question}"),
                format!("Answer item {n}: {question}"),
            );
            out.push(fix(FixKind::Answer, rule_id, action, gain(outcome.high)));
        }

        for noted in outcome.deductions.iter().filter(|n| n.fixable) {
            let deduction = &noted.deduction;
            let mut fixed = outcome.low;
            if deduction.zeroes_item {
                fixed.zero = false;
            } else {
                fixed.minus = fixed.minus.saturating_sub(deduction.points);
            }
            let n = item.number;
            let action = Text::new(
                format!(
                    "第{n}项 整改:{}",
                    without_points(&deduction.reason.zh)
                ),
                format!(
                    "Item {n}, put right: {}",
                    without_points(&deduction.reason.en)
                ),
            );
            out.push(fix(FixKind::Recover, rule_id, action, gain(fixed)));
        }

        if let Some(monthly) = &outcome.monthly {
            for (at, line) in monthly.lines.iter().enumerate() {
                if !line.state.is_open() {
                    continue;
                }
                let points = month_stake(work, index, monthly, at, as_of);
                let text = outcome
                    .pending
                    .iter()
                    .find(|p| p.month == line.month)
                    .map_or_else(
                        || {
                            Text::new(
                                line.month.label_zh(),
                                line.month.label_en(),
                            )
                        },
                        |p| p.text.clone(),
                    );
                let n = item.number;
                let action = Text::new(
                    format!("第{n}项:{}", text.zh),
                    format!("Item {n}: {}", text.en),
                );
                out.push(fix(FixKind::Pending, rule_id, action, points));
            }
        }
    }
}

/// The points that depend on an open month: the item's score if the duty
/// is done now against if the month ends without it, at whichever end the
/// difference is larger (a report done after its due day only counts at
/// the high end).
fn month_stake(
    work: &ItemWork<'_>,
    index: usize,
    monthly: &Monthly,
    at: usize,
    as_of: Date,
) -> u32 {
    let with_state = |state| {
        let mut lines = monthly.lines.clone();
        if let Some(line) = lines.get_mut(at) {
            line.state = state;
        }
        lines
    };
    let done_state = match lines_state(monthly, at) {
        Some(MonthState::Overdue) => MonthState::Late { on: as_of },
        _ => MonthState::Done { on: as_of },
    };
    let done = with_state(done_state);
    let missed = with_state(MonthState::Missing);

    [End::Low, End::High]
        .into_iter()
        .map(|end| {
            let if_done = month_effect(monthly, &done, end);
            let if_missed = month_effect(monthly, &missed, end);
            work.rules_score(end, Some((index, if_done)))
                .saturating_sub(work.rules_score(end, Some((index, if_missed))))
        })
        .max()
        .unwrap_or(0)
}

fn lines_state(monthly: &Monthly, at: usize) -> Option<MonthState> {
    monthly.lines.get(at).map(|l| l.state)
}

/// A reason without its trailing ` −N`.
fn without_points(reason: &str) -> &str {
    match reason.rsplit_once(" −") {
        Some((text, points)) if points.chars().all(|c| c.is_ascii_digit()) => {
            text
        }
        _ => reason,
    }
}
