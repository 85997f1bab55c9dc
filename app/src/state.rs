//! The app's shared state, provided once by [`crate::App`] through context
//! as small `Copy` handles.
//!
//! The assessment signal is the single source of truth: every page reads
//! and writes the one [`Assessment`], and everything shown about scores,
//! gates and tiers is derived from it by `starcheck-core` alone (the
//! evaluation and likely-tier memos). The page holds no scoring logic.
//!
//! Seams for the pages still to come: drafts in local storage and JSON
//! export/import replace the whole assessment with
//! [`AppState::replace_assessment`] (and read it with `assessment.get()`);
//! the ledger page edits `assessment.ledger` through
//! [`AppState::update_assessment`]; the district page fills
//! [`AppState::peers`] with peers' evaluations, which then become the
//! likely tier's reference ahead of the user's own cut lines.

use leptos::prelude::*;
use starcheck_core::{
    Assessment, Community, Evaluation, Fact, LikelyTier, Reference, Rubric,
    cut_lines_out_of_order, evaluate, likely_tier,
};

use crate::date::today_local;

/// Handles to everything pages share. Cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The rubric every score is judged against (the built-in one).
    pub rubric: StoredValue<Rubric>,
    /// What the community knows about itself: the single source of truth.
    pub assessment: RwSignal<Assessment>,
    /// The core's evaluation of the assessment, recomputed on change.
    pub evaluation: Memo<Evaluation>,
    /// Cut lines the user enters as an own reference, one per tier but
    /// the last, top first; `None` where not (yet) entered.
    pub cut_lines: RwSignal<Vec<Option<u32>>>,
    /// Peers' evaluations (from exported files loaded in this browser);
    /// empty until the district page loads some.
    pub peers: RwSignal<Vec<Evaluation>>,
    /// The likely tier against the best reference there is.
    pub likely_tier: Memo<LikelyTier>,
}

impl AppState {
    /// Fresh state: the built-in rubric and an empty assessment for no
    /// community yet, as of today (local calendar date).
    pub fn new() -> AppState {
        let rubric = Rubric::quanzhou_2024();
        let assessment = Assessment::new(Community::default(), today_local());
        AppState::with(rubric, assessment)
    }

    /// State for a given rubric and assessment (tests start from examples).
    pub fn with(rubric: Rubric, assessment: Assessment) -> AppState {
        // One cut line per tier but the last: the last tier has no line
        // below it to reach.
        let lines = rubric.tiers().len().saturating_sub(1);
        let rubric = StoredValue::new(rubric);
        let assessment = RwSignal::new(assessment);
        let cut_lines = RwSignal::new(vec![None; lines]);
        let peers = RwSignal::new(Vec::new());

        // Scoring is the core's alone; the memo only stops unchanged
        // results from re-rendering anything.
        let evaluation = Memo::new(move |_| {
            rubric.with_value(|r| assessment.with(|a| evaluate(r, a)))
        });

        // Peers first (the district page), then the user's own lines,
        // else no reference: the core then says which rank each tier needs.
        let likely_tier = Memo::new(move |_| {
            // Lines out of order are shown as a mistake, not used.
            let lines: Option<Vec<u32>> = cut_lines.with(|lines| {
                cut_lines_out_of_order(lines)
                    .is_none()
                    .then(|| lines.iter().copied().collect())
                    .flatten()
            });
            rubric.with_value(|r| {
                evaluation.with(|e| {
                    peers.with(|peers| {
                        let peers: Vec<&Evaluation> = peers.iter().collect();
                        let reference = if !peers.is_empty() {
                            Reference::Peers(&peers)
                        } else if let Some(lines) = lines.as_deref() {
                            Reference::CutLines(lines)
                        } else {
                            Reference::None
                        };
                        likely_tier(r, e, reference)
                    })
                })
            })
        });

        AppState {
            rubric,
            assessment,
            evaluation,
            cut_lines,
            peers,
            likely_tier,
        }
    }

    /// The state provided by an ancestor; panics only when a component is
    /// used outside [`crate::App`], a programming error.
    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// Changes the assessment in place.
    pub fn update_assessment(self, change: impl FnOnce(&mut Assessment)) {
        self.assessment.update(change);
    }

    /// Replaces the whole assessment (a loaded draft, an imported file).
    pub fn replace_assessment(self, assessment: Assessment) {
        self.assessment.set(assessment);
    }

    /// The answer to one rule, as a memo: a field re-renders only when its
    /// own fact changes, not on every keystroke elsewhere.
    pub fn fact(self, item: u32, rule: &str) -> Memo<Option<Fact>> {
        let rule = rule.to_string();
        let assessment = self.assessment;
        Memo::new(move |_| assessment.with(|a| a.fact(item, &rule).cloned()))
    }

    /// Answers a rule (`Some`) or makes it unanswered again (`None`).
    pub fn set_fact(self, item: u32, rule: &str, fact: Option<Fact>) {
        self.assessment.update(|a| match fact {
            Some(fact) => a.set_fact(item, rule, fact),
            None => a.clear_fact(item, rule),
        });
    }
}

impl Default for AppState {
    fn default() -> AppState {
        AppState::new()
    }
}
