//! The district table as files: CSV for Excel (through [`crate::csv`]) and
//! JSON (the ranking result, versioned).

use serde::{Deserialize, Serialize};

use crate::cohort::{TieFlag, TierFill};
use crate::csv::{Cell, to_csv};
use crate::money::Money;
use crate::rubric::Rubric;

use super::table::{DistrictTable, Extra, Row, RowKind, Totals};

/// The CSV's header row.
pub const CSV_HEADER: [&str; 16] = [
    "名次",
    "区",
    "街道",
    "社区",
    "基础分",
    "加分",
    "总分",
    "总分下限",
    "否决项",
    "星级",
    "同分待定",
    "基础补助(元)",
    "星级奖补(元)",
    "补助合计(元)",
    "评估日期",
    "文件",
];

/// The table as a CSV document for Excel: a header, one line per row (the
/// table's order), the ties, then the money totals.
pub fn table_csv(table: &DistrictTable) -> String {
    let mut lines: Vec<Vec<Cell>> = Vec::new();
    lines.push(CSV_HEADER.iter().map(|h| Cell::text(*h)).collect());
    lines.extend(table.rows.iter().map(row_cells));

    // The foot: one line per tie, then the money.
    lines.push(Vec::new());
    for tie in &table.ties {
        lines.push(vec![Cell::text("同分待定"), Cell::text(&tie.message)]);
    }
    let totals = &table.totals;
    let foot = |label: &str, amount: Money| {
        vec![Cell::text(label), Cell::money(amount)]
    };
    lines.push(foot("基础补助合计(元)", totals.base));
    lines.push(foot("星级奖补合计(元)", totals.extra));
    if !totals.extra_undetermined.is_zero() {
        lines.push(foot(
            "其中同分待定的星级奖补(元)",
            totals.extra_undetermined,
        ));
    }
    lines.push(foot("补助总计(元)", totals.total));
    lines.push(vec![
        Cell::text("社区数"),
        Cell::int(totals.communities),
        Cell::text("参与排名"),
        Cell::int(totals.ranked),
        Cell::text("考核不通过"),
        Cell::int(totals.unranked),
        Cell::text("空缺名额"),
        Cell::int(totals.empty_slots),
    ]);
    to_csv(&lines)
}

fn row_cells(row: &Row) -> Vec<Cell> {
    let text_or_empty = |s: &str| {
        if s.is_empty() { Cell::Empty } else { Cell::text(s) }
    };
    let rank = match (row.kind.clone(), row.rank) {
        (RowKind::Unranked, _) => Cell::text("不排名"),
        (RowKind::EmptySlot, Some(slot)) => Cell::text(format!("({slot})")),
        (_, Some(rank)) => Cell::int(rank),
        (_, None) => Cell::Empty,
    };
    let range = |r: Option<crate::score::ScoreRange>| match r {
        Some(r) if r.is_exact() => Cell::int(r.low),
        Some(r) => Cell::text(r.to_string()),
        None => Cell::Empty,
    };
    let extra = match row.extra {
        Extra::Known(amount) => Cell::money(amount),
        Extra::Undetermined => Cell::text("待定"),
        Extra::None => Cell::Empty,
    };
    let sum = match (row.base_subsidy, row.extra) {
        (Some(base), Extra::Known(extra)) => {
            Cell::money(base.saturating_add(extra))
        }
        (Some(base), Extra::None) => Cell::money(base),
        _ => Cell::Empty,
    };
    vec![
        rank,
        text_or_empty(&row.district),
        text_or_empty(&row.street),
        text_or_empty(&row.community),
        range(row.base),
        row.bonus.map_or(Cell::Empty, Cell::int),
        range(row.total),
        row.total.map_or(Cell::Empty, |t| Cell::int(t.low)),
        text_or_empty(&row.gates_text()),
        text_or_empty(&row.tier),
        row.tie.as_deref().map_or(Cell::Empty, Cell::text),
        row.base_subsidy.map_or(Cell::Empty, Cell::money),
        extra,
        sum,
        row.as_of.map_or(Cell::Empty, |d| Cell::text(d.to_string())),
        row.file_name.as_deref().map_or(Cell::Empty, Cell::text),
    ]
}

/// What the JSON export holds: the ranking result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankingFile {
    /// Always [`RANKING_FORMAT`].
    pub format: String,
    pub schema_version: u32,
    pub rubric: RankingRubric,
    /// The quotas used, one per tier, top first.
    pub quotas: Vec<u32>,
    pub rows: Vec<Row>,
    pub tiers: Vec<TierFill>,
    pub ties: Vec<TieFlag>,
    pub totals: Totals,
}

/// The rubric a ranking was made with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankingRubric {
    pub id: String,
    pub version: u32,
}

/// The `format` of a ranking file.
pub const RANKING_FORMAT: &str = "starcheck-district-ranking";

/// The table as pretty JSON, ending in a newline.
pub fn ranking_json(rubric: &Rubric, table: &DistrictTable) -> String {
    let file = RankingFile {
        format: RANKING_FORMAT.to_string(),
        schema_version: 1,
        rubric: RankingRubric {
            id: rubric.id().to_string(),
            version: rubric.version(),
        },
        quotas: table.cohort.quotas.clone(),
        rows: table.rows.clone(),
        tiers: table.cohort.tiers.clone(),
        ties: table.ties.clone(),
        totals: table.totals,
    };

    // Plain data with string keys always serialises; the fallback keeps
    // this function total.
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}
