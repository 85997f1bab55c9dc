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
//! since the slots themselves are fixed. Ranges that overlap across a quota
//! boundary (the community above could be overtaken by one below, in a
//! different tier) are flagged as undecided (未定) for a person to settle;
//! their extra is shown as the low end gives it.
//!
//! (our reading) A community that fails a gate is not ranked and gets no
//! tier, but it keeps its position in the order of every community's
//! evaluation: the slot at that position stays EMPTY in the tier it falls
//! in, and nobody below moves up. A failed community whose total equals
//! passing communities' totals stands behind them (its empty slot is the
//! last of their positions): not being ranked, it claims none of the
//! better slots, and the passing equals keep the tie rules above.
//! A community whose gates are not yet assessed (no spending entered) is
//! ranked, flagged as provisional. The base subsidy is counted for every
//! community of the cohort, failed or not (the notice grants it to each
//! creating community and does not say it is reclaimed).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::district::words::tier_en;
use crate::error::CohortError;
use crate::lang::Text;
use crate::money::Money;
use crate::rubric::Rubric;
use crate::score::{Evaluation, GateState, ScoreRange};

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
    /// Messages of the overlaps across a quota boundary this community is
    /// part of (未定); empty when its tier is decided.
    pub undecided: Vec<Text>,
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
    pub message: Text,
}

/// A slot left empty by a community that failed a gate, or by nobody.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmptySlot {
    /// The slot's position, from 1.
    pub position: u32,
    pub tier: String,
    /// The failed community whose position this is, if any.
    pub failed: Option<String>,
}

/// Two communities whose total ranges overlap across a quota boundary: the
/// order by the low end could flip between tiers (未定).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverlapFlag {
    /// The one ranked higher by the low end, then the one below.
    pub ids: Vec<String>,
    pub tiers: Vec<String>,
    /// e.g. `梅峰社区(99分)与西郊社区(98–100分)分数范围重叠,跨五星与四星,名次可能互换,未定,需人工确定`.
    pub message: Text,
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
    /// Ranges overlapping across a quota boundary (未定).
    pub overlaps: Vec<OverlapFlag>,
    /// Empty slots within the quotas, top first.
    pub empty: Vec<EmptySlot>,
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
    let slots = Slots::new(rubric, quotas)?;
    let mut seen = BTreeSet::new();
    for entrant in entrants {
        if !seen.insert(entrant.id) {
            return Err(CohortError::DuplicateMember {
                id: entrant.id.to_string(),
            });
        }
    }
    let base = rubric.base_subsidy();

    // Every community in the order of its evaluation, best first by the
    // low end; among equals the failed stand last, the id only orders the
    // display.
    let mut ordered: Vec<&Entrant<'_>> = entrants.iter().collect();
    ordered.sort_by(|a, b| {
        b.evaluation
            .total
            .low
            .cmp(&a.evaluation.total.low)
            .then(a.evaluation.fails().cmp(&b.evaluation.fails()))
            .then(a.id.cmp(b.id))
    });

    // Failed communities are not ranked, but their positions stay.
    let mut unranked = Vec::new();
    let mut empty = Vec::new();
    for (position, entrant) in ordered.iter().enumerate() {
        if !entrant.evaluation.fails() {
            continue;
        }
        unranked.push(Unranked {
            id: entrant.id.to_string(),
            total: entrant.evaluation.total,
            reason: failure_reason(entrant.evaluation),
            base_subsidy: base,
        });
        if let Some(tier) = slots.tier_name(position) {
            empty.push(EmptySlot {
                position: u32::try_from(position + 1).unwrap_or(u32::MAX),
                tier,
                failed: Some(entrant.id.to_string()),
            });
        }
    }

    let mut standings = Vec::with_capacity(ordered.len());
    let mut ties = Vec::new();
    let mut passing_positions = Vec::with_capacity(ordered.len());
    let mut start = 0;
    while start < ordered.len() {
        // `start < ordered.len()`, so the group has at least one member.
        let points = ordered[start].evaluation.total.low;
        let end = ordered[start..]
            .iter()
            .position(|e| {
                e.evaluation.total.low != points || e.evaluation.fails()
            })
            .map_or(ordered.len(), |offset| start + offset);
        if end == start {
            // A failed community: its position was handled above.
            start += 1;
            continue;
        }
        let group = &ordered[start..end];
        passing_positions.extend(start..end);

        let placement = slots.placement(start, end);
        if let Placement::Tie { tiers, .. } = &placement {
            ties.push(tie_flag(group, points, tiers));
        }
        let extra = match &placement {
            Placement::Tier { .. } | Placement::NoSlot => {
                Some(slots.extra_at(start))
            }
            Placement::Tie { .. } => None,
        };
        for entrant in group {
            standings.push(Standing {
                id: entrant.id.to_string(),
                rank: u32::try_from(start + 1).unwrap_or(u32::MAX),
                total: entrant.evaluation.total,
                placement: placement.clone(),
                base_subsidy: base,
                extra,
                provisional: entrant.evaluation.outcome
                    == GateState::NotAssessed,
                undecided: Vec::new(),
            });
        }
        start = end;
    }
    let overlaps = flag_overlaps(&mut standings);

    // Slots within the quotas that nobody reaches stay empty too.
    let within = usize::try_from(slots.total_quota()).unwrap_or(usize::MAX);
    for position in ordered.len()..within {
        if let Some(tier) = slots.tier_name(position) {
            empty.push(EmptySlot {
                position: u32::try_from(position + 1).unwrap_or(u32::MAX),
                tier,
                failed: None,
            });
        }
    }

    // Slots are fixed, so the extras add up even while ties are open.
    let extra_total: Money =
        passing_positions.iter().map(|&p| slots.extra_at(p)).sum();
    let count = u32::try_from(entrants.len()).unwrap_or(u32::MAX);
    let base_total = base.times(count);
    Ok(CohortResult {
        quotas: slots.quotas(),
        tiers: slots.fills(&standings, &passing_positions),
        standings,
        unranked,
        ties,
        overlaps,
        empty,
        base_total,
        extra_total,
        total: base_total.saturating_add(extra_total),
    })
}

