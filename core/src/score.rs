//! Scoring one assessment against a rubric: [`evaluate`] turns facts into
//! the score an inspector would give, as a range, with the reason for every
//! lost point.
//!
//! (our reading) The inspector's judgement cannot be computed, and facts may
//! be unanswered, so every score is a range `low..=high`:
//!
//! - an item is `clamp(start − deductions, 0, max)` at each end, where
//!   `start` is the graded (酌情) range the self-assessor expects, or `max`
//!   for items without a graded part; "指标分值扣完为止": a deduction never
//!   spills into another item;
//! - an unanswered yes/no is "not met" at the low end and "met" at the high
//!   end; an unanswered count is "enough to zero the item" at the low end
//!   and 0 at the high end; an unanswered graded part is `0..=max`; an
//!   unanswered kinds list has no kinds at the low end and enough at the
//!   high end; an item with no facts at all is not assessed and counts
//!   `0..=max`, never silently full or zero;
//! - a fact of the wrong shape is treated as unanswered and reported in
//!   [`Evaluation::issues`]; scoring never fails and never panics.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

mod gates;
pub(crate) mod rules;

pub use gates::summary as gate_summary;

use crate::assessment::{Assessment, Community};
use crate::fix_first::{self, Fix};
use crate::lang::{Lang, Text};
use crate::ledger::LedgerFigures;
use crate::money::Money;
use crate::months::{MonthLine, YearMonth};
use crate::rubric::{FactShape, Rubric};
use rules::ItemWork;

/// An end of a score range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum End {
    /// The points the community can count on.
    Low,
    /// The points it could reach if every open question goes its way.
    High,
}

/// A range of whole points, `low <= high`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize,
)]
pub struct ScoreRange {
    pub low: u32,
    pub high: u32,
}

impl ScoreRange {
    /// A single value.
    pub fn exact(points: u32) -> ScoreRange {
        ScoreRange { low: points, high: points }
    }

    /// The range's end.
    pub fn at(&self, end: End) -> u32 {
        match end {
            End::Low => self.low,
            End::High => self.high,
        }
    }

    /// Whether the range is a single value.
    pub fn is_exact(&self) -> bool {
        self.low == self.high
    }

    /// The sum, end by end (saturating).
    pub fn plus(self, other: ScoreRange) -> ScoreRange {
        ScoreRange {
            low: self.low.saturating_add(other.low),
            high: self.high.saturating_add(other.high),
        }
    }
}

impl fmt::Display for ScoreRange {
    /// `7` when exact, `5–9` otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_exact() {
            return write!(f, "{}", self.low);
        }
        write!(f, "{}–{}", self.low, self.high)
    }
}

/// How far an item is assessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Every rule answered.
    Assessed,
    /// Some rules answered, some not.
    Partial,
    /// Nothing answered: counts `0..=max`.
    NotAssessed,
    /// Marked falsified (item 16): scores 0.
    Falsified,
}

/// At which ends of the range a deduction applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applies {
    /// At both ends: a known shortfall.
    Both,
    /// At the low end only (e.g. a late report: missing at the low end,
    /// sent at the high end).
    LowOnly,
}

/// One lost-points finding, with the rule and a reason naming the fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deduction {
    /// The rule's id within the item.
    pub rule_id: String,
    /// The points deducted as the rule states them, before the item's
    /// floor at 0 (for a rule that zeroes the item: the item's maximum).
    pub points: u32,
    /// The rule zeroes the whole item (不得分).
    pub zeroes_item: bool,
    /// The reason, naming the fact, e.g. `11月未召开联席会 −2`.
    pub reason: Text,
    pub applies: Applies,
}

/// A duty that is still open: a month not yet ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    pub rule_id: String,
    pub month: YearMonth,
    /// A report whose due day has passed (scored as pending until the
    /// month ends; sending now counts as late).
    pub overdue: bool,
    /// The to-do, e.g. `12月联席会待召开`.
    pub text: Text,
}

/// A rule still to answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unanswered {
    pub rule_id: String,
    /// The question to ask.
    pub question: String,
}

/// The result for one scored item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemResult {
    pub number: u32,
    pub category: String,
    pub title: String,
    pub max: u32,
    /// The score, within `0..=max`.
    pub score: ScoreRange,
    pub status: ItemStatus,
    /// Every known lost point, with its reason.
    pub deductions: Vec<Deduction>,
    /// Open monthly duties.
    pub pending: Vec<Pending>,
    /// Rules not yet answered (they widen the range).
    pub unanswered: Vec<Unanswered>,
    /// The graded (酌情) start the self-assessor expects, when the item has
    /// a graded part and it is answered.
    pub graded: Option<ScoreRange>,
    /// Month by month, for monthly items (empty otherwise).
    pub months: Vec<MonthLine>,
}

