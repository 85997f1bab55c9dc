//! Format version 1 of the assessment file, as plain serde types of its own,
//! and the one place where it is converted to and from the domain types.
//!
//! The file does not reuse the domain types' serde forms: a change in the
//! core's types must not silently change what district offices receive.
//! Shared value types with a fixed text form are reused: dates
//! (`2024-11-10`), months (`2024-10`) and money (`"60000.00"`). Sections
//! other than the header are optional and default to empty, so a file
//! written with fewer sections still loads. Unknown members are refused
//! (a typo must not pass as "not answered").

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::{Date, DateTime};
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Community, Fact, Meeting, Place, Report};
use crate::evidence::{Attachment, Evidence};
use crate::ledger::{Documents, Expenditure, Ledger, PlanLine, Purpose};
use crate::money::Money;
use crate::months::YearMonth;
use crate::rubric::Container;
use crate::score::{Evaluation, GateKind, GateState, ItemStatus, ScoreRange};

/// The whole document, members in the order they are written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocumentV1 {
    pub schema_version: u32,
    pub rubric: RubricRef,
    pub app_version: String,
    #[serde(
        default,
        deserialize_with = "crate::dates::de_opt_date_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub exported_at: Option<DateTime>,
    pub community: DocCommunity,
    #[serde(deserialize_with = "crate::dates::de_date")]
    pub as_of: Date,
    #[serde(default)]
    pub facts: BTreeMap<u32, BTreeMap<String, DocFact>>,
    #[serde(default)]
    pub falsified: BTreeSet<u32>,
    #[serde(default)]
    pub bonus: BTreeMap<u32, BTreeMap<String, u32>>,
    #[serde(default)]
    pub ledger: DocLedger,
    /// Materials marks and file metadata per item; left out when empty,
    /// so files without evidence read and hash as before.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub evidence: BTreeMap<u32, DocEvidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    pub checksum: String,
}

