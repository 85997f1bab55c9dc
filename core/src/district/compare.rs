//! Two or more communities side by side, item by item (the 13 scored items
//! and the bonus), with where each lost points: every deduction's reason,
//! the graded (酌情) part below its maximum, rules not answered, a
//! falsified item, and what the bonus caps cut off.
//!
//! The reasons are [`Text`]s: the core's own sentences in both languages.
//! Their English quotes the official wording in Chinese, glossed by the
//! caller's `gloss` (the app's table of glosses), and words the rubric's
//! questions by their gloss alone when there is one.

use serde::{Deserialize, Serialize};

use crate::lang::Text;
use crate::score::{Applies, Evaluation, ItemResult, ItemStatus, ScoreRange};

/// One community's cell in a comparison row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareCell {
    pub score: ScoreRange,
    /// Points lost against the row's maximum: `max − high ..= max − low`.
    pub lost: ScoreRange,
    /// Where the points went, one line each.
    pub reasons: Vec<Text>,
    /// The best score of the row (by the low end), shared by equals.
    pub best: bool,
}

/// One row: an item, or the bonus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareRow {
    /// The item's number; `None` for the bonus row.
    pub number: Option<u32>,
    /// `8 垃圾分类科普教育基地…` or `加分项`.
    pub label: String,
    /// The item's official title (`垃圾分类科普教育基地…`), or `加分项`.
    pub title: String,
    pub category: String,
    pub max: u32,
    /// One cell per community, in the comparison's order.
    pub cells: Vec<CompareCell>,
}

/// Communities side by side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// The communities' names, in the order given.
    pub communities: Vec<String>,
    /// Items 1..=13, then the bonus.
    pub rows: Vec<CompareRow>,
    /// Each community's total.
    pub totals: Vec<ScoreRange>,
}

/// The English gloss of an official Chinese text (a bonus part's label)
/// or of a rubric's question, if there is one.
pub type Gloss<'a> = &'a dyn Fn(&str) -> Option<&'static str>;

/// Compares `evaluations` (named by `names`, same order) item by item;
/// `gloss` words the official terms and questions in the English reasons.
pub fn compare(
    names: &[String],
    evaluations: &[&Evaluation],
    gloss: Gloss<'_>,
) -> Comparison {
    let mut rows = Vec::new();

    // The items in the first evaluation's order (every evaluation of one
    // rubric has the same); a missing item is shown as 0 of its maximum.
    let numbers: Vec<&ItemResult> = evaluations
        .first()
        .map(|e| e.items.iter().collect())
        .unwrap_or_default();
    for template in numbers {
        let cells: Vec<CompareCell> = evaluations
            .iter()
            .map(|e| match e.item(template.number) {
                Some(item) => item_cell(item, gloss),
                None => CompareCell {
                    score: ScoreRange::default(),
                    lost: ScoreRange::exact(template.max),
                    reasons: vec![Text::new(
                        "文件中没有此项",
                        "This item is not in the file",
                    )],
                    best: false,
                },
            })
            .collect();
        rows.push(CompareRow {
            number: Some(template.number),
            label: format!("{} {}", template.number, template.title),
            title: template.title.clone(),
            category: template.category.clone(),
            max: template.max,
            cells: mark_best(cells),
        });
    }

    let bonus_max = evaluations.first().map_or(0, |e| e.bonus.max);
    let cells = evaluations.iter().map(|e| bonus_cell(e, gloss)).collect();
    rows.push(CompareRow {
        number: None,
        label: "加分项".to_string(),
        title: "加分项".to_string(),
        category: "加分项".to_string(),
        max: bonus_max,
        cells: mark_best(cells),
    });

    Comparison {
        communities: names.to_vec(),
        rows,
        totals: evaluations.iter().map(|e| e.total).collect(),
    }
}

/// An official term in an English reason: `Commendations (表扬批示)`
/// with a gloss, else the Chinese quoted.
fn term_en(zh: &str, gloss: Gloss<'_>) -> String {
    match gloss(zh) {
        Some(en) => format!("{en} ({zh})"),
        None => format!("\u{201c}{zh}\u{201d}"),
    }
}

fn item_cell(item: &ItemResult, gloss: Gloss<'_>) -> CompareCell {
    let mut reasons = Vec::new();
    for deduction in &item.deductions {
        let (end_zh, end_en) = match deduction.applies {
            Applies::Both => ("", ""),
            Applies::LowOnly => {
                ("(仅计入下限)", " (counts toward the low end only)")
            }
        };
        reasons.push(Text::new(
            format!("{}{end_zh}", deduction.reason.zh),
            format!("{}{end_en}", deduction.reason.en),
        ));
    }
    if let Some(graded) = item.graded
        && graded.low < item.max
    {
        reasons.push(Text::new(
            format!("酌情评分预计 {graded} 分(满分 {})", item.max),
            format!(
                "Scored at discretion (酌情): {graded} expected of {}",
                item.max
            ),
        ));
    }
    match item.status {
        ItemStatus::NotAssessed => reasons.push(Text::new(
            "未填写,按 0 至满分计",
            "Not filled in: counted as 0 to the full points",
        )),
        ItemStatus::Partial => {
            let open: Vec<&str> =
                item.unanswered.iter().map(|u| u.question.as_str()).collect();
            // The questions are the app's own: their gloss alone in English.
            let open_en: Vec<String> = open
                .iter()
                .map(|q| {
                    gloss(q).map_or_else(
                        || format!("\u{201c}{q}\u{201d}"),
                        String::from,
                    )
                })
                .collect();
            reasons.push(Text::new(
                format!("尚未填写:{}", open.join(";")),
                format!("Not yet answered: {}", open_en.join("; ")),
            ));
        }
        ItemStatus::Assessed | ItemStatus::Falsified => {}
    }
    CompareCell {
        score: item.score,
        lost: lost(item.max, item.score),
        reasons,
        best: false,
    }
}

fn bonus_cell(evaluation: &Evaluation, gloss: Gloss<'_>) -> CompareCell {
    let bonus = &evaluation.bonus;
    let mut reasons = Vec::new();
    for item in &bonus.items {
        for part in item.parts.iter().filter(|p| p.count > 0) {
            reasons.push(Text::new(
                format!("{} {} 项 +{}", part.label, part.count, part.points),
                format!(
                    "{} ×{}: +{}",
                    term_en(&part.label, gloss),
                    part.count,
                    part.points
                ),
            ));
        }
        if item.excess > 0 {
            reasons.push(Text::new(
                format!(
                    "第{}项超出封顶 {} 分,{} 分未计",
                    item.number, item.cap, item.excess
                ),
                format!(
                    "Item {} is above its cap of {}: {} not counted",
                    item.number, item.cap, item.excess
                ),
            ));
        }
    }
    if reasons.is_empty() {
        reasons.push(Text::new("无加分", "No bonus"));
    }
    let score = ScoreRange::exact(bonus.points);
    CompareCell { score, lost: lost(bonus.max, score), reasons, best: false }
}

fn lost(max: u32, score: ScoreRange) -> ScoreRange {
    ScoreRange {
        low: max.saturating_sub(score.high),
        high: max.saturating_sub(score.low),
    }
}

/// Marks the cells with the row's best low end.
fn mark_best(mut cells: Vec<CompareCell>) -> Vec<CompareCell> {
    let best = cells.iter().map(|c| c.score.low).max();
    for cell in &mut cells {
        cell.best = Some(cell.score.low) == best;
    }
    cells
}
