//! An assessment: what one community knows about itself on a given date.
//!
//! Facts are keyed by item number, then by rule id (the ids of
//! [`crate::Rule`]); a missing key means "not yet answered", never "no".
//! Every field is plain data with deterministic order (`BTreeMap`,
//! `BTreeSet`), so the export file built on top of it hashes the same on
//! every machine. Nothing here reads storage or the clock: the as-of date is
//! given.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::evidence::Evidence;
use crate::ledger::Ledger;
use crate::months::YearMonth;
use crate::rubric::Container;

/// Which community an assessment is about. Free entry is allowed (other
/// counties create their own communities); [`crate::community`] lists the
/// 20 of Attachment 1.
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
pub struct Community {
    /// 区 (county-level district), e.g. `鲤城区`.
    pub district: String,
    /// 街道, e.g. `开元街道`.
    pub street: String,
    /// 社区, e.g. `新春社区`.
    pub name: String,
}

impl Community {
    /// A community from its three names.
    pub fn new(district: &str, street: &str, name: &str) -> Community {
        Community {
            district: district.to_string(),
            street: street.to_string(),
            name: name.to_string(),
        }
    }

    /// The full name as users read it: `鲤城区开元街道新春社区`.
    pub fn full_name(&self) -> String {
        format!("{}{}{}", self.district, self.street, self.name)
    }
}

/// One answered fact for one rule. Which shape a rule expects is given by
/// [`crate::Rule::expected_shape`]; a fact of another shape is reported as
/// a [`crate::FactProblem`] and treated as unanswered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// A yes/no fact: `true` means the requirement is met (a plan exists,
    /// the roster is in place…).
    YesNo(bool),
    /// A number of findings (dirty containers, wrong labels…).
    Count(u32),
    /// The self-assessor's expected range for a graded (酌情) part, in
    /// points of the item, `low ≤ high ≤ max`.
    Range { low: u32, high: u32 },
    /// Kinds of publicity media in use: those ticked from the rubric's list
    /// and any others typed in.
    Kinds { ticked: BTreeSet<String>, other: Vec<String> },
    /// Meetings held (item 5).
    Meetings(Vec<Meeting>),
    /// Information reports sent (item 13).
    Reports(Vec<Report>),
    /// Waste-sorting places and what each has (item 6).
    Places(Vec<Place>),
}

/// A meeting held (联席会), on a civil date.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Meeting {
    #[serde(deserialize_with = "crate::dates::de_date")]
    pub date: Date,
    /// What it was (minutes, attendees…); free text, not scored.
    #[serde(default)]
    pub note: String,
    /// Its minutes, sign-in sheet and other proof (会议记录、签到表).
    #[serde(default)]
    pub evidence: Evidence,
}

/// An information report (信息报送) sent to the district office.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Report {
    /// The month the report is for.
    pub month: YearMonth,
    /// The civil date it was sent.
    #[serde(deserialize_with = "crate::dates::de_date")]
    pub sent_on: Date,
    /// The report itself and proof of sending.
    #[serde(default)]
    pub evidence: Evidence,
}

/// A place with waste-sorting facilities (投放点/场所).
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
)]
pub struct Place {
    /// The place as users call it, e.g. `邻里中心一楼`.
    pub name: String,
    /// Feature ids present there (see
    /// [`crate::EquipmentRequirement::feature`]), e.g. `canteen`.
    #[serde(default)]
    pub features: BTreeSet<String>,
    /// Collection containers present there.
    #[serde(default)]
    pub containers: BTreeSet<Container>,
}

