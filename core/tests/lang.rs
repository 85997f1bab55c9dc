//! Every message users can meet exists in both languages: the English one
//! is non-empty and holds no Chinese characters (official terms aside,
//! which the messages below do not quote).

use starcheck_core::lang::{has_han, has_han_outside_quotes};
use starcheck_core::{CountError, FileError, Lang, MoneyError, MonthError};

fn file_errors() -> Vec<FileError> {
    let amount = MoneyError::TooManyDecimals { input: "1.005".into() };
    vec![
        FileError::TooLarge { size: 3_000_000, limit: 2 * 1024 * 1024 },
        FileError::Empty,
        FileError::Binary { kind: Some("png") },
        FileError::Binary { kind: None },
        FileError::NotUtf8 { offset: 3, encoding: Some("GBK") },
        FileError::NotUtf8 { offset: 3, encoding: None },
        FileError::NotJson { line: 1, column: 2, detail: "x".into() },
        FileError::Truncated { line: 4, column: 1 },
        FileError::NotAnObject,
        FileError::MissingSchemaVersion,
        FileError::UnknownSchemaVersion { found: "x".into(), reads: 1 },
        FileError::FutureSchemaVersion { found: 9, reads: 1 },
        FileError::MissingChecksum,
        FileError::ChecksumMismatch { stated: "a".into(), actual: "b".into() },
        FileError::WrongType { path: "facts.3.plan".into(), detail: "".into() },
        FileError::NegativeNumber {
            path: "ledger.expenditures[1].amount".into(),
            value: "-1".into(),
        },
        FileError::NotWholeNumber {
            path: "bonus.14".into(),
            value: "1.5".into(),
        },
        FileError::BadDate {
            path: "as_of".into(),
            value: "2024-13-01".into(),
            detail: "".into(),
        },
        FileError::BadAmount {
            path: "ledger.plan[0].planned".into(),
            reason: amount,
        },
    ]
}

#[test]
fn ok_every_file_error_has_an_english_message() {
    for error in file_errors() {
        let en = error.message(Lang::En);
        let zh = error.message(Lang::Zh);
        assert!(!en.trim().is_empty(), "{error:?}");
        assert!(!has_han(&en), "{error:?}: {en}");
        assert!(has_han(&zh), "{error:?}: {zh}");
        assert_ne!(en, zh);
    }
}

#[test]
fn ok_typed_refusals_have_english_messages() {
    let money = [
        MoneyError::Empty,
        MoneyError::NotANumber { input: "abc".into() },
        MoneyError::UnexpectedCharacter { input: "1_0".into(), character: '_' },
        MoneyError::BadGrouping { input: "12,34".into() },
        MoneyError::TooManyDecimals { input: "1.005".into() },
        MoneyError::Negative { input: "-5".into() },
        MoneyError::TooLarge { input: "9e99".into() },
    ];
    let counts = [
        CountError::NotANumber,
        CountError::Negative,
        CountError::Fraction,
        CountError::TooLarge,
    ];
    let mut messages: Vec<String> =
        money.iter().map(|e| e.message(Lang::En)).collect();
    messages.extend(counts.iter().map(|e| e.message(Lang::En)));
    messages
        .push(MonthError::Malformed { input: "x".into() }.message(Lang::En));
    // Chinese only inside quotes: what the user typed, or the form to type.
    for message in messages {
        assert!(
            !message.is_empty() && !has_han_outside_quotes(&message),
            "{message}"
        );
    }
    assert_eq!(
        MoneyError::NotANumber { input: "abc".into() }.message(Lang::En),
        "\u{201c}abc\u{201d} is not an amount: type a number such as 60000 or \
         \u{201c}6万\u{201d}"
    );
    assert_eq!(
        MoneyError::TooManyDecimals { input: "100.005".into() }
            .message(Lang::En),
        "\u{201c}100.005\u{201d} has more than two decimal places: amounts go \
         to the fen; please check it, nothing is rounded"
    );
}

#[test]
fn ok_deductions_gates_and_fixes_exist_in_both_languages() {
    let rubric = starcheck_core::Rubric::quanzhou_2024();
    let example = starcheck_core::examples::example_b();
    let evaluation = starcheck_core::evaluate(&rubric, &example);

    let deductions: Vec<_> =
        evaluation.items.iter().flat_map(|i| i.deductions.iter()).collect();
    assert!(!deductions.is_empty());
    for d in deductions {
        assert!(has_han(d.reason.get(Lang::Zh)), "{:?}", d.reason);
        // English words around quoted official wording or user text.
        let letters = d.reason.en.chars().filter(char::is_ascii_alphabetic);
        assert!(letters.count() >= 3, "{:?}", d.reason);
        assert_ne!(d.reason.zh, d.reason.en);
    }
    for gate in &evaluation.gates {
        assert!(
            gate.summary.en.starts_with(char::is_uppercase),
            "{:?}",
            gate.summary
        );
    }
    for fix in &evaluation.fix_first {
        assert_ne!(fix.action.zh, fix.action.en);
        assert!(!fix.action.en.is_empty());
    }
    for reading in starcheck_core::our_readings() {
        assert!(!reading.text(Lang::En).is_empty());
        assert_ne!(reading.text(Lang::En), reading.text(Lang::Zh));
    }
}
