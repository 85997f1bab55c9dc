//! The district table as files: CSV for Excel (through [`crate::csv`]) and
//! JSON (the ranking result, versioned).

use serde::{Deserialize, Serialize};

use crate::cohort::{OverlapFlag, TieFlag, TierFill};
use crate::csv::{Cell, to_csv};
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
    "同分待定或未定",
    "基础补助(元)",
    "星级奖补(元)",
    "补助合计(元)",
    "评估日期",
    "文件",
];

/// Where the foot's labels and amounts go: under the table's own columns,
/// so long labels never widen a narrow column (spreadsheets size a column
/// to its widest cell).
const LABEL_COLUMN: usize = 9;
const TIE_COLUMN: usize = 10;
const BASE_COLUMN: usize = 11;
const EXTRA_COLUMN: usize = 12;
const SUM_COLUMN: usize = 13;

/// A foot line with `cells` placed at their columns, empty elsewhere.
fn foot_line(cells: Vec<(usize, Cell)>) -> Vec<Cell> {
    let width = cells.iter().map(|(at, _)| at + 1).max().unwrap_or(0);
    let mut line = vec![Cell::Empty; width];
    for (at, cell) in cells {
        if let Some(slot) = line.get_mut(at) {
            *slot = cell;
        }
    }
    line
}

/// The table as a CSV document for Excel: a header, one line per row (the
/// table's order), then the foot: the money under the money columns, each
/// tie's message under 同分待定, each overlap across a boundary (未定),
/// and the counts.
pub fn table_csv(table: &DistrictTable) -> String {
    let mut lines: Vec<Vec<Cell>> = Vec::new();
    lines.push(CSV_HEADER.iter().map(|h| Cell::text(*h)).collect());
    lines.extend(table.rows.iter().map(row_cells));

    let totals = &table.totals;
    lines.push(Vec::new());
    lines.push(foot_line(vec![
        (LABEL_COLUMN, Cell::text("合计(元)")),
        (BASE_COLUMN, Cell::money(totals.base)),
        (EXTRA_COLUMN, Cell::money(totals.extra)),
        (SUM_COLUMN, Cell::money(totals.total)),
    ]));
    if !totals.extra_undetermined.is_zero() {
        lines.push(foot_line(vec![
            (LABEL_COLUMN, Cell::text("其中同分待定(元)")),
            (EXTRA_COLUMN, Cell::money(totals.extra_undetermined)),
        ]));
    }
    for tie in &table.ties {
        lines.push(foot_line(vec![
            (LABEL_COLUMN, Cell::text("同分待定")),
            (TIE_COLUMN, Cell::text(tie.message.as_str())),
        ]));
    }
    for overlap in &table.cohort.overlaps {
        lines.push(foot_line(vec![
            (LABEL_COLUMN, Cell::text("未定")),
            (TIE_COLUMN, Cell::text(overlap.message.as_str())),
        ]));
    }
    lines.push(foot_line(vec![
        (LABEL_COLUMN, Cell::text("社区数")),
        (
            TIE_COLUMN,
            Cell::text(format!(
                "共 {} 个社区:参与排名 {},考核不通过 {},空缺名额 {}",
                totals.communities,
                totals.ranked,
                totals.unranked,
                totals.empty_slots
            )),
        ),
    ]));
    to_csv(&lines)
}

fn row_cells(row: &Row) -> Vec<Cell> {
    let text_or_empty = |s: &str| {
        if s.is_empty() { Cell::Empty } else { Cell::text(s) }
    };
    let rank = match (row.kind.clone(), row.rank) {
        (RowKind::Unranked, _) => Cell::text("不排名"),
        // Not `(19)`: spreadsheets read that as −19.
        (RowKind::EmptySlot, Some(slot)) => Cell::text(format!("第{slot}位")),
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
        flags_cell(row),
        row.base_subsidy.map_or(Cell::Empty, Cell::money),
        extra,
        sum,
        row.as_of.map_or(Cell::Empty, |d| Cell::text(d.to_string())),
        row.file_name.as_deref().map_or(Cell::Empty, Cell::text),
    ]
}

/// The tie's message and the overlaps' (未定), one cell.
fn flags_cell(row: &Row) -> Cell {
    let flags: Vec<&str> =
        row.tie.iter().chain(&row.undecided).map(|t| t.as_str()).collect();
    if flags.is_empty() { Cell::Empty } else { Cell::text(flags.join(";")) }
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
    /// Ranges overlapping across a quota boundary (未定).
    #[serde(default)]
    pub overlaps: Vec<OverlapFlag>,
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
        overlaps: table.cohort.overlaps.clone(),
        totals: table.totals,
    };

    // Plain data with string keys always serialises; the fallback keeps
    // this function total.
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}