/// Flags pairs of settled standings in different tiers (or one past the
/// quotas) whose ranges overlap: the lower one's high end reaches the
/// upper one's low end, so the order could flip between tiers. Ties are
/// flagged already and left out.
fn flag_overlaps(standings: &mut [Standing]) -> Vec<OverlapFlag> {
    let tier_of = |s: &Standing| match &s.placement {
        Placement::Tier { tier, .. } => Some(Some(tier.clone())),
        Placement::NoSlot => Some(None),
        Placement::Tie { .. } => None,
    };
    let mut flags = Vec::new();
    let mut marks: Vec<(usize, usize, Text)> = Vec::new();
    for (upper_index, upper) in standings.iter().enumerate() {
        let Some(upper_tier) = tier_of(upper) else { continue };
        for (offset, lower) in standings[upper_index + 1..].iter().enumerate() {
            let Some(lower_tier) = tier_of(lower) else { continue };
            if lower_tier == upper_tier
                || lower.total.low >= upper.total.low
                || lower.total.high < upper.total.low
            {
                continue;
            }
            let name = |t: &Option<String>| {
                t.clone().unwrap_or_else(|| "名额之外".to_string())
            };
            let tiers = vec![name(&upper_tier), name(&lower_tier)];
            let message = overlap_message(
                (&upper.id, upper.total),
                (&lower.id, lower.total),
                &tiers,
            );
            marks.push((
                upper_index,
                upper_index + 1 + offset,
                message.clone(),
            ));
            flags.push(OverlapFlag {
                ids: vec![upper.id.clone(), lower.id.clone()],
                tiers,
                message,
            });
        }
    }
    for (upper, lower, message) in marks {
        for index in [upper, lower] {
            if let Some(standing) = standings.get_mut(index) {
                standing.undecided.push(message.clone());
            }
        }
    }
    flags
}

/// Why an evaluation is not ranked: the summaries of its failed gates.
fn failure_reason(evaluation: &Evaluation) -> String {
    let failed: Vec<&str> = evaluation
        .gates
        .iter()
        .filter(|g| g.state == GateState::Fail)
        .map(|g| g.summary.zh.as_str())
        .collect();
    if failed.is_empty() {
        return "考核不通过".to_string();
    }
    failed.join(";")
}

