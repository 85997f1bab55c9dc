//! Two or more communities side by side, item by item (the 13 scored items
//! and the bonus), with where each lost points: every deduction's reason,
//! the graded (酌情) part below its maximum, rules not answered, a
//! falsified item, and what the bonus caps cut off.

use serde::{Deserialize, Serialize};

use crate::score::{Applies, Evaluation, ItemResult, ItemStatus, ScoreRange};

/// One community's cell in a comparison row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareCell {
    pub score: ScoreRange,
    /// Points lost against the row's maximum: `max − high ..= max − low`.
    pub lost: ScoreRange,
    /// Where the points went, in Chinese, one line each.
    pub reasons: Vec<String>,
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

/// Compares `evaluations` (named by `names`, same order) item by item.
pub fn compare(names: &[String], evaluations: &[&Evaluation]) -> Comparison {
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
                Some(item) => item_cell(item),
                None => CompareCell {
                    score: ScoreRange::default(),
                    lost: ScoreRange::exact(template.max),
                    reasons: vec!["文件中没有此项".to_string()],
                    best: false,
                },
            })
            .collect();
        rows.push(CompareRow {
            number: Some(template.number),
            label: format!("{} {}", template.number, template.title),
            category: template.category.clone(),
            max: template.max,
            cells: mark_best(cells),
        });
    }

    let bonus_max = evaluations.first().map_or(0, |e| e.bonus.max);
    let cells = evaluations.iter().map(|e| bonus_cell(e)).collect();
    rows.push(CompareRow {
        number: None,
        label: "加分项".to_string(),
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

fn item_cell(item: &ItemResult) -> CompareCell {
    let mut reasons = Vec::new();
    for deduction in &item.deductions {
        let end = match deduction.applies {
            Applies::Both => "",
            Applies::LowOnly => "(仅计入下限)",
        };
        reasons.push(format!("{}{end}", deduction.reason));
    }
    if let Some(graded) = item.graded
        && graded.low < item.max
    {
        reasons.push(format!("酌情评分预计 {graded} 分(满分 {})", item.max));
    }
    match item.status {
        ItemStatus::NotAssessed => {
            reasons.push("未填写,按 0 至满分计".to_string())
        }
        ItemStatus::Partial => {
            let open: Vec<&str> =
                item.unanswered.iter().map(|u| u.question.as_str()).collect();
            reasons.push(format!("尚未填写:{}", open.join(";")));
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

fn bonus_cell(evaluation: &Evaluation) -> CompareCell {
    let bonus = &evaluation.bonus;
    let mut reasons = Vec::new();
    for item in &bonus.items {
        for part in item.parts.iter().filter(|p| p.count > 0) {
            reasons.push(format!(
                "{} {} 项 +{}",
                part.label, part.count, part.points
            ));
        }
        if item.excess > 0 {
            reasons.push(format!(
                "第{}项超出封顶 {} 分,{} 分未计",
                item.number, item.cap, item.excess
            ));
        }
    }
    if reasons.is_empty() {
        reasons.push("无加分".to_string());
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
