//! Recovering what can be read from a document that [`crate::file::import`]
//! refuses: a stored draft that was corrupted, edited, or written by a newer
//! or older app. Used only to start a *new* draft from the pieces; the
//! damaged text itself is never changed.
//!
//! Each piece (the community, the as-of date, every fact, falsified mark,
//! bonus count and ledger line) is read on its own with the current
//! format's types; what fits is kept, what does not is listed by path. The
//! checksum and the schema version are ignored on purpose.
//!
//! Known gap: text that is not JSON at all (for example cut off in the
//! middle) yields nothing here; the app then offers the raw text as a
//! download, so nothing is lost, but nothing is pieced back together.

use jiff::civil::Date;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::assessment::{Assessment, Community};
use crate::dates::ReadDate;
use crate::file::v1::{DocCommunity, DocExpenditure, DocFact, DocPlanLine};

/// What could be read from a damaged document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovered {
    /// Everything that could be read, with the fallback date when the
    /// as-of date could not.
    pub assessment: Assessment,
    /// The community was read (otherwise it is empty).
    pub community_found: bool,
    /// The as-of date was read (otherwise it is the fallback).
    pub as_of_found: bool,
    /// Facts, falsified marks, bonus counts and ledger lines kept.
    pub kept: usize,
    /// The paths of pieces that could not be read.
    pub lost: Vec<String>,
}

/// Reads what it can from `text`; `None` when the text is not a JSON
/// object at all. `fallback_as_of` stands in for an unreadable date.
pub fn recover(text: &str, fallback_as_of: Date) -> Option<Recovered> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(Value::Object(members)) = serde_json::from_str::<Value>(text) else {
        return None;
    };

    let mut lost = Vec::new();
    let community = members
        .get("community")
        .and_then(|v| piece::<DocCommunity>(v, "community", &mut lost))
        .map(Community::from);
    let as_of = members
        .get("as_of")
        .and_then(|v| piece::<ReadDate>(v, "as_of", &mut lost))
        .map(|read| read.0);

    let mut recovered = Recovered {
        assessment: Assessment::new(
            community.clone().unwrap_or_default(),
            as_of.unwrap_or(fallback_as_of),
        ),
        community_found: community.is_some(),
        as_of_found: as_of.is_some(),
        kept: 0,
        lost,
    };
    recover_facts(&members, &mut recovered);
    recover_marks(&members, &mut recovered);
    recover_ledger(&members, &mut recovered);
    Some(recovered)
}

/// `facts`: item → rule → fact, each fact on its own.
fn recover_facts(members: &Map<String, Value>, into: &mut Recovered) {
    let Some(facts) = members.get("facts").and_then(Value::as_object) else {
        return;
    };
    for (item_key, rules) in facts {
        let Ok(item) = item_key.parse::<u32>() else {
            into.lost.push(format!("facts.{item_key}"));
            continue;
        };
        let Some(rules) = rules.as_object() else {
            into.lost.push(format!("facts.{item_key}"));
            continue;
        };
        for (rule, fact) in rules {
            let path = format!("facts.{item_key}.{rule}");
            if let Some(fact) = piece::<DocFact>(fact, &path, &mut into.lost) {
                into.assessment.set_fact(item, rule, fact.into());
                into.kept += 1;
            }
        }
    }
}

/// `falsified` and `bonus`, mark by mark and count by count.
fn recover_marks(members: &Map<String, Value>, into: &mut Recovered) {
    if let Some(marks) = members.get("falsified").and_then(Value::as_array) {
        for (index, mark) in marks.iter().enumerate() {
            let path = format!("falsified[{index}]");
            if let Some(item) = piece::<u32>(mark, &path, &mut into.lost) {
                into.assessment.falsified.insert(item);
                into.kept += 1;
            }
        }
    }

    let Some(bonus) = members.get("bonus").and_then(Value::as_object) else {
        return;
    };
    for (item_key, parts) in bonus {
        let item = item_key.parse::<u32>().ok();
        let (Some(item), Some(parts)) = (item, parts.as_object()) else {
            into.lost.push(format!("bonus.{item_key}"));
            continue;
        };
        for (part, count) in parts {
            let path = format!("bonus.{item_key}.{part}");
            if let Some(count) = piece::<u32>(count, &path, &mut into.lost) {
                into.assessment.set_bonus(item, part, count);
                into.kept += 1;
            }
        }
    }
}