/// Which rubric the file was scored against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricRef {
    /// e.g. `quanzhou-2024-batch3`.
    pub id: String,
    pub version: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocCommunity {
    pub district: String,
    pub street: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub(crate) enum DocFact {
    YesNo(bool),
    Count(u32),
    Range {
        low: u32,
        high: u32,
    },
    Kinds {
        #[serde(default)]
        ticked: BTreeSet<String>,
        #[serde(default)]
        other: Vec<String>,
    },
    Meetings(Vec<DocMeeting>),
    Reports(Vec<DocReport>),
    Places(Vec<DocPlace>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocMeeting {
    #[serde(deserialize_with = "crate::dates::de_date")]
    pub date: Date,
    #[serde(default)]
    pub note: String,
    #[serde(default, skip_serializing_if = "DocEvidence::is_empty")]
    pub evidence: DocEvidence,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocReport {
    pub month: YearMonth,
    #[serde(deserialize_with = "crate::dates::de_date")]
    pub sent_on: Date,
    #[serde(default, skip_serializing_if = "DocEvidence::is_empty")]
    pub evidence: DocEvidence,
}

/// Evidence: materials marks and attached files' metadata (never their
/// contents).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocEvidence {
    /// Material → ready (`true`) or missing (`false`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub marks: BTreeMap<String, bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<DocAttachment>,
}

impl DocEvidence {
    fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.files.is_empty()
    }
}

/// One attached file's metadata.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocAttachment {
    pub id: String,
    pub name: String,
    pub size: u64,
    #[serde(default)]
    pub mime: String,
    pub sha256: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub material: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocPlace {
    pub name: String,
    #[serde(default)]
    pub features: BTreeSet<String>,
    #[serde(default)]
    pub containers: BTreeSet<DocContainer>,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub(crate) enum DocContainer {
    Recyclable,
    Hazardous,
    Kitchen,
    Residual,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocLedger {
    #[serde(default)]
    pub plan: Vec<DocPlanLine>,
    #[serde(default)]
    pub expenditures: Vec<DocExpenditure>,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub(crate) enum DocPurpose {
    Facilities,
    ScienceBase,
    Publicity,
    Activities,
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocPlanLine {
    pub purpose: DocPurpose,
    pub planned: Money,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocExpenditure {
    #[serde(deserialize_with = "crate::dates::de_date")]
    pub date: Date,
    pub purpose: DocPurpose,
    #[serde(default)]
    pub description: String,
    pub amount: Money,
    pub designated: bool,
    #[serde(default)]
    pub documents: DocDocuments,
    #[serde(default, skip_serializing_if = "DocEvidence::is_empty")]
    pub evidence: DocEvidence,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize,
)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocDocuments {
    #[serde(default)]
    pub transfer_voucher: bool,
    #[serde(default)]
    pub payment_voucher: bool,
}

/// The computed result as the exporting app saw it. Informative only: on
/// import the core scores the facts again and uses its own result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// The base score, out of `base_max`.
    pub base: Points,
    pub base_max: u32,
    /// The bonus after caps (a single value, written as a range).
    pub bonus: Points,
    pub bonus_max: u32,
    /// `base + bonus` at each end.
    pub total: Points,
    /// Pass, fail (考核不通过) or not assessed, from the gates.
    pub outcome: Outcome,
    /// Designated spending of the base subsidy.
    pub spent: Money,
    /// The spending line (75% of the base subsidy).
    pub spending_line: Money,
    pub categories: Vec<CategorySummary>,
    pub gates: Vec<GateSummary>,
    pub items: Vec<ItemSummary>,
}

/// A range of whole points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Points {
    pub low: u32,
    pub high: u32,
}

impl From<ScoreRange> for Points {
    fn from(range: ScoreRange) -> Points {
        Points { low: range.low, high: range.high }
    }
}

/// A gate's state, or the overall outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Pass,
    Fail,
    NotAssessed,
}

impl From<GateState> for Outcome {
    fn from(state: GateState) -> Outcome {
        match state {
            GateState::Pass => Outcome::Pass,
            GateState::Fail => Outcome::Fail,
            GateState::NotAssessed => Outcome::NotAssessed,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategorySummary {
    pub name: String,
    pub max: u32,
    pub score: Points,
}

/// Which gate (item 17).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gate {
    /// 补助资金专款专用.
    DesignatedUse,
    /// 基础补助资金实际支出不低于75%.
    Spending,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateSummary {
    pub gate: Gate,
    pub state: Outcome,
}

/// How far an item is assessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Assessed,
    Partial,
    NotAssessed,
    Falsified,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemSummary {
    pub number: u32,
    pub max: u32,
    pub score: Points,
    pub status: Status,
}

impl Summary {
    /// The summary of an evaluation.
    pub fn of(evaluation: &Evaluation) -> Summary {
        let bonus = evaluation.bonus.points;
        Summary {
            base: evaluation.base.into(),
            base_max: evaluation.base_max,
            bonus: Points { low: bonus, high: bonus },
            bonus_max: evaluation.bonus.max,
            total: evaluation.total.into(),
            outcome: evaluation.outcome.into(),
            spent: evaluation.ledger.spent,
            spending_line: evaluation.ledger.line,
            categories: evaluation
                .categories
                .iter()
                .map(|c| CategorySummary {
                    name: c.name.clone(),
                    max: c.max,
                    score: c.score.into(),
                })
                .collect(),
            gates: evaluation
                .gates
                .iter()
                .map(|g| GateSummary {
                    gate: match g.kind {
                        GateKind::DesignatedUse => Gate::DesignatedUse,
                        GateKind::Spending => Gate::Spending,
                    },
                    state: g.state.into(),
                })
                .collect(),
            items: evaluation
                .items
                .iter()
                .map(|i| ItemSummary {
                    number: i.number,
                    max: i.max,
                    score: i.score.into(),
                    status: match i.status {
                        ItemStatus::Assessed => Status::Assessed,
                        ItemStatus::Partial => Status::Partial,
                        ItemStatus::NotAssessed => Status::NotAssessed,
                        ItemStatus::Falsified => Status::Falsified,
                    },
                })
                .collect(),
        }
    }
}

// ---- Domain → file ------------------------------------------------------

impl From<&Evidence> for DocEvidence {
    fn from(e: &Evidence) -> DocEvidence {
        DocEvidence {
            marks: e.marks.clone(),
            files: e
                .files
                .iter()
                .map(|f| DocAttachment {
                    id: f.id.clone(),
                    name: f.name.clone(),
                    size: f.size,
                    mime: f.mime.clone(),
                    sha256: f.sha256.clone(),
                    material: f.material.clone(),
                })
                .collect(),
        }
    }
}

impl From<DocEvidence> for Evidence {
    fn from(e: DocEvidence) -> Evidence {
        Evidence {
            marks: e.marks,
            files: e
                .files
                .into_iter()
                .map(|f| Attachment {
                    id: f.id,
                    name: f.name,
                    size: f.size,
                    mime: f.mime,
                    sha256: f.sha256,
                    material: f.material,
                })
                .collect(),
        }
    }
}

impl From<&Community> for DocCommunity {
    fn from(c: &Community) -> DocCommunity {
        DocCommunity {
            district: c.district.clone(),
            street: c.street.clone(),
            name: c.name.clone(),
        }
    }
}

impl From<&Fact> for DocFact {
    fn from(fact: &Fact) -> DocFact {
        match fact {
            Fact::YesNo(yes) => DocFact::YesNo(*yes),
            Fact::Count(count) => DocFact::Count(*count),
            Fact::Range { low, high } => {
                DocFact::Range { low: *low, high: *high }
            }
            Fact::Kinds { ticked, other } => {
                DocFact::Kinds { ticked: ticked.clone(), other: other.clone() }
            }
            Fact::Meetings(meetings) => DocFact::Meetings(
                meetings
                    .iter()
                    .map(|m| DocMeeting {
                        date: m.date,
                        note: m.note.clone(),
                        evidence: (&m.evidence).into(),
                    })
                    .collect(),
            ),
            Fact::Reports(reports) => DocFact::Reports(
                reports
                    .iter()
                    .map(|r| DocReport {
                        month: r.month,
                        sent_on: r.sent_on,
                        evidence: (&r.evidence).into(),
                    })
                    .collect(),
            ),
            Fact::Places(places) => {
                DocFact::Places(places.iter().map(DocPlace::from).collect())
            }
        }
    }
}

impl From<&Place> for DocPlace {
    fn from(p: &Place) -> DocPlace {
        DocPlace {
            name: p.name.clone(),
            features: p.features.clone(),
            containers: p.containers.iter().map(|&c| c.into()).collect(),
        }
    }
}

impl From<Container> for DocContainer {
    fn from(c: Container) -> DocContainer {
        match c {
            Container::Recyclable => DocContainer::Recyclable,
            Container::Hazardous => DocContainer::Hazardous,
            Container::Kitchen => DocContainer::Kitchen,
            Container::Residual => DocContainer::Residual,
        }
    }
}

impl From<Purpose> for DocPurpose {
    fn from(p: Purpose) -> DocPurpose {
        match p {
            Purpose::Facilities => DocPurpose::Facilities,
            Purpose::ScienceBase => DocPurpose::ScienceBase,
            Purpose::Publicity => DocPurpose::Publicity,
            Purpose::Activities => DocPurpose::Activities,
            Purpose::Other => DocPurpose::Other,
        }
    }
}

impl From<&Ledger> for DocLedger {
    fn from(ledger: &Ledger) -> DocLedger {
        DocLedger {
            plan: ledger
                .plan
                .iter()
                .map(|p| DocPlanLine {
                    purpose: p.purpose.into(),
                    planned: p.planned,
                    note: p.note.clone(),
                })
                .collect(),
            expenditures: ledger
                .expenditures
                .iter()
                .map(|e| DocExpenditure {
                    date: e.date,
                    purpose: e.purpose.into(),
                    description: e.description.clone(),
                    amount: e.amount,
                    designated: e.designated,
                    documents: DocDocuments {
                        transfer_voucher: e.documents.transfer_voucher,
                        payment_voucher: e.documents.payment_voucher,
                    },
                    evidence: (&e.evidence).into(),
                })
                .collect(),
        }
    }
}

/// The facts sections of a document for an assessment (header, summary and
/// checksum are the caller's).
pub(crate) struct Sections {
    pub community: DocCommunity,
    pub as_of: Date,
    pub facts: BTreeMap<u32, BTreeMap<String, DocFact>>,
    pub falsified: BTreeSet<u32>,
    pub bonus: BTreeMap<u32, BTreeMap<String, u32>>,
    pub ledger: DocLedger,
    pub evidence: BTreeMap<u32, DocEvidence>,
}

impl From<&Assessment> for Sections {
    fn from(a: &Assessment) -> Sections {
        Sections {
            community: (&a.community).into(),
            as_of: a.as_of,
            facts: a
                .facts
                .iter()
                .map(|(item, rules)| {
                    let rules = rules
                        .iter()
                        .map(|(rule, fact)| (rule.clone(), fact.into()))
                        .collect();
                    (*item, rules)
                })
                .collect(),
            falsified: a.falsified.clone(),
            bonus: a.bonus.clone(),
            ledger: (&a.ledger).into(),
            evidence: a
                .evidence
                .iter()
                .filter(|(_, e)| !e.is_empty())
                .map(|(item, e)| (*item, e.into()))
                .collect(),
        }
    }
}

// ---- File → domain ------------------------------------------------------

impl From<DocCommunity> for Community {
    fn from(c: DocCommunity) -> Community {
        Community { district: c.district, street: c.street, name: c.name }
    }
}

impl From<DocFact> for Fact {
    fn from(fact: DocFact) -> Fact {
        match fact {
            DocFact::YesNo(yes) => Fact::YesNo(yes),
            DocFact::Count(count) => Fact::Count(count),
            DocFact::Range { low, high } => Fact::Range { low, high },
            DocFact::Kinds { ticked, other } => Fact::Kinds { ticked, other },
            DocFact::Meetings(meetings) => Fact::Meetings(
                meetings
                    .into_iter()
                    .map(|m| Meeting {
                        date: m.date,
                        note: m.note,
                        evidence: m.evidence.into(),
                    })
                    .collect(),
            ),
            DocFact::Reports(reports) => Fact::Reports(
                reports
                    .into_iter()
                    .map(|r| Report {
                        month: r.month,
                        sent_on: r.sent_on,
                        evidence: r.evidence.into(),
                    })
                    .collect(),
            ),
            DocFact::Places(places) => {
                Fact::Places(places.into_iter().map(Place::from).collect())
            }
        }
    }
}

impl From<DocPlace> for Place {
    fn from(p: DocPlace) -> Place {
        Place {
            name: p.name,
            features: p.features,
            containers: p.containers.into_iter().map(Container::from).collect(),
        }
    }
}

impl From<DocContainer> for Container {
    fn from(c: DocContainer) -> Container {
        match c {
            DocContainer::Recyclable => Container::Recyclable,
            DocContainer::Hazardous => Container::Hazardous,
            DocContainer::Kitchen => Container::Kitchen,
            DocContainer::Residual => Container::Residual,
        }
    }
}

impl From<DocPurpose> for Purpose {
    fn from(p: DocPurpose) -> Purpose {
        match p {
            DocPurpose::Facilities => Purpose::Facilities,
            DocPurpose::ScienceBase => Purpose::ScienceBase,
            DocPurpose::Publicity => Purpose::Publicity,
            DocPurpose::Activities => Purpose::Activities,
            DocPurpose::Other => Purpose::Other,
        }
    }
}

impl From<DocPlanLine> for PlanLine {
    fn from(p: DocPlanLine) -> PlanLine {
        PlanLine { purpose: p.purpose.into(), planned: p.planned, note: p.note }
    }
}

impl From<DocExpenditure> for Expenditure {
    fn from(e: DocExpenditure) -> Expenditure {
        Expenditure {
            date: e.date,
            purpose: e.purpose.into(),
            description: e.description,
            amount: e.amount,
            designated: e.designated,
            documents: Documents {
                transfer_voucher: e.documents.transfer_voucher,
                payment_voucher: e.documents.payment_voucher,
            },
            evidence: e.evidence.into(),
        }
    }
}

impl From<DocLedger> for Ledger {
    fn from(l: DocLedger) -> Ledger {
        Ledger {
            plan: l.plan.into_iter().map(PlanLine::from).collect(),
            expenditures: l
                .expenditures
                .into_iter()
                .map(Expenditure::from)
                .collect(),
        }
    }
}

impl DocumentV1 {
    /// The assessment the document holds.
    pub fn assessment(&self) -> Assessment {
        Assessment {
            community: self.community.clone().into(),
            as_of: self.as_of,
            facts: self
                .facts
                .iter()
                .map(|(item, rules)| {
                    let rules = rules
                        .iter()
                        .map(|(rule, fact)| (rule.clone(), fact.clone().into()))
                        .collect();
                    (*item, rules)
                })
                .collect(),
            falsified: self.falsified.clone(),
            bonus: self.bonus.clone(),
            ledger: self.ledger.clone().into(),
            evidence: self
                .evidence
                .iter()
                .map(|(item, e)| (*item, e.clone().into()))
                .collect(),
        }
    }
}

/// Members that hold an amount of money ([`Money`]'s string form).
pub(crate) fn is_money_member(member: &str) -> bool {
    matches!(member, "amount" | "planned" | "spent" | "spending_line")
}

/// Members that hold a date or a date-time.
pub(crate) fn is_date_member(member: &str) -> bool {
    matches!(member, "as_of" | "date" | "sent_on" | "exported_at")
}
