//! Property tests over the public API: invariants of scoring (ranges within
//! bounds, totals adding up, monotone in findings, deterministic), money
//! round trips, cohort slot accounting, and no-panic fuzzing of every entry
//! point that takes outside input (typed amounts, rubric files, assessments,
//! cohorts).

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use proptest::prelude::*;
use serde_json::Value;
use starcheck_core::examples::{example_a, example_b, example_cohort};
use starcheck_core::{
    Assessment, Community, Container, Documents, Entrant, Evaluation,
    Expenditure, Fact, GateState, Ledger, Meeting, Money, Place, PlanLine,
    Purpose, Reference, Report, Rubric, YearMonth, evaluate, likely_tier,
    rank_cohort,
};

fn rubric() -> Rubric {
    Rubric::quanzhou_2024()
}

// ---------------------------------------------------------------------
// Strategies.

fn arb_date() -> impl Strategy<Value = Date> {
    let months = prop::sample::select(vec![
        (2024, 8),
        (2024, 9),
        (2024, 10),
        (2024, 11),
        (2024, 12),
        (2025, 1),
        (2025, 2),
    ]);
    (months, 1i8..=31).prop_map(|((year, month), day)| {
        // Clamp to the month; `Date::new` only fails for days past its end.
        (1..=day)
            .rev()
            .find_map(|d| Date::new(year, month, d).ok())
            .unwrap_or(Date::MIN)
    })
}

fn arb_month() -> impl Strategy<Value = YearMonth> {
    arb_date().prop_map(YearMonth::of)
}

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("条幅".to_string()),
        Just("宣传栏".to_string()),
        Just("canteen".to_string()),
        Just("parcel_lockers".to_string()),
        "\\PC{0,6}",
    ]
}

fn arb_count() -> impl Strategy<Value = u32> {
    prop_oneof![4 => 0u32..6, 1 => any::<u32>()]
}

fn arb_container() -> impl Strategy<Value = Container> {
    prop::sample::select(Container::ALL.to_vec())
}

fn arb_place() -> impl Strategy<Value = Place> {
    (
        arb_text(),
        prop::collection::btree_set(arb_text(), 0..3),
        prop::collection::btree_set(arb_container(), 0..5),
    )
        .prop_map(|(name, features, containers)| Place {
            name,
            features,
            containers,
        })
}

fn arb_fact() -> impl Strategy<Value = Fact> {
    prop_oneof![
        any::<bool>().prop_map(Fact::YesNo),
        arb_count().prop_map(Fact::Count),
        (arb_count(), arb_count())
            .prop_map(|(low, high)| Fact::Range { low, high }),
        (
            prop::collection::btree_set(arb_text(), 0..6),
            prop::collection::vec(arb_text(), 0..4),
        )
            .prop_map(|(ticked, other)| Fact::Kinds { ticked, other }),
        prop::collection::vec(arb_date(), 0..5).prop_map(|dates| {
            Fact::Meetings(
                dates
                    .into_iter()
                    .map(|date| Meeting {
                        date,
                        note: String::new(),
                        evidence: Default::default(),
                    })
                    .collect(),
            )
        }),
        prop::collection::vec((arb_month(), arb_date()), 0..5).prop_map(
            |sent| {
                Fact::Reports(
                    sent.into_iter()
                        .map(|(month, sent_on)| Report {
                            month,
                            sent_on,
                            evidence: Default::default(),
                        })
                        .collect(),
                )
            }
        ),
        prop::collection::vec(arb_place(), 0..4).prop_map(Fact::Places),
    ]
}

fn arb_money() -> impl Strategy<Value = Money> {
    prop_oneof![
        4 => (0u64..4_000_000).prop_map(Money::from_fen),
        1 => (0u64..=100_000_000_000).prop_map(Money::from_fen),
    ]
}

fn arb_purpose() -> impl Strategy<Value = Purpose> {
    prop::sample::select(Purpose::ALL.to_vec())
}

