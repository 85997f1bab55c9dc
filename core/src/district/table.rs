//! The district table (全区对照表): one row per loaded community with its
//! rank, scores, gates, tier by quota and money, a row for every slot
//! nobody fills, and the money totals at the foot; sorting and filtering
//! by district.
//!
//! The ranking itself is [`rank_cohort`]'s: ranks by the low end of each
//! total, ties across a quota boundary flagged (never broken), gate
//! failures unranked and their slots left empty. This module only lays
//! the result out as rows a page, a CSV file and a JSON file share.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use jiff::civil::{Date, DateTime};
use serde::{Deserialize, Serialize};

use crate::cohort::{
    CohortResult, EmptySlot, Entrant, Placement, TieFlag, rank_cohort,
};
use crate::error::CohortError;
use crate::lang::{Lang, Text};
use crate::money::Money;
use crate::rubric::Rubric;
use crate::score::{Evaluation, GateKind, GateState, ScoreRange, gate_summary};

use super::set::{DistrictSet, community_key};

/// What a row stands for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowKind {
    /// A ranked community.
    Ranked,
    /// A community that fails a gate (考核不通过): not ranked.
    Unranked,
    /// A slot of a tier that nobody fills.
    EmptySlot,
}

/// The extra subsidy (星级奖补) of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", content = "amount", rename_all = "snake_case")]
pub enum Extra {
    Known(Money),
    /// Held by a tie a person must settle.
    Undetermined,
    /// No extra: unranked, or an empty slot.
    None,
}

/// One gate in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateWords {
    /// `专款专用` or `支出不低于75%`.
    pub gate: String,
    pub state: GateState,
    /// `通过`, `不通过`, `未评估`.
    pub verdict: String,
    /// The core's one-line summary, e.g. `已支出 ¥65,000.00(81.25%),…`,
    /// with its English (written as the Chinese alone, like every
    /// [`Text`], except in the worker's handover).
    pub detail: Text,
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub kind: RowKind,
    /// The community's key (empty for an empty slot).
    pub id: String,
    /// Competition rank for a ranked row; the slot's number for an empty
    /// slot; `None` for an unranked community.
    pub rank: Option<u32>,
    pub district: String,
    pub street: String,
    pub community: String,
    pub base: Option<ScoreRange>,
    pub bonus: Option<u32>,
    pub total: Option<ScoreRange>,
    pub gates: Vec<GateWords>,
    /// Pass, fail or not assessed, over every gate.
    pub outcome: Option<GateState>,
    /// The tier in words: `五星`, `五星或四星(同分待定)`, `三星名额空缺`,
    /// `不参与排名(考核不通过)`, `无星级`.
    pub tier: String,
    /// Stars of a settled tier.
    pub stars: Option<u8>,
    /// The tie flag's message when the row is in a tie across a boundary.
    pub tie: Option<Text>,
    /// Ranked while gates are not yet assessed: provisional.
    pub provisional: bool,
    /// The messages of ranges overlapping across a quota boundary (未定):
    /// the order could flip between tiers, for a person to settle.
    pub undecided: Vec<Text>,
    pub base_subsidy: Option<Money>,
    pub extra: Extra,
    #[serde(default, deserialize_with = "crate::dates::de_opt_date")]
    pub as_of: Option<Date>,
    #[serde(default, deserialize_with = "crate::dates::de_opt_date_time")]
    pub exported_at: Option<DateTime>,
    pub file_name: Option<String>,
}

impl Row {
    /// `107`, or `98–100` where graded parts are ranges; `—` when none.
    pub fn total_text(&self) -> String {
        self.total.map_or_else(|| "—".to_string(), |t| t.to_string())
    }

    /// The gates in words: `专款专用:通过;支出不低于75%:不通过`.
    pub fn gates_text(&self) -> String {
        let words: Vec<String> = self
            .gates
            .iter()
            .map(|g| format!("{}:{}", g.gate, g.verdict))
            .collect();
        words.join(";")
    }

    /// The extra subsidy in words: `¥20,000.00`, `待定(同分)`, `—`.
    pub fn extra_text(&self) -> String {
        match self.extra {
            Extra::Known(amount) => amount.format_yuan(),
            Extra::Undetermined => "待定(同分)".to_string(),
            Extra::None => "—".to_string(),
        }
    }
}