/// A category's subtotal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryResult {
    pub name: String,
    pub max: u32,
    pub score: ScoreRange,
    /// The numbers of its items.
    pub items: Vec<u32>,
}

/// One part of a bonus item, counted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BonusPartResult {
    pub id: String,
    pub label: String,
    pub count: u32,
    /// `count × points_each`, before the cap.
    pub points: u32,
}

/// One bonus item, counted and capped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BonusItemResult {
    pub number: u32,
    pub title: String,
    pub parts: Vec<BonusPartResult>,
    /// Before the cap.
    pub raw: u32,
    pub cap: u32,
    /// After the cap.
    pub points: u32,
    /// What the cap cut off (`raw − points`).
    pub excess: u32,
}

/// The bonus (加分项). Bonus counts are exact (an unclaimed bonus is 0), so
/// the bonus is a single value, not a range.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BonusResult {
    pub items: Vec<BonusItemResult>,
    /// Before caps.
    pub raw: u32,
    /// After caps: what is added to the base score.
    pub points: u32,
    /// What the caps cut off.
    pub excess: u32,
    /// The largest bonus there can be (sum of caps).
    pub max: u32,
}

/// Which gate (item 17).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GateKind {
    /// 补助资金专款专用.
    DesignatedUse,
    /// 基础补助资金实际支出不低于75%.
    Spending,
}

/// A gate's state; also the evaluation's overall outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GateState {
    Pass,
    /// 考核不通过, whatever the points.
    Fail,
    /// No spending entered yet.
    NotAssessed,
}

/// How far spending is from the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "amount", rename_all = "snake_case")]
pub enum Margin {
    /// Spent this much more than the line.
    Surplus(Money),
    /// This much still to spend to reach the line.
    Shortfall(Money),
}

/// An expenditure named by a gate: its position in the ledger (from 0) and
/// how users recognise it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryRef {
    pub index: usize,
    /// [`crate::Expenditure::label_zh`].
    pub label: String,
    /// [`crate::Expenditure::label_en`]; empty when read from an older
    /// answer, which then shows `label`.
    #[serde(default)]
    pub label_en: String,
    pub amount: Money,
}

/// One gate's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateResult {
    pub kind: GateKind,
    /// The official wording.
    pub wording: String,
    pub state: GateState,
    /// For the spending gate once spending is entered.
    pub margin: Option<Margin>,
    /// Expenditures that fail the designated-use gate.
    pub failing_entries: Vec<EntryRef>,
    /// One line, e.g. `还差 ¥3,200.00 达到 75%`.
    pub summary: Text,
}

/// What is wrong with a fact; the fact is then treated as unanswered (or,
/// for single entries, the entry is ignored).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ProblemKind {
    /// Facts for an item the rubric does not have.
    UnknownItem,
    /// A fact for a rule id the item does not have.
    UnknownRule,
    /// A fact of another shape than the rule reads.
    WrongShape { expected: FactShape },
    /// A graded range with `low > high`.
    RangeInverted { low: u32, high: u32 },
    /// A graded range above the item's maximum.
    RangeAboveMax { high: u32, max: u32 },
    /// A meeting or report dated after the as-of date (ignored).
    AfterAsOf {
        #[serde(deserialize_with = "crate::dates::de_date")]
        date: Date,
    },
    /// A meeting or report for a month outside the campaign (ignored).
    OutsideCampaign { month: YearMonth },
    /// A ticked kind not in the rubric's list (ignored).
    UnknownKind { kind: String },
    /// A bonus count for a part the bonus item does not have.
    UnknownBonusPart { part: String },
}

/// A problem with one answered fact, reported instead of failing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactProblem {
    pub item: u32,
    pub rule_id: Option<String>,
    pub kind: ProblemKind,
}