/// What one community knows about itself as of one date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub community: Community,
    /// The civil date the assessment speaks for; months after it are
    /// pending.
    #[serde(deserialize_with = "crate::dates::de_date")]
    pub as_of: Date,
    /// Answered facts: item number → rule id → fact.
    #[serde(default)]
    pub facts: BTreeMap<u32, BTreeMap<String, Fact>>,
    /// Items marked as falsified (弄虚作假, item 16): each scores 0.
    #[serde(default)]
    pub falsified: BTreeSet<u32>,
    /// Bonus counts: bonus item number → part id → count. A missing count
    /// is 0 (our reading: a bonus is only counted once claimed).
    #[serde(default)]
    pub bonus: BTreeMap<u32, BTreeMap<String, u32>>,
    /// The funding-use plan and the expenditures (items 2 and 17).
    #[serde(default)]
    pub ledger: Ledger,
    /// Materials marks and files per item (佐证材料); entries' own proof
    /// lives with the meeting, report or expenditure.
    #[serde(default)]
    pub evidence: BTreeMap<u32, Evidence>,
}

impl Assessment {
    /// An empty assessment: nothing answered, nothing spent.
    pub fn new(community: Community, as_of: Date) -> Assessment {
        Assessment {
            community,
            as_of,
            facts: BTreeMap::new(),
            falsified: BTreeSet::new(),
            bonus: BTreeMap::new(),
            ledger: Ledger::default(),
            evidence: BTreeMap::new(),
        }
    }

    /// The fact answered for a rule, if any.
    pub fn fact(&self, item: u32, rule: &str) -> Option<&Fact> {
        self.facts.get(&item).and_then(|rules| rules.get(rule))
    }

    /// Answers (or re-answers) a fact.
    pub fn set_fact(&mut self, item: u32, rule: &str, fact: Fact) {
        self.facts.entry(item).or_default().insert(rule.to_string(), fact);
    }

    /// Forgets an answer: the rule becomes unanswered again.
    pub fn clear_fact(&mut self, item: u32, rule: &str) {
        if let Some(rules) = self.facts.get_mut(&item) {
            rules.remove(rule);
            if rules.is_empty() {
                self.facts.remove(&item);
            }
        }
    }

    /// Sets a bonus count (0 removes it).
    pub fn set_bonus(&mut self, item: u32, part: &str, count: u32) {
        if count == 0 {
            if let Some(parts) = self.bonus.get_mut(&item) {
                parts.remove(part);
                if parts.is_empty() {
                    self.bonus.remove(&item);
                }
            }
            return;
        }
        self.bonus.entry(item).or_default().insert(part.to_string(), count);
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn ok_fact_serde_shapes() {
        let cases: &[(Fact, &str)] = &[
            (Fact::YesNo(true), r#"{"yes_no":true}"#),
            (Fact::Count(2), r#"{"count":2}"#),
            (
                Fact::Range { low: 3, high: 5 },
                r#"{"range":{"low":3,"high":5}}"#,
            ),
        ];
        for (fact, json) in cases {
            assert_eq!(
                serde_json::to_string(fact).ok().as_deref(),
                Some(*json)
            );
            let back: Option<Fact> = serde_json::from_str(json).ok();
            assert_eq!(back.as_ref(), Some(fact));
        }
    }

    #[test]
    fn ok_set_and_clear_fact() {
        let mut a = Assessment::new(Community::default(), date(2024, 12, 1));
        a.set_fact(1, "plan", Fact::YesNo(true));
        assert_eq!(a.fact(1, "plan"), Some(&Fact::YesNo(true)));

        a.clear_fact(1, "plan");
        assert_eq!(a.fact(1, "plan"), None);
        assert!(a.facts.is_empty());

        a.set_bonus(14, "commendations", 2);
        a.set_bonus(14, "commendations", 0);
        assert!(a.bonus.is_empty());
    }

    #[test]
    fn ok_assessment_round_trips() {
        let mut a = Assessment::new(
            Community::new("鲤城区", "开元街道", "新春社区"),
            date(2024, 11, 10),
        );
        a.set_fact(
            5,
            "meetings",
            Fact::Meetings(vec![Meeting {
                date: date(2024, 10, 15),
                note: "10月联席会".to_string(),
                evidence: Evidence::default(),
            }]),
        );
        let json = serde_json::to_string(&a).unwrap_or_default();
        let back: Option<Assessment> = serde_json::from_str(&json).ok();
        assert_eq!(back, Some(a));
    }
}
