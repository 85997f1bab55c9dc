//! The fix-first list: what a community can still do, with what it is
//! worth, most urgent first.
//!
//! Gate risks come first, as they decide pass or fail whatever the points.
//! Then every other action, largest points first: recoverable deductions
//! (points recovered by re-scoring the item with that one fact fixed, at the
//! low end, so the item's floor at 0 is respected), open months (the points
//! at stake if the month ends without it), unanswered rules and items not
//! yet assessed (how much the low end would rise at best), and falsified
//! marks.

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::rubric::Rubric;
use crate::score::Evaluation;

/// What kind of action a [`Fix`] is.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FixKind {
    /// A gate fails or is not yet assessed: decides pass or fail.
    Gate,
    /// A known deduction that can still be put right.
    Recover,
    /// A month not yet ended: do it in time.
    Pending,
    /// A rule not yet answered.
    Answer,
    /// An item with nothing answered.
    NotAssessed,
    /// An item marked falsified.
    Falsified,
}

/// One thing to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub kind: FixKind,
    /// The item, when the action concerns one.
    pub item: Option<u32>,
    pub rule_id: Option<String>,
    /// What to do, in Chinese, e.g. `补齐转账凭证:2024-10-12 购置分类桶`.
    pub action: String,
    /// Points at the low end: recovered (recover, answer, not assessed,
    /// falsified) or at stake (pending); 0 for gates.
    pub points: u32,
}

/// The fix-first list of an evaluation, most urgent first.
pub fn fix_first(
    rubric: &Rubric,
    assessment: &Assessment,
    evaluation: &Evaluation,
) -> Vec<Fix> {
    let _ = (rubric, assessment, evaluation);
    Vec::new()
}