/// `ledger.plan` and `ledger.expenditures`, line by line.
fn recover_ledger(members: &Map<String, Value>, into: &mut Recovered) {
    let Some(ledger) = members.get("ledger").and_then(Value::as_object) else {
        return;
    };
    if let Some(plan) = ledger.get("plan").and_then(Value::as_array) {
        for (index, line) in plan.iter().enumerate() {
            let path = format!("ledger.plan[{index}]");
            if let Some(line) =
                piece::<DocPlanLine>(line, &path, &mut into.lost)
            {
                into.assessment.ledger.plan.push(line.into());
                into.kept += 1;
            }
        }
    }
    let spending = ledger.get("expenditures").and_then(Value::as_array);
    for (index, line) in spending.into_iter().flatten().enumerate() {
        let path = format!("ledger.expenditures[{index}]");
        if let Some(line) = piece::<DocExpenditure>(line, &path, &mut into.lost)
        {
            into.assessment.ledger.expenditures.push(line.into());
            into.kept += 1;
        }
    }
}

/// One piece read with the current format's type, or its path noted.
///
/// Read through the same path-tracking deserializer as an import
/// (`file::typed`): the wasm then holds one copy of each type's reading
/// code instead of two, and the path it tracks is simply not used.
fn piece<T: DeserializeOwned>(
    value: &Value,
    path: &str,
    lost: &mut Vec<String>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(piece) => Some(piece),
        Err(_) => {
            lost.push(path.to_string());
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::assessment::Fact;

    const FALLBACK: Date = date(2024, 12, 1);

    #[test]
    fn ok_keeps_what_parses_and_names_the_rest() {
        let text = r#"{
            "schema_version": 7,
            "community": {"district": "鲤城区", "street": "开元街道", "name": "新春社区"},
            "as_of": "2024-13-40",
            "facts": {
                "1": {"plan": {"yes_no": true}, "execution": {"range": "x"}},
                "six": {"labels": {"count": 1}},
                "6": {"labels": {"count": -2}, "containers": {"count": 3}}
            },
            "bonus": {"14": {"commendations": 2, "media_reports": "many"}},
            "ledger": {"expenditures": [
                {"date": "2024-10-12", "purpose": "facilities",
                 "amount": "30000.00", "designated": true},
                {"date": "2024-10-13", "purpose": "facilities",
                 "amount": "-5", "designated": true}
            ]},
            "checksum": "nonsense"
        }"#;
        let Some(r) = recover(text, FALLBACK) else {
            panic!("an object should be recovered");
        };
        assert!(r.community_found);
        assert_eq!(r.assessment.community.name, "新春社区");
        assert!(!r.as_of_found);
        assert_eq!(r.assessment.as_of, FALLBACK);
        assert_eq!(r.assessment.fact(1, "plan"), Some(&Fact::YesNo(true)));
        assert_eq!(r.assessment.fact(6, "containers"), Some(&Fact::Count(3)));
        assert_eq!(r.assessment.ledger.expenditures.len(), 1);
        assert_eq!(r.kept, 4);
        assert_eq!(
            r.lost,
            [
                "as_of",
                "facts.1.execution",
                "facts.6.labels",
                "facts.six",
                "bonus.14.media_reports",
                "ledger.expenditures[1]",
            ]
        );
    }

    #[test]
    fn err_nothing_from_text_that_is_not_an_object() {
        for text in ["", "{\"community\": {", "[1, 2]", "垃圾"] {
            assert_eq!(recover(text, FALLBACK), None, "{text}");
        }
    }
}