/// The money at the foot of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Base subsidy for every community (基础补助合计).
    pub base: Money,
    /// Every filled slot's extra, tied slots included (星级奖补合计).
    pub extra: Money,
    /// The part of `extra` held by unsettled ties.
    pub extra_undetermined: Money,
    pub total: Money,
    pub communities: u32,
    pub ranked: u32,
    pub unranked: u32,
    pub empty_slots: u32,
}

/// The table of a loaded set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistrictTable {
    /// Ranked rows in rank order, then empty slots, then unranked rows.
    pub rows: Vec<Row>,
    pub ties: Vec<TieFlag>,
    pub totals: Totals,
    pub cohort: CohortResult,
}

/// Builds the table of `set`. `quotas` overrides the rubric's (one per
/// tier, top first).
pub fn build_table(
    rubric: &Rubric,
    set: &DistrictSet,
    quotas: Option<&[u32]>,
) -> Result<DistrictTable, CohortError> {
    let keys: Vec<String> = set.files.iter().map(|f| f.key()).collect();
    let entrants: Vec<Entrant<'_>> = keys
        .iter()
        .zip(&set.files)
        .map(|(id, file)| Entrant { id, evaluation: &file.imported.evaluation })
        .collect();
    let cohort = rank_cohort(rubric, &entrants, quotas)?;

    // Keys are unique in a set; an index keeps a big set's table linear.
    let by_key: BTreeMap<&str, &super::Loaded> =
        keys.iter().map(String::as_str).zip(&set.files).collect();
    let find = |id: &str| by_key.get(id).copied();

    // Ranked rows and empty slots by position: a failed community's slot
    // stays where its total puts it.
    let mut placed: Vec<(u32, Row)> = Vec::new();
    for standing in &cohort.standings {
        let Some(file) = find(&standing.id) else { continue };
        let tie = cohort
            .ties
            .iter()
            .find(|t| t.ids.contains(&standing.id))
            .map(|t| t.message.clone());
        let (tier, stars) = placement_words(&standing.placement);
        let mut row = community_row(rubric, file, RowKind::Ranked);
        row.rank = Some(standing.rank);
        row.tier = tier;
        row.stars = stars;
        row.tie = tie;
        row.provisional = standing.provisional;
        row.undecided.clone_from(&standing.undecided);
        row.base_subsidy = Some(standing.base_subsidy);
        row.extra = standing.extra.map_or(Extra::Undetermined, Extra::Known);
        placed.push((standing.rank, row));
    }
    for slot in &cohort.empty {
        placed.push((slot.position, empty_slot_row(slot)));
    }
    // Stable: a tie's rows keep their order.
    placed.sort_by_key(|(position, _)| *position);
    let mut rows: Vec<Row> = placed.into_iter().map(|(_, row)| row).collect();

    for unranked in &cohort.unranked {
        let Some(file) = find(&unranked.id) else { continue };
        let mut row = community_row(rubric, file, RowKind::Unranked);
        row.tier = "不参与排名(考核不通过)".to_string();
        row.base_subsidy = Some(unranked.base_subsidy);
        rows.push(row);
    }

    let settled: Money = rows
        .iter()
        .filter_map(|r| match r.extra {
            Extra::Known(amount) => Some(amount),
            _ => None,
        })
        .sum();
    let count = |kind: RowKind| {
        let n = rows.iter().filter(|r| r.kind == kind).count();
        u32::try_from(n).unwrap_or(u32::MAX)
    };
    let totals = Totals {
        base: cohort.base_total,
        extra: cohort.extra_total,
        extra_undetermined: cohort.extra_total.saturating_sub(settled),
        total: cohort.total,
        communities: u32::try_from(set.files.len()).unwrap_or(u32::MAX),
        ranked: count(RowKind::Ranked),
        unranked: count(RowKind::Unranked),
        empty_slots: count(RowKind::EmptySlot),
    };
    Ok(DistrictTable { rows, ties: cohort.ties.clone(), totals, cohort })
}

