//! Star tiers and money for a cohort of communities, and a single
//! community's likely tier.
//!
//! Tiers are rank quotas, not score thresholds: the top 2 are 五星, the next
//! 8 四星, the next 10 三星 (quotas come from the rubric and can be
//! overridden by the caller, for counties that set their own).
//!
//! (our reading) Communities are ranked by the LOW end of their total
//! range: the points they can count on. Ranks are competition ranks
//! (1, 2, 2, 4). Equal totals that straddle a quota boundary are a tie for a
//! person to settle: flagged, never broken silently; the tied communities'
//! extra subsidy is undetermined, while the cohort's total stays known,
//! since the slots themselves are fixed. A community that fails a gate is
//! not ranked and takes no slot; ranked communities fill the quotas from the
//! top, and a slot left unfilled shows as empty at the bottom tier. A
//! community whose gates are not yet assessed (no spending entered) is
//! ranked, flagged as provisional. The base subsidy is counted for every
//! community of the cohort, failed or not (the notice grants it to each
//! creating community and does not say it is reclaimed).

use serde::{Deserialize, Serialize};

use crate::error::CohortError;
use crate::money::Money;
use crate::rubric::Rubric;
use crate::score::{Evaluation, ScoreRange};

/// One community of a cohort: an id chosen by the caller (unique), and its
/// evaluation.
#[derive(Clone, Copy, Debug)]
pub struct Entrant<'a> {
    pub id: &'a str,
    pub evaluation: &'a Evaluation,
}

/// Where a ranked community lands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "placement", rename_all = "snake_case")]
pub enum Placement {
    /// A settled tier.
    Tier { tier: String, stars: u8 },
    /// Equal totals straddle a boundary: one of these tiers, for a person
    /// to settle; `beyond_quotas` when some of the tied slots lie past the
    /// last quota (no tier at all).
    Tie { tiers: Vec<String>, beyond_quotas: bool },
    /// Ranked below every quota: no star tier.
    NoSlot,
}

/// A ranked community.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    pub id: String,
    /// Competition rank, from 1.
    pub rank: u32,
    pub total: ScoreRange,
    pub placement: Placement,
    pub base_subsidy: Money,
    /// The extra subsidy; `None` while a tie is unsettled.
    pub extra: Option<Money>,
    /// Gates not yet assessed (no spending entered): a provisional place.
    pub provisional: bool,
}

/// A community left out of the ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unranked {
    pub id: String,
    pub total: ScoreRange,
    /// Why, in Chinese, e.g. `未专款专用,考核不通过`.
    pub reason: String,
    pub base_subsidy: Money,
}

/// How one tier's slots are filled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierFill {
    pub tier: String,
    pub stars: u8,
    pub quota: u32,
    pub extra_each: Money,
    /// Communities settled in this tier, in rank order.
    pub members: Vec<String>,
    /// Slots held by an unsettled tie.
    pub tied_slots: u32,
    /// Slots nobody fills.
    pub empty_slots: u32,
}

/// A tie for a person to settle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TieFlag {
    pub ids: Vec<String>,
    /// The total they share (low end).
    pub points: u32,
    pub tiers: Vec<String>,
    /// e.g. `A、B 同分(98分),跨五星与四星,需人工确定`.
    pub message: String,
}

/// The ranking, tiers and money of a cohort.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortResult {
    /// The quotas used, one per tier.
    pub quotas: Vec<u32>,
    /// Ranked communities, best first.
    pub standings: Vec<Standing>,
    pub unranked: Vec<Unranked>,
    pub tiers: Vec<TierFill>,
    pub ties: Vec<TieFlag>,
    /// Base subsidy × every community.
    pub base_total: Money,
    /// Extras of every filled slot (tied slots included: they are fixed).
    pub extra_total: Money,
    pub total: Money,
}

/// Ranks a cohort, assigns tiers by quota and adds up the money. `quotas`
/// overrides the rubric's (one per tier, top first).
pub fn rank_cohort(
    rubric: &Rubric,
    entrants: &[Entrant<'_>],
    quotas: Option<&[u32]>,
) -> Result<CohortResult, CohortError> {
    let _ = (rubric, entrants, quotas);
    Ok(CohortResult {
        quotas: Vec::new(),
        standings: Vec::new(),
        unranked: Vec::new(),
        tiers: Vec::new(),
        ties: Vec::new(),
        base_total: Money::ZERO,
        extra_total: Money::ZERO,
        total: Money::ZERO,
    })
}

/// What a single community compares itself against.
#[derive(Clone, Copy, Debug)]
pub enum Reference<'a> {
    /// Nothing: only say which rank each tier needs.
    None,
    /// Peers' evaluations (e.g. exported files loaded in the browser).
    Peers(&'a [&'a Evaluation]),
    /// Cut lines the user enters, one per tier except the last, top first
    /// (five-star line, four-star line): the lowest total that reaches it.
    CutLines(&'a [u32]),
}

/// Which ranks one tier needs, e.g. 四星 needs ranks 3..=10.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankNeed {
    pub tier: String,
    pub from_rank: u32,
    pub to_rank: u32,
}

/// A single community's likely tier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "likely", rename_all = "snake_case")]
pub enum LikelyTier {
    /// A gate fails: not ranked at all.
    GateFailed { reason: String },
    /// No reference: which rank each tier needs (cut lines are never
    /// invented), e.g. `五星需排名前2,四星需第3–10名,三星需第11–20名`.
    NeedsRank { needs: Vec<RankNeed>, text: String },
    /// Against a reference: the placement at the low and the high end of
    /// the community's total.
    Estimate { at_low: Placement, at_high: Placement, basis: String },
}

/// A single community's likely tier against a reference.
pub fn likely_tier(
    rubric: &Rubric,
    evaluation: &Evaluation,
    reference: Reference<'_>,
) -> LikelyTier {
    let _ = (rubric, evaluation, reference);
    LikelyTier::NeedsRank { needs: Vec::new(), text: String::new() }
}