fn tie_flag(group: &[&Entrant<'_>], points: u32, tiers: &[String]) -> TieFlag {
    let ids: Vec<String> = group.iter().map(|e| e.id.to_string()).collect();
    TieFlag {
        message: tie_message(&ids, points, tiers),
        ids,
        points,
        tiers: tiers.to_vec(),
    }
}

/// A tier's name in English (`五星` is `5-star`); the rubric's own name
/// when it has no English here.
fn tier_name_en(tier: &str) -> String {
    tier_en(tier).unwrap_or_else(|| tier.to_string())
}

/// The tiers a flag spans, in both languages: `跨五星与四星`, or
/// `跨名额之外` when none.
fn across(tiers: &[String]) -> Text {
    if tiers.is_empty() {
        return Text::new("跨名额之外", "beyond the quotas");
    }
    let en: Vec<String> = tiers.iter().map(|t| tier_name_en(t)).collect();
    Text::new(
        format!("跨{}", tiers.join("与")),
        format!("across {}", en.join(" and ")),
    )
}

/// A tie's message: `A、B 同分(98分),跨五星与四星,需人工确定`. The
/// communities are named by their ids (their full Chinese names) in both
/// languages.
pub fn tie_message(ids: &[String], points: u32, tiers: &[String]) -> Text {
    let across = across(tiers);
    let names_en = match ids {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    };
    Text::new(
        format!("{} 同分({points}分),{},需人工确定", ids.join("、"), across.zh),
        format!(
            "{names_en} tie at {points} points {}; to be settled by a person",
            across.en
        ),
    )
}

/// An overlap's message (未定): the community above by the low end, the
/// one below, each with its total, and the tiers they span.
pub fn overlap_message(
    upper: (&str, ScoreRange),
    lower: (&str, ScoreRange),
    tiers: &[String],
) -> Text {
    let across = across(tiers);
    Text::new(
        format!(
            "{}({}分)与{}({}分)分数范围重叠,{},名次可能互换,未定,需人工确定",
            upper.0, upper.1, lower.0, lower.1, across.zh
        ),
        format!(
            "{} ({} points) and {} ({} points): the score ranges overlap \
             {}, so the order could flip; undecided, to be settled by a \
             person",
            upper.0, upper.1, lower.0, lower.1, across.en
        ),
    )
}

/// The tiers' slots, top first: slot `p` (from 0) belongs to the first
/// tier whose cumulative quota exceeds `p`.
struct Slots {
    tiers: Vec<(String, u8, u32, Money)>,
}

impl Slots {
    fn new(
        rubric: &Rubric,
        quotas: Option<&[u32]>,
    ) -> Result<Slots, CohortError> {
        let tiers = rubric.tiers();
        if let Some(quotas) = quotas
            && quotas.len() != tiers.len()
        {
            return Err(CohortError::QuotaCount {
                expected: tiers.len(),
                got: quotas.len(),
            });
        }
        let tiers = tiers
            .iter()
            .enumerate()
            .map(|(index, tier)| {
                let quota = quotas
                    .and_then(|q| q.get(index).copied())
                    .unwrap_or(tier.quota);
                (tier.name.clone(), tier.stars, quota, tier.extra)
            })
            .collect();
        Ok(Slots { tiers })
    }

    fn quotas(&self) -> Vec<u32> {
        self.tiers.iter().map(|t| t.2).collect()
    }

    /// The tier of slot `position`, or `None` past every quota.
    fn tier_at(&self, position: usize) -> Option<usize> {
        let position = u64::try_from(position).unwrap_or(u64::MAX);
        let mut end = 0u64;
        for (index, tier) in self.tiers.iter().enumerate() {
            end = end.saturating_add(u64::from(tier.2));
            if position < end {
                return Some(index);
            }
        }
        None
    }

    /// The name of the tier of slot `position`, or `None` past every quota.
    fn tier_name(&self, position: usize) -> Option<String> {
        self.tier_at(position)
            .and_then(|index| self.tiers.get(index))
            .map(|tier| tier.0.clone())
    }

    /// Every quota added up.
    fn total_quota(&self) -> u128 {
        self.tiers.iter().map(|t| u128::from(t.2)).sum()
    }

    fn extra_at(&self, position: usize) -> Money {
        self.tier_at(position)
            .and_then(|index| self.tiers.get(index))
            .map_or(Money::ZERO, |tier| tier.3)
    }

    /// Where a group of equals holding slots `start..end` lands.
    fn placement(&self, start: usize, end: usize) -> Placement {
        let first = self.tier_at(start);
        let last = self.tier_at(end.saturating_sub(1).max(start));
        if first == last {
            return match first.and_then(|index| self.tiers.get(index)) {
                Some(tier) => {
                    Placement::Tier { tier: tier.0.clone(), stars: tier.1 }
                }
                None => Placement::NoSlot,
            };
        }

        // Slots fill top-down, so the group spans every tier from the
        // first to the last.
        let from = first.unwrap_or(self.tiers.len());
        let to = last.map_or(self.tiers.len(), |index| index + 1);
        Placement::Tie {
            tiers: self
                .tiers
                .get(from..to)
                .unwrap_or(&[])
                .iter()
                .map(|t| t.0.clone())
                .collect(),
            beyond_quotas: last.is_none(),
        }
    }

    /// How each tier's slots are filled by the passing communities at
    /// `positions`; the other slots of a tier are empty.
    fn fills(
        &self,
        standings: &[Standing],
        positions: &[usize],
    ) -> Vec<TierFill> {
        let mut counts = vec![0u32; self.tiers.len()];
        for &position in positions {
            if let Some(count) =
                self.tier_at(position).and_then(|i| counts.get_mut(i))
            {
                *count = count.saturating_add(1);
            }
        }
        self.tiers
            .iter()
            .zip(counts)
            .map(|((name, stars, quota, extra), held)| {
                let members: Vec<String> = standings
                    .iter()
                    .filter(|s| {
                        matches!(&s.placement, Placement::Tier { tier, .. } if tier == name)
                    })
                    .map(|s| s.id.clone())
                    .collect();
                let settled = u32::try_from(members.len()).unwrap_or(u32::MAX);
                TierFill {
                    tier: name.clone(),
                    stars: *stars,
                    quota: *quota,
                    extra_each: *extra,
                    members,
                    tied_slots: held.saturating_sub(settled),
                    empty_slots: quota.saturating_sub(held),
                }
            })
            .collect()
    }

    /// Which ranks each tier needs: 五星 1..=2, 四星 3..=10, 三星 11..=20.
    fn needs(&self) -> Vec<RankNeed> {
        let mut from = 1u32;
        self.tiers
            .iter()
            .map(|(name, _, quota, _)| {
                let to = from.saturating_add(quota.saturating_sub(1));
                let need = RankNeed {
                    tier: name.clone(),
                    from_rank: from,
                    to_rank: to,
                };
                from = to.saturating_add(1);
                need
            })
            .collect()
    }
}

/// The first two filled cut lines out of order, as (higher tier, lower
/// tier) indexes: a tier's line below the line of the tier under it
/// (五星 at 90 but 四星 at 95) cannot be meant, and estimating with it
/// would mislead. Equal lines are allowed (the lower tier is then out of
/// reach); empty lines are skipped.
pub fn cut_lines_out_of_order(lines: &[Option<u32>]) -> Option<(usize, usize)> {
    let filled: Vec<(usize, u32)> = lines
        .iter()
        .enumerate()
        .filter_map(|(index, line)| line.map(|line| (index, line)))
        .collect();
    filled
        .windows(2)
        .find(|pair| pair[0].1 < pair[1].1)
        .map(|pair| (pair[0].0, pair[1].0))
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

/// A single community's likely tier against a reference. Cut lines are
/// never invented: without a reference, the answer is which rank each tier
/// needs.
pub fn likely_tier(
    rubric: &Rubric,
    evaluation: &Evaluation,
    reference: Reference<'_>,
) -> LikelyTier {
    if evaluation.fails() {
        return LikelyTier::GateFailed { reason: failure_reason(evaluation) };
    }
    // The rubric's own quotas cannot mismatch its tiers.
    let Ok(slots) = Slots::new(rubric, None) else {
        return LikelyTier::NeedsRank {
            needs: Vec::new(),
            text: String::new(),
        };
    };

    match reference {
        Reference::None => {
            let needs = slots.needs();
            let text = needs_text(&needs);
            LikelyTier::NeedsRank { needs, text }
        }
        Reference::Peers(peers) => {
            let lows: Vec<u32> = peers
                .iter()
                .filter(|p| !p.fails())
                .map(|p| p.total.low)
                .collect();
            let place = |points: u32| {
                let above = lows.iter().filter(|&&low| low > points).count();
                let equal = lows.iter().filter(|&&low| low == points).count();
                slots.placement(above, above + equal + 1)
            };
            LikelyTier::Estimate {
                at_low: place(evaluation.total.low),
                at_high: place(evaluation.total.high),
                basis: format!(
                    "与已载入的{}个社区比较(按各社区得分下限排名,考核不通过的不参与排名)",
                    lows.len()
                ),
            }
        }
        Reference::CutLines(lines) => {
            let place = |points: u32| {
                let index = lines
                    .iter()
                    .position(|&line| points >= line)
                    .unwrap_or(lines.len())
                    .min(slots.tiers.len().saturating_sub(1));
                match slots.tiers.get(index) {
                    Some((tier, stars, _, _)) => {
                        Placement::Tier { tier: tier.clone(), stars: *stars }
                    }
                    None => Placement::NoSlot,
                }
            };
            let named: Vec<String> = lines
                .iter()
                .zip(&slots.tiers)
                .map(|(line, tier)| format!("{}≥{line}分", tier.0))
                .collect();
            LikelyTier::Estimate {
                at_low: place(evaluation.total.low),
                at_high: place(evaluation.total.high),
                basis: format!("按输入的分数线:{}", named.join(",")),
            }
        }
    }
}

/// `五星需排名前2,四星需第3–10名,三星需第11–20名`.
fn needs_text(needs: &[RankNeed]) -> String {
    let parts: Vec<String> = needs
        .iter()
        .map(|need| match (need.from_rank, need.to_rank) {
            (1, to) => format!("{}需排名前{to}", need.tier),
            (from, to) if from == to => format!("{}需第{from}名", need.tier),
            (from, to) => format!("{}需第{from}–{to}名", need.tier),
        })
        .collect();
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::{example_a, example_b, example_cohort};
    use crate::score::evaluate;
    use crate::{Assessment, Fact};

    fn rubric() -> Rubric {
        Rubric::quanzhou_2024()
    }

    fn evaluations(assessments: &[Assessment]) -> Vec<Evaluation> {
        assessments.iter().map(|a| evaluate(&rubric(), a)).collect()
    }

    fn ids(evaluations: &[Evaluation]) -> Vec<String> {
        evaluations.iter().map(|e| e.community.name.clone()).collect()
    }

    fn rank(
        evaluations: &[Evaluation],
        quotas: Option<&[u32]>,
    ) -> CohortResult {
        let names = ids(evaluations);
        let entrants: Vec<Entrant<'_>> = names
            .iter()
            .zip(evaluations)
            .map(|(id, evaluation)| Entrant { id, evaluation })
            .collect();
        let result = rank_cohort(&rubric(), &entrants, quotas);
        assert!(result.is_ok(), "{result:?}");
        result.unwrap_or_else(|_| unreachable!())
    }

    fn tier_sizes(result: &CohortResult) -> Vec<usize> {
        result.tiers.iter().map(|t| t.members.len()).collect()
    }

    #[test]
    fn ok_twenty_distinct_totals() {
        let all = evaluations(&example_cohort());
        let lows: Vec<u32> = all.iter().map(|e| e.total.low).collect();
        assert_eq!(lows, (81..=100).rev().collect::<Vec<u32>>());

        let result = rank(&all, None);
        assert_eq!(tier_sizes(&result), [2, 8, 10]);
        assert!(result.ties.is_empty());
        assert_eq!(result.tiers[0].members, ["新春社区", "梅峰社区"]);
        assert_eq!(result.base_total, Money::from_yuan(1_600_000));
        assert_eq!(result.extra_total, Money::from_yuan(400_000));
        assert_eq!(result.total, Money::from_yuan(2_000_000));
        assert_eq!(result.total.format_yuan(), "¥2,000,000.00");

        let ranks: Vec<u32> = result.standings.iter().map(|s| s.rank).collect();
        assert_eq!(ranks, (1..=20).collect::<Vec<u32>>());
        assert_eq!(result.standings[0].extra, Some(Money::from_yuan(120_000)));
        assert_eq!(result.standings[2].extra, Some(Money::from_yuan(20_000)));
        assert_eq!(result.standings[19].extra, Some(Money::ZERO));
    }

    #[test]
    fn ok_tie_across_boundary_is_flagged() {
        let mut cohort = example_cohort();
        // The third community now equals the second (99 points).
        cohort[2].set_fact(
            8,
            "base_quality",
            Fact::Range { low: 14, high: 14 },
        );
        let result = rank(&evaluations(&cohort), None);

        assert_eq!(result.ties.len(), 1);
        let tie = &result.ties[0];
        assert_eq!(tie.ids, ["梅峰社区", "西郊社区"]);
        assert_eq!(tie.tiers, ["五星", "四星"]);
        assert_eq!(
            tie.message,
            "梅峰社区、西郊社区 同分(99分),跨五星与四星,需人工确定"
        );
        assert_eq!(
            tie.message.en,
            "梅峰社区 and 西郊社区 tie at 99 points across 5-star and \
             4-star; to be settled by a person"
        );

        let tied: Vec<(u32, Option<Money>)> =
            result.standings[1..3].iter().map(|s| (s.rank, s.extra)).collect();
        assert_eq!(tied, [(2, None), (2, None)]);
        assert_eq!(result.standings[3].rank, 4);
        assert_eq!(tier_sizes(&result), [1, 7, 10]);
        assert_eq!(result.tiers[0].tied_slots, 1);
        assert_eq!(result.tiers[1].tied_slots, 1);
        // The slots are fixed, so the cohort's money is still known.
        assert_eq!(result.total, Money::from_yuan(2_000_000));
    }

    #[test]
    fn ok_tie_inside_a_tier_is_settled() {
        let mut cohort = example_cohort();
        cohort[4].set_fact(
            8,
            "base_quality",
            Fact::Range { low: 12, high: 12 },
        );
        let result = rank(&evaluations(&cohort), None);
        assert!(result.ties.is_empty());
        assert_eq!(result.standings[3].rank, 4);
        assert_eq!(result.standings[4].rank, 4);
        assert_eq!(tier_sizes(&result), [2, 8, 10]);
    }

    /// `all` with community `at` failing a gate, its total kept.
    fn failing_at(all: &mut [Evaluation], at: usize) {
        let mut failing = evaluate(&rubric(), &example_b());
        failing.community = all[at].community.clone();
        failing.total = all[at].total;
        all[at] = failing;
    }

    #[test]
    fn ok_gate_failure_is_unranked_and_slot_left_empty() {
        let mut all = evaluations(&example_cohort());
        failing_at(&mut all, 4);
        let result = rank(&all, None);

        assert_eq!(result.unranked.len(), 1);
        assert_eq!(result.unranked[0].id, "新桥社区");
        assert!(result.unranked[0].reason.contains("还差 ¥0.01 达到 75%"));
        assert_eq!(result.standings.len(), 19);

        // Slot 5 stays empty in 四星; nobody below moves up.
        assert_eq!(tier_sizes(&result), [2, 7, 10]);
        assert_eq!(result.tiers[1].empty_slots, 1);
        assert_eq!(result.tiers[2].empty_slots, 0);
        assert_eq!(
            result.empty,
            [EmptySlot {
                position: 5,
                tier: "四星".to_string(),
                failed: Some("新桥社区".to_string()),
            }]
        );
        let ranks: Vec<u32> = result.standings.iter().map(|s| s.rank).collect();
        let expected: Vec<u32> = (1..=20).filter(|&r| r != 5).collect();
        assert_eq!(ranks, expected);
        assert_eq!(result.standings[4].id, "明光社区");
        assert_eq!(result.standings[4].rank, 6);
        assert_eq!(
            result.standings[9].placement,
            Placement::Tier { tier: "三星".to_string(), stars: 3 }
        );
        // Base for all 20; extras for 2 + 7 paid slots.
        assert_eq!(result.extra_total, Money::from_yuan(380_000));
        assert_eq!(result.total, Money::from_yuan(1_980_000));
    }

    #[test]
    fn ok_gate_failure_at_the_top_leaves_a_five_star_slot_empty() {
        let mut all = evaluations(&example_cohort());
        failing_at(&mut all, 0);
        let result = rank(&all, None);
        assert_eq!(tier_sizes(&result), [1, 8, 10]);
        assert_eq!(result.tiers[0].empty_slots, 1);
        assert_eq!(result.standings[0].rank, 2);
        assert_eq!(result.total, Money::from_yuan(1_600_000 + 280_000));
    }

    #[test]
    fn ok_failed_equal_stands_behind_passing_equals() {
        // Positions 9 and 10 hold 91 points, one passing, one failing:
        // the passing one keeps slot 10 (四星), the failed one's slot 11
        // (三星) stays empty; no tie, since only one is ranked.
        let mut cohort = example_cohort();
        cohort[10].set_fact(8, "base_quality", Fact::Range { low: 6, high: 6 });
        let mut all = evaluations(&cohort);
        assert_eq!((all[9].total.low, all[10].total.low), (91, 91));
        failing_at(&mut all, 9);
        let result = rank(&all, None);

        assert!(result.ties.is_empty());
        let passing = &result.standings[9];
        assert_eq!(passing.id, all[10].community.name);
        assert_eq!(passing.rank, 10);
        assert_eq!(
            passing.placement,
            Placement::Tier { tier: "四星".to_string(), stars: 4 }
        );
        assert_eq!(result.empty[0].position, 11);
        assert_eq!(result.empty[0].tier, "三星");
        assert_eq!(tier_sizes(&result), [2, 8, 9]);
    }

    #[test]
    fn ok_ranges_overlapping_across_a_boundary_are_undecided() {
        // 西郊社区 98–100 below 新春社区 100 and 梅峰社区 99 (五星): ranked
        // by the low end, both pairs flagged.
        let mut cohort = example_cohort();
        cohort[2].set_fact(
            8,
            "base_quality",
            Fact::Range { low: 13, high: 15 },
        );
        let result = rank(&evaluations(&cohort), None);
        let pairs: Vec<Vec<String>> =
            result.overlaps.iter().map(|o| o.ids.clone()).collect();
        assert_eq!(pairs, [["新春社区", "西郊社区"], ["梅峰社区", "西郊社区"]]);
        let overlap = &result.overlaps[1];
        assert_eq!(overlap.tiers, ["五星", "四星"]);
        assert_eq!(
            overlap.message,
            "梅峰社区(99分)与西郊社区(98–100分)分数范围重叠,跨五星与四星,名次可能互换,未定,需人工确定"
        );
        assert_eq!(
            overlap.message.en,
            "梅峰社区 (99 points) and 西郊社区 (98–100 points): the score \
             ranges overlap across 5-star and 4-star, so the order could \
             flip; undecided, to be settled by a person"
        );
        assert_eq!(result.standings[1].undecided, [overlap.message.as_str()]);
        assert_eq!(result.standings[1].undecided[0].en, overlap.message.en);
        assert_eq!(result.standings[2].undecided.len(), 2);
        assert!(result.standings[3].undecided.is_empty());
        // Ranked by the low end still; the money stays as it gives.
        assert_eq!(result.standings[2].rank, 3);
        assert_eq!(result.total, Money::from_yuan(2_000_000));
    }

    #[test]
    fn ok_ranges_overlapping_inside_a_tier_are_decided() {
        // 笋浯社区 96–98 reaches 西郊社区's 98, both 四星: no flag.
        let mut cohort = example_cohort();
        cohort[3].set_fact(
            8,
            "base_quality",
            Fact::Range { low: 12, high: 14 },
        );
        let all = evaluations(&cohort);
        assert_eq!((all[3].total.low, all[3].total.high), (97, 99));
        let result = rank(&all, None);
        // 97–99 reaches 梅峰社区's 99 (五星) too: that pair is flagged, the
        // 四星 pair is not.
        let pairs: Vec<Vec<String>> =
            result.overlaps.iter().map(|o| o.ids.clone()).collect();
        assert_eq!(
            pairs,
            [vec!["梅峰社区".to_string(), "笋浯社区".to_string()]]
        );
    }

    #[test]
    fn ok_quotas_can_be_overridden() {
        let all = evaluations(&example_cohort());
        let result = rank(&all[..6], Some(&[1, 2, 3]));
        assert_eq!(tier_sizes(&result), [1, 2, 3]);
        assert_eq!(result.quotas, [1, 2, 3]);
        assert_eq!(
            result.total,
            Money::from_yuan(6 * 80_000 + 120_000 + 2 * 20_000)
        );
    }

    #[test]
    fn ok_beyond_quotas_has_no_slot() {
        let all = evaluations(&example_cohort());
        let result = rank(&all[..4], Some(&[1, 1, 1]));
        assert_eq!(result.standings[3].placement, Placement::NoSlot);
        assert_eq!(result.standings[3].extra, Some(Money::ZERO));
    }

    #[test]
    fn err_quota_count_and_duplicates() {
        let e = evaluate(&rubric(), &example_a());
        let entrants = [Entrant { id: "a", evaluation: &e }];
        let quotas = rank_cohort(&rubric(), &entrants, Some(&[1, 2]));
        assert_eq!(
            quotas.err(),
            Some(CohortError::QuotaCount { expected: 3, got: 2 })
        );

        let twice = [entrants[0], entrants[0]];
        let duplicate = rank_cohort(&rubric(), &twice, None);
        assert_eq!(
            duplicate.err(),
            Some(CohortError::DuplicateMember { id: "a".to_string() })
        );
    }

    #[test]
    fn ok_likely_tier_without_reference_names_ranks() {
        let e = evaluate(&rubric(), &example_a());
        let likely = likely_tier(&rubric(), &e, Reference::None);
        let LikelyTier::NeedsRank { needs, text } = likely else {
            panic!("{likely:?}");
        };
        assert_eq!(text, "五星需排名前2,四星需第3–10名,三星需第11–20名");
        assert_eq!((needs[1].from_rank, needs[1].to_rank), (3, 10));
    }

    #[test]
    fn ok_cut_lines_out_of_order() {
        assert_eq!(cut_lines_out_of_order(&[Some(100), Some(90)]), None);
        assert_eq!(cut_lines_out_of_order(&[Some(95), Some(95)]), None);
        assert_eq!(cut_lines_out_of_order(&[Some(90), Some(95)]), Some((0, 1)));
        assert_eq!(cut_lines_out_of_order(&[Some(90), None]), None);
        assert_eq!(
            cut_lines_out_of_order(&[Some(80), None, Some(85)]),
            Some((0, 2))
        );
        assert_eq!(cut_lines_out_of_order(&[]), None);
    }

    #[test]
    fn ok_likely_tier_against_peers_and_cut_lines() {
        let all = evaluations(&example_cohort());
        let peers: Vec<&Evaluation> = all[1..].iter().collect();

        // Community 0 with 100 points against peers 99..81: 五星.
        let own = &all[0];
        let likely = likely_tier(&rubric(), own, Reference::Peers(&peers));
        let five = Placement::Tier { tier: "五星".to_string(), stars: 5 };
        assert!(
            matches!(&likely, LikelyTier::Estimate { at_low, .. } if *at_low == five)
        );

        // Equal to the peer at rank 2 with a range up to 100: a tie across
        // 五星 and 四星 at the low end, 五星 at the high end.
        let mut ranged = evaluate(&rubric(), &example_a());
        ranged.total = ScoreRange { low: 99, high: 100 };
        let peers: Vec<&Evaluation> = all[..3].iter().collect();
        let likely = likely_tier(&rubric(), &ranged, Reference::Peers(&peers));
        let LikelyTier::Estimate { at_low, at_high, .. } = likely else {
            panic!("{likely:?}");
        };
        let across = vec!["五星".to_string(), "四星".to_string()];
        assert_eq!(
            at_low,
            Placement::Tie { tiers: across, beyond_quotas: false }
        );
        assert_eq!(at_high, five);

        let lines =
            likely_tier(&rubric(), &ranged, Reference::CutLines(&[100, 95]));
        let LikelyTier::Estimate { at_low, at_high, basis } = lines else {
            panic!("{lines:?}");
        };
        assert_eq!(
            at_low,
            Placement::Tier { tier: "四星".to_string(), stars: 4 }
        );
        assert_eq!(at_high, five);
        assert_eq!(basis, "按输入的分数线:五星≥100分,四星≥95分");
    }

    #[test]
    fn ok_likely_tier_gate_failed() {
        let e = evaluate(&rubric(), &example_b());
        let likely = likely_tier(&rubric(), &e, Reference::None);
        assert!(matches!(likely, LikelyTier::GateFailed { .. }));
    }
    #[test]
    fn ok_tie_and_overlap_messages_word_every_span_in_english() {
        let ids = |names: &[&str]| -> Vec<String> {
            names.iter().map(|n| n.to_string()).collect()
        };
        let tiers = |names: &[&str]| -> Vec<String> {
            names.iter().map(|n| n.to_string()).collect()
        };
        let three = tie_message(&ids(&["甲", "乙", "丙"]), 91, &tiers(&[]));
        assert_eq!(three.zh, "甲、乙、丙 同分(91分),跨名额之外,需人工确定");
        assert_eq!(
            three.en,
            "甲, 乙 and 丙 tie at 91 points beyond the quotas; to be settled \
             by a person"
        );
        let past = overlap_message(
            ("甲", ScoreRange::exact(80)),
            ("乙", ScoreRange { low: 79, high: 81 }),
            &tiers(&["三星", "名额之外"]),
        );
        assert!(past.zh.contains("跨三星与名额之外"), "{}", past.zh);
        assert!(
            past.en.contains("across 3-star and beyond the quotas"),
            "{}",
            past.en
        );
    }
}
