//! English for the district table's own words (tier, gate verdict, the
//! undetermined award). The table carries them in Chinese, the language
//! of the district CSV and of the ranking file, so the English is made
//! from those words where they are shown. The table's sentences (a gate's
//! detail, a tie's or an overlap's message) are [`crate::Text`]s instead,
//! which carry their English with them.
//!
//! The tier names come from the rubric (`五星`, `四星`, `三星`); a word
//! this module does not know stays Chinese rather than half-translated.

use crate::GateState;

/// The pieces of a tier phrase, longest first so that no piece is taken
/// for part of a longer one.
const TIER_PIECES: [(&str, &str); 11] = [
    ("不参与排名(考核不通过)", "not ranked (failed a gate)"),
    ("(考核不通过,不顺延)", " (failed a gate; not passed down)"),
    ("(同分待定)", " (tie, to be settled)"),
    ("(名额之外)", " (beyond the quotas)"),
    ("名额空缺", " slot left empty"),
    ("名额之外", "beyond the quotas"),
    ("无星级", "no stars"),
    ("五星", "5-star"),
    ("四星", "4-star"),
    ("三星", "3-star"),
    ("或", " or "),
];

/// A tier phrase of the table in English: `五星或四星(同分待定)` is
/// `5-star or 4-star (tie, to be settled)`. `None` when a part of it is
/// not known here.
pub fn tier_en(zh: &str) -> Option<String> {
    let mut rest = zh;
    let mut english = String::new();
    while !rest.is_empty() {
        let (piece, word) =
            TIER_PIECES.iter().find(|(piece, _)| rest.starts_with(piece))?;
        english.push_str(word);
        rest = &rest[piece.len()..];
    }
    Some(english)
}

/// A gate's verdict in English, from its state.
pub fn verdict_en(state: GateState) -> &'static str {
    match state {
        GateState::Pass => "pass",
        GateState::Fail => "fail",
        GateState::NotAssessed => "not assessed",
    }
}

/// A gate's name in the table in English: the official 专款专用 is kept
/// beside its English; the table's own `支出不低于75%` is put into
/// English. Any other name is returned as it is.
pub fn gate_en(zh: &str) -> &str {
    match zh {
        "专款专用" => "designated use (专款专用)",
        "支出不低于75%" => "spent ≥ 75%",
        other => other,
    }
}

/// The award of a slot shared by a tie that crosses a tier line.
pub const UNDETERMINED_EN: &str = "to be settled (tie)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_tier_phrases() {
        let cases = [
            ("五星", "5-star"),
            ("五星或四星(同分待定)", "5-star or 4-star (tie, to be settled)"),
            (
                "三星或无星级(同分待定)",
                "3-star or no stars (tie, to be settled)",
            ),
            ("四星名额空缺", "4-star slot left empty"),
            (
                "四星名额空缺(考核不通过,不顺延)",
                "4-star slot left empty (failed a gate; not passed down)",
            ),
            ("不参与排名(考核不通过)", "not ranked (failed a gate)"),
            ("无星级(名额之外)", "no stars (beyond the quotas)"),
            ("名额之外", "beyond the quotas"),
        ];
        for (zh, en) in cases {
            assert_eq!(tier_en(zh).as_deref(), Some(en), "{zh}");
        }
    }

    #[test]
    fn ok_gate_names() {
        assert_eq!(gate_en("专款专用"), "designated use (专款专用)");
        assert_eq!(gate_en("支出不低于75%"), "spent ≥ 75%");
        assert_eq!(gate_en("其他"), "其他");
    }

    #[test]
    fn no_unknown_words_come_out_half_translated() {
        assert_eq!(tier_en("六星"), None);
        assert_eq!(tier_en("五星(待定)"), None);
        assert_eq!(tier_en(""), Some(String::new()));
    }
}