/// A row with the community's own figures; the caller fills in the rank,
/// tier and money.
fn community_row(rubric: &Rubric, file: &super::Loaded, kind: RowKind) -> Row {
    let evaluation = &file.imported.evaluation;
    let community = file.community();
    Row {
        kind,
        id: community_key(community),
        rank: None,
        district: community.district.trim().to_string(),
        street: community.street.trim().to_string(),
        community: community.name.trim().to_string(),
        base: Some(evaluation.base),
        bonus: Some(evaluation.bonus.points),
        total: Some(evaluation.total),
        gates: gate_words(rubric, evaluation),
        outcome: Some(evaluation.outcome),
        tier: String::new(),
        stars: None,
        tie: None,
        provisional: false,
        undecided: Vec::new(),
        base_subsidy: None,
        extra: Extra::None,
        as_of: Some(evaluation.as_of),
        exported_at: file.imported.meta.exported_at,
        file_name: Some(file.file_name.clone()),
    }
}

fn empty_slot_row(slot: &EmptySlot) -> Row {
    let tier = match &slot.failed {
        Some(_) => format!("{}名额空缺(考核不通过,不顺延)", slot.tier),
        None => format!("{}名额空缺", slot.tier),
    };
    Row {
        kind: RowKind::EmptySlot,
        id: String::new(),
        rank: Some(slot.position),
        district: String::new(),
        street: String::new(),
        community: String::new(),
        base: None,
        bonus: None,
        total: None,
        gates: Vec::new(),
        outcome: None,
        tier,
        stars: None,
        tie: None,
        provisional: false,
        undecided: Vec::new(),
        base_subsidy: None,
        extra: Extra::None,
        as_of: None,
        exported_at: None,
        file_name: None,
    }
}

/// The gates of an evaluation in words. The details are made again from
/// each gate's result ([`gate_summary`]), so that an evaluation read back
/// without its English (as the district page's worker hands files over)
/// still gives them in both languages.
pub fn gate_words(rubric: &Rubric, evaluation: &Evaluation) -> Vec<GateWords> {
    evaluation
        .gates
        .iter()
        .map(|g| GateWords {
            gate: match g.kind {
                GateKind::DesignatedUse => "专款专用".to_string(),
                GateKind::Spending => "支出不低于75%".to_string(),
            },
            state: g.state,
            verdict: match g.state {
                GateState::Pass => "通过",
                GateState::Fail => "不通过",
                GateState::NotAssessed => "未评估",
            }
            .to_string(),
            detail: gate_summary(rubric, g, &evaluation.ledger),
        })
        .collect()
}

/// A placement in words, with the stars of a settled tier.
fn placement_words(placement: &Placement) -> (String, Option<u8>) {
    match placement {
        Placement::Tier { tier, stars } => (tier.clone(), Some(*stars)),
        Placement::Tie { tiers, beyond_quotas } => {
            let mut names = tiers.join("或");
            if *beyond_quotas {
                names.push_str(if names.is_empty() {
                    "无星级"
                } else {
                    "或无星级"
                });
            }
            (format!("{names}(同分待定)"), None)
        }
        Placement::NoSlot => ("无星级(名额之外)".to_string(), None),
    }
}

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    Rank,
    District,
    Street,
    Community,
    Base,
    Bonus,
    Total,
    Gates,
    Tier,
    BaseSubsidy,
    Extra,
}

impl SortKey {
    /// Every column, in the table's order.
    pub const ALL: [SortKey; 11] = [
        SortKey::Rank,
        SortKey::District,
        SortKey::Street,
        SortKey::Community,
        SortKey::Base,
        SortKey::Bonus,
        SortKey::Total,
        SortKey::Gates,
        SortKey::Tier,
        SortKey::BaseSubsidy,
        SortKey::Extra,
    ];