fn arb_expenditure() -> impl Strategy<Value = Expenditure> {
    (
        arb_date(),
        arb_purpose(),
        arb_text(),
        arb_money(),
        prop_oneof![5 => Just(true), 1 => Just(false)],
        any::<(bool, bool)>(),
    )
        .prop_map(
            |(date, purpose, description, amount, designated, docs)| {
                Expenditure {
                    date,
                    purpose,
                    description,
                    amount,
                    designated,
                    documents: Documents {
                        transfer_voucher: docs.0,
                        payment_voucher: docs.1,
                    },
                    evidence: Default::default(),
                }
            },
        )
}

fn arb_ledger() -> impl Strategy<Value = Ledger> {
    (
        prop::collection::vec((arb_purpose(), arb_money()), 0..4),
        prop::collection::vec(arb_expenditure(), 0..6),
    )
        .prop_map(|(plan, expenditures)| Ledger {
            plan: plan
                .into_iter()
                .map(|(purpose, planned)| PlanLine {
                    purpose,
                    planned,
                    note: String::new(),
                })
                .collect(),
            expenditures,
        })
}

/// Facts keyed by the built-in rubric's real item numbers and rule ids
/// (mostly), with stray keys now and then; shapes are random, so wrong
/// shapes occur too.
fn arb_facts() -> impl Strategy<Value = BTreeMap<u32, BTreeMap<String, Fact>>> {
    let keys: Vec<(u32, String)> = rubric()
        .items()
        .iter()
        .flat_map(|item| {
            item.rules.iter().map(|r| (item.number, r.id().to_string()))
        })
        .chain([(1, "stray".to_string()), (42, "x".to_string())])
        .collect();
    prop::collection::vec((prop::sample::select(keys), arb_fact()), 0..30)
        .prop_map(|pairs| {
            let mut facts: BTreeMap<u32, BTreeMap<String, Fact>> =
                BTreeMap::new();
            for ((item, rule), fact) in pairs {
                facts.entry(item).or_default().insert(rule, fact);
            }
            facts
        })
}

fn arb_bonus() -> impl Strategy<Value = BTreeMap<u32, BTreeMap<String, u32>>> {
    let parts = vec![
        (14, "commendations".to_string()),
        (14, "media_reports".to_string()),
        (15, "hosted_meetings".to_string()),
        (15, "stray".to_string()),
        (99, "x".to_string()),
    ];
    prop::collection::vec((prop::sample::select(parts), arb_count()), 0..5)
        .prop_map(|pairs| {
            let mut bonus: BTreeMap<u32, BTreeMap<String, u32>> =
                BTreeMap::new();
            for ((item, part), count) in pairs {
                bonus.entry(item).or_default().insert(part, count);
            }
            bonus
        })
}

fn arb_assessment() -> impl Strategy<Value = Assessment> {
    (
        arb_date(),
        arb_facts(),
        prop::collection::btree_set(0u32..20, 0..3),
        arb_bonus(),
        arb_ledger(),
    )
        .prop_map(|(as_of, facts, falsified, bonus, ledger)| Assessment {
            community: Community::new("鲤城区", "开元街道", "新春社区"),
            as_of,
            facts,
            falsified,
            bonus,
            ledger,
            evidence: Default::default(),
        })
}