impl FactProblem {
    /// The message shown to users in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.message_zh(),
            Lang::En => self.message_en(),
        }
    }

    /// The message shown to users, in English. Like the Chinese, it names
    /// the item only, not the rule's id.
    pub fn message_en(&self) -> String {
        let at = format!("Item {}", self.item);
        match &self.kind {
            ProblemKind::UnknownItem => {
                format!("{at}: the rubric has no such item; ignored")
            }
            ProblemKind::UnknownRule => {
                format!("{at}: the item has no such rule; ignored")
            }
            ProblemKind::WrongShape { .. } => {
                format!(
                    "{at}: the answer has the wrong type; counted as unanswered"
                )
            }
            ProblemKind::RangeInverted { low, high } => format!(
                "{at}: the estimated low {low} is above the high {high}; \
                 counted as unanswered"
            ),
            ProblemKind::RangeAboveMax { high, max } => format!(
                "{at}: the estimate {high} exceeds the item's {max} points; \
                 counted as unanswered"
            ),
            ProblemKind::AfterAsOf { date } => format!(
                "{at}: the date {date} is after the assessment date; not \
                 counted yet"
            ),
            ProblemKind::OutsideCampaign { month } => format!(
                "{at}: {month} is outside the campaign months; not counted"
            ),
            ProblemKind::UnknownKind { kind } => format!(
                "{at}: \u{201c}{kind}\u{201d} is not in the list of media; \
                 enter it under \u{201c}其他\u{201d} (other)"
            ),
            ProblemKind::UnknownBonusPart { part } => format!(
                "{at}: there is no bonus part \u{201c}{part}\u{201d}; ignored"
            ),
        }
    }

    /// The message shown to users, in Chinese. It names the item only:
    /// the rule's id is the file format's (`meetings`), not a word users
    /// know, and the message shows beside the item's own questions.
    pub fn message_zh(&self) -> String {
        let at = format!("第{}项", self.item);
        match &self.kind {
            ProblemKind::UnknownItem => {
                format!("{at}:评分细则中没有此项,已忽略")
            }
            ProblemKind::UnknownRule => format!("{at}:此项没有这条规则,已忽略"),
            ProblemKind::WrongShape { .. } => {
                format!("{at}:填写内容的类型不对,按未填写计")
            }
            ProblemKind::RangeInverted { low, high } => {
                format!("{at}:预计得分下限{low}高于上限{high},按未填写计")
            }
            ProblemKind::RangeAboveMax { high, max } => {
                format!("{at}:预计得分{high}超过本项分值{max},按未填写计")
            }
            ProblemKind::AfterAsOf { date } => {
                format!("{at}:日期{date}晚于评估日期,暂不计入")
            }
            ProblemKind::OutsideCampaign { month } => {
                format!("{at}:{}不在创建月份内,不计入", month.long_label_zh())
            }
            ProblemKind::UnknownKind { kind } => {
                format!("{at}:“{kind}”不在媒介列表中,请填在“其他”里")
            }
            ProblemKind::UnknownBonusPart { part } => {
                format!("{at}:没有加分项“{part}”,已忽略")
            }
        }
    }
}

impl fmt::Display for FactProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "item `{}`", self.item)?;
        if let Some(rule) = &self.rule_id {
            write!(f, " rule `{rule}`")?;
        }
        match &self.kind {
            ProblemKind::UnknownItem => write!(f, ": no such item"),
            ProblemKind::UnknownRule => write!(f, ": no such rule"),
            ProblemKind::WrongShape { expected } => {
                write!(f, ": expected a `{expected:?}` fact")
            }
            ProblemKind::RangeInverted { low, high } => {
                write!(f, ": range low {low} is above high {high}")
            }
            ProblemKind::RangeAboveMax { high, max } => {
                write!(f, ": range high {high} is above the maximum {max}")
            }
            ProblemKind::AfterAsOf { date } => {
                write!(f, ": date `{date}` is after the as-of date")
            }
            ProblemKind::OutsideCampaign { month } => {
                write!(f, ": month `{month}` is outside the campaign")
            }
            ProblemKind::UnknownKind { kind } => {
                write!(f, ": kind `{kind}` is not in the list")
            }
            ProblemKind::UnknownBonusPart { part } => {
                write!(f, ": no bonus part `{part}`")
            }
        }
    }
}

/// Everything that follows from one assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub rubric_id: String,
    pub rubric_version: u32,
    pub community: Community,
    #[serde(deserialize_with = "crate::dates::de_date")]
    pub as_of: Date,
    /// Per item, in the rubric's order.
    pub items: Vec<ItemResult>,
    /// Per category, in the rubric's order.
    pub categories: Vec<CategoryResult>,
    /// The base score (out of [`Evaluation::base_max`]).
    pub base: ScoreRange,
    pub base_max: u32,
    pub bonus: BonusResult,
    /// `base + bonus.points` at each end.
    pub total: ScoreRange,
    /// Designated use first, then spending.
    pub gates: Vec<GateResult>,
    /// Fail if any gate fails; else not assessed if any is; else pass.
    pub outcome: GateState,
    pub ledger: LedgerFigures,
    /// What to do first, gate risks first, then largest points first.
    pub fix_first: Vec<Fix>,
    /// Problems with answered facts (treated as unanswered or ignored).
    pub issues: Vec<FactProblem>,
}

