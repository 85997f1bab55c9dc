//! StarCheck's scoring core: the rubric as data, a community's assessment,
//! and the scores, gates, tiers and money that follow from them.
//!
//! The core does no I/O, reads no clock and never panics on input: a panic
//! in WebAssembly kills the page. Raw input (typed amounts, rubric files)
//! becomes domain values in one place ([`Money::parse_input`],
//! [`Rubric::from_json`]) with typed errors; [`evaluate`] is total.
//!
//! Choices made where the notice is silent are marked "(our reading)" in the
//! module docs and listed in [`readings::our_readings`] for the app to show
//! as assumptions.
//!
//! The flow: a [`Rubric`] ([`Rubric::quanzhou_2024`] or a loaded file) and an
//! [`Assessment`] (facts keyed by item number and rule id, plus the
//! [`Ledger`]) go into [`evaluate`], which returns an [`Evaluation`]: per
//! item a [`ScoreRange`] with its [`Deduction`]s and to-dos, category
//! subtotals, base, capped bonus, total, the gates and the fix-first list.
//! Many evaluations go into [`rank_cohort`] for tiers and money; a single
//! one into [`likely_tier`]. [`examples`] holds the worked examples of
//! RUBRIC.md as ready-made assessments.

pub mod assessment;
pub mod cohort;
pub mod community;
pub mod csv;
pub mod dates;
pub mod district;
pub mod error;
pub mod evidence;
pub mod examples;
pub mod file;
pub mod fix_first;
pub mod lang;
pub mod ledger;
pub mod materials;
pub mod money;
pub mod months;
pub mod pack;
pub mod readings;
pub mod rubric;
pub mod score;
pub mod typed;
pub mod words;

pub use assessment::{Assessment, Community, Fact, Meeting, Place, Report};
pub use cohort::{
    CohortResult, Entrant, LikelyTier, Placement, RankNeed, Reference,
    Standing, TieFlag, TierFill, Unranked, cut_lines_out_of_order, likely_tier,
    rank_cohort,
};
pub use community::{ATTACHMENT_1, ListedCommunity, listed_communities};
pub use error::{CohortError, MoneyError, MonthError, RubricError};
pub use evidence::{Attachment, Evidence, Holder, Mark};
pub use file::{ExportMeta, FileError, Imported};
pub use fix_first::{Fix, FixKind, fix_first};
pub use lang::{BothHalves, Lang, Text};
pub use ledger::{
    Document, Documents, Expenditure, Ledger, LedgerFigures, PlanLine, Purpose,
    PurposeFigures,
};
pub use money::{Money, format_yuan};
pub use months::{MonthLine, MonthState, YearMonth};
pub use readings::{RANKING_READINGS, Reading, our_readings};
pub use rubric::{
    BonusItem, BonusPart, Category, Container, EntryMaterials,
    EquipmentRequirement, FactShape, Gates, Item, Method, Penalty, Rubric,
    Rule, Schedule, Tier,
};
pub use score::{
    Applies, BonusItemResult, BonusPartResult, BonusResult, CategoryResult,
    Deduction, End, EntryRef, Evaluation, FactProblem, GateKind, GateResult,
    GateState, ItemResult, ItemStatus, Margin, Pending, ProblemKind,
    ScoreRange, Unanswered, evaluate,
};
pub use typed::{CountError, MAX_COUNT, parse_count};
pub use words::{count_noun, mib, size, tenths};
