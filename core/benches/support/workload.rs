//! The assessments StarCheck's benchmarks score, shared by the native
//! bench (`core/benches/scoring.rs`) and the wasm one
//! (`tests/bench/core-wasm/`), so both time exactly the same work.
//!
//! One assessment is example A of RUBRIC.md: every item answered, a
//! ledger of four expenditures, bonus claimed; the fullest work
//! [`evaluate`] does for one community. A cohort is example A repeated
//! under distinct community names, with item 8's and item 11's graded
//! parts and the bonus varied so totals spread over about thirty values
//! (many ties, as in a real district), and every 25th community one fen
//! short of the spending line, so some are unranked.

use starcheck_core::examples::example_a;
use starcheck_core::{
    Assessment, CohortError, CohortResult, Community, Entrant, Evaluation,
    Fact, Money, Rubric, evaluate, rank_cohort,
};

/// Districts the generated communities are spread over.
const DISTRICTS: [&str; 4] = ["鲤城区", "丰泽区", "洛江区", "泉港区"];

/// `size` assessments under distinct names, totals spread (see the module
/// docs).
pub fn cohort(size: usize) -> Vec<Assessment> {
    let template = example_a();
    (0..size)
        .map(|index| {
            let mut a = template.clone();
            let district = DISTRICTS[index % DISTRICTS.len()];
            let street = format!("第{}街道", index / 100 + 1);
            let name = format!("测试{index:05}社区");
            a.community = Community::new(district, &street, &name);

            // Graded parts from the index: 16 × 11 distinct combinations.
            let base_quality = (index % 16) as u32;
            let activity_level = ((index / 16) % 11) as u32;
            a.set_fact(
                8,
                "base_quality",
                Fact::Range { low: base_quality, high: base_quality },
            );
            a.set_fact(
                11,
                "activity_level",
                Fact::Range { low: activity_level, high: activity_level },
            );
            if index % 3 == 0 {
                a.bonus.clear();
            }

            // One fen short of the 75% line: fails its gate, unranked.
            if index % 25 == 24
                && let Some(last) = a.ledger.expenditures.last_mut()
            {
                last.amount =
                    last.amount.saturating_sub(Money::from_fen(500_001));
            }
            a
        })
        .collect()
}

/// Scores every assessment and ranks them all by the rubric's quotas: the
/// district page's work once its files are read.
pub fn score_cohort(
    rubric: &Rubric,
    cohort: &[Assessment],
) -> Result<CohortResult, CohortError> {
    let evaluations: Vec<Evaluation> =
        cohort.iter().map(|a| evaluate(rubric, a)).collect();
    let ids: Vec<String> =
        cohort.iter().map(|a| a.community.full_name()).collect();
    let entrants: Vec<Entrant<'_>> = ids
        .iter()
        .zip(&evaluations)
        .map(|(id, evaluation)| Entrant { id, evaluation })
        .collect();
    rank_cohort(rubric, &entrants, None)
}