/// A JSON value of any shape, small.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-5i64..200).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        arb_text().prop_map(Value::String),
        prop::sample::select(vec![
            "required_or_zero",
            "graded",
            "per_missing_month",
            "meetings",
            "reports",
            "2024-10",
            "80000.00",
            "-1.00",
            "0.75",
            "2",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(arb_text(), inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Replaces the value found by walking `path` (each step picks a child by
/// index modulo the number of children) with `replacement`.
fn mutate(value: &mut Value, path: &[usize], replacement: Value) {
    let Some((&step, rest)) = path.split_first() else {
        *value = replacement;
        return;
    };
    let child = match value {
        Value::Array(values) if !values.is_empty() => {
            let index = step % values.len();
            values.get_mut(index)
        }
        Value::Object(fields) if !fields.is_empty() => {
            let index = step % fields.len();
            fields.values_mut().nth(index)
        }
        _ => None,
    };
    match child {
        Some(child) => mutate(child, rest, replacement),
        None => *value = replacement,
    }
}

/// Walks `path` down to a leaf and replaces it with a value of the same
/// JSON type, so that many mutated rubrics stay valid and get scored.
fn mutate_leaf(value: &mut Value, path: &[usize], number: u64, text: &str) {
    let step = path.first().copied().unwrap_or(0);
    let rest = path.get(1..).unwrap_or(&[]);
    match value {
        Value::Array(values) if !values.is_empty() => {
            let index = step % values.len();
            if let Some(child) = values.get_mut(index) {
                mutate_leaf(child, rest, number, text);
            }
        }
        Value::Object(fields) if !fields.is_empty() => {
            let index = step % fields.len();
            if let Some(child) = fields.values_mut().nth(index) {
                mutate_leaf(child, rest, number, text);
            }
        }
        Value::Number(_) => *value = Value::from(number),
        Value::String(_) => *value = Value::from(text),
        Value::Bool(flag) => *flag = !*flag,
        _ => {}
    }
}

fn built_in_json() -> Value {
    serde_json::from_str(&rubric().to_json()).unwrap_or(Value::Null)
}

fn evaluations_of(assessments: &[Assessment]) -> Vec<Evaluation> {
    assessments.iter().map(|a| evaluate(&rubric(), a)).collect()
}

// ---------------------------------------------------------------------
// Scoring invariants.

/// Checks every structural invariant of an evaluation.
fn check_invariants(
    rubric: &Rubric,
    evaluation: &Evaluation,
) -> Result<(), TestCaseError> {
    for item in &evaluation.items {
        prop_assert!(item.score.low <= item.score.high, "{item:?}");
        prop_assert!(item.score.high <= item.max, "{item:?}");
    }

    let base_low: u32 = evaluation.items.iter().map(|i| i.score.low).sum();
    let base_high: u32 = evaluation.items.iter().map(|i| i.score.high).sum();
    prop_assert_eq!(evaluation.base.low, base_low);
    prop_assert_eq!(evaluation.base.high, base_high);
    prop_assert!(evaluation.base.high <= rubric.base_max());

    let categories_low: u32 =
        evaluation.categories.iter().map(|c| c.score.low).sum();
    prop_assert_eq!(categories_low, base_low);
    for category in &evaluation.categories {
        prop_assert!(category.score.high <= category.max);
    }

    for bonus in &evaluation.bonus.items {
        prop_assert_eq!(bonus.points, bonus.raw.min(bonus.cap));
        prop_assert_eq!(bonus.excess, bonus.raw - bonus.points);
    }
    prop_assert!(evaluation.bonus.points <= rubric.bonus_max());
    prop_assert_eq!(
        evaluation.total.low,
        evaluation.base.low + evaluation.bonus.points
    );
    prop_assert_eq!(
        evaluation.total.high,
        evaluation.base.high + evaluation.bonus.points
    );

    for fix in &evaluation.fix_first {
        if let Some(number) = fix.item {
            let max = rubric.item(number).map_or(0, |i| i.max);
            prop_assert!(fix.points <= max, "{fix:?}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scores_stay_within_bounds(assessment in arb_assessment()) {
        let rubric = rubric();
        let evaluation = evaluate(&rubric, &assessment);
        check_invariants(&rubric, &evaluation)?;
    }

    #[test]
    fn evaluation_is_deterministic(assessment in arb_assessment()) {
        let first = evaluate(&rubric(), &assessment);
        let second = evaluate(&rubric(), &assessment);
        prop_assert_eq!(&first, &second);

        let json = serde_json::to_string(&first).ok();
        prop_assert_eq!(json, serde_json::to_string(&second).ok());
    }

    #[test]
    fn a_missing_document_never_raises_a_score(
        assessment in arb_assessment(),
        pick in any::<usize>(),
        transfer in any::<bool>(),
    ) {
        let mut fewer = assessment.clone();
        let count = fewer.ledger.expenditures.len();
        prop_assume!(count > 0);
        let entry = &mut fewer.ledger.expenditures[pick % count];
        if transfer {
            entry.documents.transfer_voucher = false;
        } else {
            entry.documents.payment_voucher = false;
        }

        let before = evaluate(&rubric(), &assessment);
        let after = evaluate(&rubric(), &fewer);
        for (b, a) in before.items.iter().zip(&after.items) {
            prop_assert!(a.score.low <= b.score.low, "{b:?} {a:?}");
            prop_assert!(a.score.high <= b.score.high, "{b:?} {a:?}");
        }
        prop_assert!(after.total.low <= before.total.low);
        prop_assert!(after.total.high <= before.total.high);
    }

    #[test]
    fn one_more_finding_never_raises_a_score(
        item_rule in prop::sample::select(vec![
            (6, "labels"),
            (6, "containers"),
            (12, "nonconforming"),
        ]),
        count in 0u32..10,
    ) {
        let (item, rule) = item_rule;
        let score = |n| {
            let mut a = example_a();
            a.set_fact(item, rule, Fact::Count(n));
            evaluate(&rubric(), &a).total
        };
        let (fewer, more) = (score(count), score(count + 1));
        prop_assert!(more.low <= fewer.low);
        prop_assert!(more.high <= fewer.high);
    }

    #[test]
    fn assessment_round_trips_through_json(assessment in arb_assessment()) {
        let json = serde_json::to_string(&assessment);
        prop_assert!(json.is_ok());
        let back: Result<Assessment, _> =
            serde_json::from_str(&json.unwrap_or_default());
        prop_assert_eq!(back.ok(), Some(assessment));
    }
}

// ---------------------------------------------------------------------
// Money.

proptest! {
    #[test]
    fn money_reads_back_what_it_writes(fen in 0u64..=100_000_000_000) {
        let money = Money::from_fen(fen);
        prop_assert_eq!(Money::parse_input(&money.to_string()), Ok(money));
        prop_assert_eq!(Money::parse_input(&money.format_yuan()), Ok(money));

        let json = serde_json::to_string(&money).unwrap_or_default();
        let back: Option<Money> = serde_json::from_str(&json).ok();
        prop_assert_eq!(back, Some(money));
    }

    #[test]
    fn percent_is_floored_never_rounded_up(
        fen in 0u64..=20_000_000,
        base in 1u64..=20_000_000,
    ) {
        use rust_decimal::Decimal;
        let percent = Money::from_fen(fen).percent_of(Money::from_fen(base));
        let exact = Decimal::from(fen) * Decimal::ONE_HUNDRED
            / Decimal::from(base);
        prop_assert!(percent <= exact);
        prop_assert!(exact - percent < Decimal::new(1, 2));
    }

    #[test]
    fn money_parse_never_panics(text in "\\PC{0,24}") {
        let _ = Money::parse_input(&text);
    }

    #[test]
    fn money_parse_never_panics_on_digit_soup(
        text in "[-0-9０-９.,，．¥￥元万 _]{0,24}",
    ) {
        if let Ok(money) = Money::parse_input(&text) {
            prop_assert!(money <= Money::MAX_INPUT);
        }
    }
}

// ---------------------------------------------------------------------
// Cohorts.

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn cohort_slots_add_up(
        assessments in prop::collection::vec(arb_assessment(), 0..25),
        quotas in prop::option::of(prop::collection::vec(0u32..12, 3)),
    ) {
        let rubric = rubric();
        let evaluations = evaluations_of(&assessments);
        let ids: Vec<String> =
            (0..evaluations.len()).map(|i| format!("c{i}")).collect();
        let entrants: Vec<Entrant<'_>> = ids
            .iter()
            .zip(&evaluations)
            .map(|(id, evaluation)| Entrant { id, evaluation })
            .collect();
        let result = rank_cohort(&rubric, &entrants, quotas.as_deref());
        prop_assert!(result.is_ok());
        let Ok(result) = result else { return Ok(()) };

        prop_assert_eq!(
            result.standings.len() + result.unranked.len(),
            evaluations.len()
        );
        for fill in &result.tiers {
            let used = fill.members.len() as u32 + fill.tied_slots
                + fill.empty_slots;
            prop_assert_eq!(used, fill.quota, "{:?}", fill);
        }
        let failed = evaluations
            .iter()
            .filter(|e| e.outcome == GateState::Fail)
            .count();
        prop_assert_eq!(result.unranked.len(), failed);
        let ordered = result.standings.windows(2).all(|w| {
            w[0].total.low >= w[1].total.low && w[0].rank <= w[1].rank
        });
        prop_assert!(ordered);
        prop_assert_eq!(
            result.total,
            result.base_total.saturating_add(result.extra_total)
        );

        for evaluation in &evaluations {
            let peers: Vec<&Evaluation> = evaluations.iter().collect();
            let _ = likely_tier(&rubric, evaluation, Reference::Peers(&peers));
            let _ = likely_tier(&rubric, evaluation, Reference::CutLines(&[90, 80]));
            let _ = likely_tier(&rubric, evaluation, Reference::None);
        }
    }
}

// ---------------------------------------------------------------------
// No panic on outside input: rubric files and assessment files.

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn rubric_from_any_text_never_panics(text in "\\PC{0,64}") {
        let _ = Rubric::from_json(&text);
    }

    #[test]
    fn rubric_from_any_json_never_panics(value in arb_json()) {
        if let Ok(parsed) = Rubric::from_json(&value.to_string()) {
            let _ = evaluate(&parsed, &example_a());
        }
    }

    #[test]
    fn mutated_rubric_never_panics_and_errors_are_plain(
        edits in prop::collection::vec(
            (prop::collection::vec(any::<usize>(), 0..6), arb_json()),
            1..4,
        ),
        assessment in arb_assessment(),
    ) {
        let mut value = built_in_json();
        for (path, replacement) in edits {
            mutate(&mut value, &path, replacement);
        }

        match Rubric::from_json(&value.to_string()) {
            Ok(parsed) => {
                let evaluation = evaluate(&parsed, &assessment);
                check_invariants(&parsed, &evaluation)?;
                let evaluations = [evaluation.clone(), evaluation];
                let entrants = [
                    Entrant { id: "a", evaluation: &evaluations[0] },
                    Entrant { id: "b", evaluation: &evaluations[1] },
                ];
                let _ = rank_cohort(&parsed, &entrants, None);
                let _ = likely_tier(&parsed, &evaluations[0], Reference::None);
            }
            Err(error) => {
                let message = error.to_string();
                prop_assert!(!message.is_empty());
                prop_assert!(!message.ends_with('.'), "{}", message);
                prop_assert!(!error.message_zh().is_empty());
            }
        }
    }

    #[test]
    fn leaf_mutated_rubric_never_panics(
        edits in prop::collection::vec(
            (
                prop::collection::vec(any::<usize>(), 8),
                prop_oneof![4 => 0u64..30, 1 => any::<u64>()],
                prop_oneof![
                    3 => arb_text(),
                    1 => Just("2025-01".to_string()),
                    1 => Just("0.5".to_string()),
                    1 => Just("1000000.00".to_string()),
                    1 => Just("reports".to_string()),
                ],
            ),
            1..3,
        ),
        assessment in arb_assessment(),
    ) {
        let mut value = built_in_json();
        for (path, number, text) in edits {
            mutate_leaf(&mut value, &path, number, &text);
        }

        if let Ok(parsed) = Rubric::from_json(&value.to_string()) {
            let evaluation = evaluate(&parsed, &assessment);
            check_invariants(&parsed, &evaluation)?;
            let evaluations = [evaluation];
            let entrants = [Entrant { id: "a", evaluation: &evaluations[0] }];
            let _ = rank_cohort(&parsed, &entrants, None);
            let _ = likely_tier(&parsed, &evaluations[0], Reference::None);
        }
    }

    #[test]
    fn assessment_from_any_json_never_panics(value in arb_json()) {
        if let Ok(assessment) = serde_json::from_value::<Assessment>(value) {
            let _ = evaluate(&rubric(), &assessment);
        }
    }
}

// ---------------------------------------------------------------------
// Rubric files: clear errors for the classic mistakes.

fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut value = built_in_json();
    edit(&mut value);
    value.to_string()
}

#[test]
fn rubric_file_errors_are_typed() {
    let cases: Vec<(String, &str)> = vec![
        ("not json".to_string(), "rubric file is not valid"),
        (
            edited(|v| {
                v["items"][0]["rules"][1]["kind"] = "bonus_points".into()
            }),
            "unknown rule kind `bonus_points` at `items[0].rules[1].kind`",
        ),
        (
            edited(|v| v["items"][1]["rules"][1]["points"] = (-8).into()),
            "negative number `-8` at `items[1].rules[1].points`",
        ),
        (
            edited(|v| v["items"][0]["max"] = 6.into()),
            "category `体制机制` declares 35 points but its items add up to 36",
        ),
        (
            edited(|v| {
                v["items"][0]["max"] = 6.into();
                v["categories"][0]["max"] = 36.into();
            }),
            "item maxima add up to 101, not 100",
        ),
        (
            edited(|v| v["items"][1]["number"] = 1.into()),
            "item number `1` appears more than once",
        ),
        (
            edited(|v| v["bonus_items"][0]["cap"] = 0.into()),
            "bonus item `14` is not sane: cap is 0",
        ),
        (
            edited(|v| v["tiers"][0]["quota"] = 0.into()),
            "tiers are not sane: tier `五星` has quota 0",
        ),
        (
            edited(|v| v["items"][1]["rules"][1]["points"] = 11.into()),
            "rule `plan_carried_out` of item `2` has 11 points, outside 1..=10",
        ),
        (
            edited(|v| v["items"][0]["rules"][1]["id"] = "plan".into()),
            "item `1` has rule id `plan` more than once",
        ),
        (
            edited(|v| v["version"] = 0.into()),
            "rubric version must be at least 1",
        ),
        (
            edited(|v| v["items"][0]["max"] = 2.5.into()),
            "rubric file is not valid",
        ),
        (
            edited(|v| v["gates"]["spending_ratio"] = "1.5".into()),
            "spending ratio `1.5` is outside (0, 1]",
        ),
        (
            edited(|v| v["base_subsidy"] = "-80000.00".into()),
            "rubric file is not valid",
        ),
    ];
    for (text, expected) in cases {
        let error = Rubric::from_json(&text).err();
        let message =
            error.as_ref().map(ToString::to_string).unwrap_or_default();
        assert!(message.starts_with(expected), "{message} vs {expected}");
        assert!(error.is_some_and(|e| !e.message_zh().is_empty()));
    }
}

#[test]
fn a_loaded_rubric_scores_like_the_built_in_one() {
    let loaded = Rubric::from_json(&rubric().to_json());
    assert_eq!(loaded.as_ref().ok(), Some(&rubric()));
    if let Ok(loaded) = loaded {
        assert_eq!(
            evaluate(&loaded, &example_b()),
            evaluate(&rubric(), &example_b())
        );
    }
}

#[test]
fn the_example_cohort_is_distinct() {
    let lows: BTreeSet<u32> =
        evaluations_of(&example_cohort()).iter().map(|e| e.total.low).collect();
    assert_eq!(lows.len(), 20);
}