impl Evaluation {
    /// The result for one item.
    pub fn item(&self, number: u32) -> Option<&ItemResult> {
        self.items.iter().find(|i| i.number == number)
    }

    /// Whether the evaluation fails a gate (考核不通过).
    pub fn fails(&self) -> bool {
        self.outcome == GateState::Fail
    }
}

/// Scores an assessment. Total: never fails, never panics.
pub fn evaluate(rubric: &Rubric, assessment: &Assessment) -> Evaluation {
    let mut issues = Vec::new();
    report_unknown_facts(rubric, assessment, &mut issues);

    // Items, then their category subtotals and the base score.
    let works: Vec<ItemWork<'_>> = rubric
        .items()
        .iter()
        .map(|item| rules::item_work(rubric, item, assessment, &mut issues))
        .collect();
    let items: Vec<ItemResult> = works.iter().map(item_result).collect();
    let categories = category_results(rubric, &items);
    let base = items
        .iter()
        .fold(ScoreRange::default(), |sum, item| sum.plus(item.score));

    // Bonus on top, capped; the gates decide pass or fail regardless.
    let bonus = gates::bonus(rubric, assessment, &mut issues);
    let total = base.plus(ScoreRange::exact(bonus.points));
    let ledger = assessment
        .ledger
        .figures(rubric.base_subsidy(), rubric.gates().spending_ratio);
    let gates = gates::gates(rubric, assessment, &ledger);
    let outcome = gates::outcome(&gates);

    let mut evaluation = Evaluation {
        rubric_id: rubric.id().to_string(),
        rubric_version: rubric.version(),
        community: assessment.community.clone(),
        as_of: assessment.as_of,
        items,
        categories,
        base,
        base_max: rubric.base_max(),
        bonus,
        total,
        gates,
        outcome,
        ledger,
        fix_first: Vec::new(),
        issues,
    };
    evaluation.fix_first = fix_first::from_works(&works, &evaluation);
    evaluation
}

fn item_result(work: &ItemWork<'_>) -> ItemResult {
    let item = work.item;
    let mut deductions = work.deductions();
    if work.falsified {
        deductions.insert(
            0,
            Deduction {
                rule_id: FALSIFIED_RULE.to_string(),
                points: item.max,
                zeroes_item: true,
                reason: Text::new(
                    "发现弄虚作假,扣除本项分数",
                    "Falsification found (弄虚作假): the item's points are \
                     deducted",
                ),
                applies: Applies::Both,
            },
        );
    }
    ItemResult {
        number: item.number,
        category: item.category.clone(),
        title: item.title.clone(),
        max: item.max,
        score: work.score(),
        status: work.status(),
        deductions,
        pending: work.pending(),
        unanswered: work.unanswered(),
        graded: work.graded(),
        months: work.months(),
    }
}

/// The rule id of the falsification deduction (item 16's penalty).
pub const FALSIFIED_RULE: &str = "falsified";

fn category_results(
    rubric: &Rubric,
    items: &[ItemResult],
) -> Vec<CategoryResult> {
    rubric
        .categories()
        .iter()
        .map(|category| {
            let members = items.iter().filter(|i| i.category == category.name);
            CategoryResult {
                name: category.name.clone(),
                max: category.max,
                score: members
                    .clone()
                    .fold(ScoreRange::default(), |sum, i| sum.plus(i.score)),
                items: members.map(|i| i.number).collect(),
            }
        })
        .collect()
}

/// Facts, falsified marks for items or rules the rubric does not have.
fn report_unknown_facts(
    rubric: &Rubric,
    assessment: &Assessment,
    issues: &mut Vec<FactProblem>,
) {
    for (&number, facts) in &assessment.facts {
        let Some(item) = rubric.item(number) else {
            issues.push(FactProblem {
                item: number,
                rule_id: None,
                kind: ProblemKind::UnknownItem,
            });
            continue;
        };
        for rule in facts.keys() {
            if !item.rules.iter().any(|r| r.id() == rule) {
                issues.push(FactProblem {
                    item: number,
                    rule_id: Some(rule.clone()),
                    kind: ProblemKind::UnknownRule,
                });
            }
        }
    }
    for &number in &assessment.falsified {
        if rubric.item(number).is_none() {
            issues.push(FactProblem {
                item: number,
                rule_id: None,
                kind: ProblemKind::UnknownItem,
            });
        }
    }
}

#[cfg(test)]
mod tests;