    /// The column's heading.
    pub fn heading(self) -> &'static str {
        match self {
            SortKey::Rank => "名次",
            SortKey::District => "区",
            SortKey::Street => "街道",
            SortKey::Community => "社区",
            SortKey::Base => "基础分",
            SortKey::Bonus => "加分",
            SortKey::Total => "总分",
            SortKey::Gates => "否决项",
            SortKey::Tier => "星级",
            SortKey::BaseSubsidy => "基础补助",
            SortKey::Extra => "星级奖补",
        }
    }

    /// The column's heading in `lang`.
    pub fn heading_in(self, lang: Lang) -> &'static str {
        let en = match self {
            SortKey::Rank => "Rank",
            SortKey::District => "District",
            SortKey::Street => "Street",
            SortKey::Community => "Community",
            SortKey::Base => "Base score",
            SortKey::Bonus => "Bonus",
            SortKey::Total => "Total",
            SortKey::Gates => "Gates",
            SortKey::Tier => "Tier",
            SortKey::BaseSubsidy => "Base subsidy",
            SortKey::Extra => "Tier award",
        };
        lang.pick(self.heading(), en)
    }

    /// A stable name for markup and tests: `rank`, `total`, ….
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Rank => "rank",
            SortKey::District => "district",
            SortKey::Street => "street",
            SortKey::Community => "community",
            SortKey::Base => "base",
            SortKey::Bonus => "bonus",
            SortKey::Total => "total",
            SortKey::Gates => "gates",
            SortKey::Tier => "tier",
            SortKey::BaseSubsidy => "base_subsidy",
            SortKey::Extra => "extra",
        }
    }
}

/// The rows to show: those of `district` (all when `None`), sorted by
/// `key`, ascending or not. Rows without a value for the key (an empty
/// slot's district, an unranked community's rank) go last either way;
/// equal rows keep the table's order. Empty slots belong to no district
/// and are shown only without a filter.
pub fn view<'a>(
    table: &'a DistrictTable,
    district: Option<&str>,
    key: SortKey,
    ascending: bool,
) -> Vec<&'a Row> {
    let mut rows: Vec<&Row> = table
        .rows
        .iter()
        .filter(|r| district.is_none_or(|d| r.district == d))
        .collect();
    rows.sort_by(|a, b| match (sort_value(a, key), sort_value(b, key)) {
        (Some(x), Some(y)) => {
            let order = x.cmp(&y);
            if ascending { order } else { order.reverse() }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    rows
}

/// What a row sorts by under `key`.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum SortValue {
    Number(u64, u64),
    Money(Money),
    Text(String),
}

fn sort_value(row: &Row, key: SortKey) -> Option<SortValue> {
    let range = |r: Option<ScoreRange>| {
        r.map(|r| SortValue::Number(u64::from(r.low), u64::from(r.high)))
    };
    let money = |m: Option<Money>| m.map(SortValue::Money);
    let text =
        |s: &str| (!s.is_empty()).then(|| SortValue::Text(s.to_string()));
    match key {
        SortKey::Rank => row.rank.map(|r| SortValue::Number(u64::from(r), 0)),
        SortKey::District => text(&row.district),
        SortKey::Street => text(&row.street),
        SortKey::Community => text(&row.community),
        SortKey::Base => range(row.base),
        SortKey::Bonus => row.bonus.map(|b| SortValue::Number(u64::from(b), 0)),
        SortKey::Total => range(row.total),
        SortKey::Gates => row.outcome.map(|o| {
            let order = match o {
                GateState::Fail => 0,
                GateState::NotAssessed => 1,
                GateState::Pass => 2,
            };
            SortValue::Number(order, 0)
        }),
        SortKey::Tier => match row.kind {
            RowKind::EmptySlot => None,
            _ => Some(SortValue::Number(u64::from(row.stars.unwrap_or(0)), 0)),
        },
        SortKey::BaseSubsidy => money(row.base_subsidy),
        SortKey::Extra => match row.extra {
            Extra::Known(amount) => money(Some(amount)),
            // Below every known amount, above "no extra".
            Extra::Undetermined => Some(SortValue::Number(0, 0)),
            Extra::None => None,
        },
    }
}

/// The money of some rows (a district's): base subsidies and settled
/// extras, with the number of rows whose extra is held by a tie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subtotal {
    pub base: Money,
    pub extra_settled: Money,
    pub undetermined_rows: u32,
}

/// Adds up the money of `rows`.
pub fn subtotal(rows: &[&Row]) -> Subtotal {
    let base = rows.iter().filter_map(|r| r.base_subsidy).sum();
    let extra_settled = rows
        .iter()
        .filter_map(|r| match r.extra {
            Extra::Known(amount) => Some(amount),
            _ => None,
        })
        .sum();
    let undetermined = rows.iter().filter(|r| r.extra == Extra::Undetermined);
    Subtotal {
        base,
        extra_settled,
        undetermined_rows: u32::try_from(undetermined.count())
            .unwrap_or(u32::MAX),
    }
}
