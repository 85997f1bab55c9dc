//! Scoring tests: the worked examples of RUBRIC.md, then one table of cases
//! per item and rule kind, then gates, bonus and the fix-first list.

use std::collections::BTreeSet;

use jiff::civil::date;

use super::*;
use crate::assessment::{Fact, Meeting, Place, Report};
use crate::examples::{example_a, example_b, example_c};
use crate::fix_first::FixKind;
use crate::ledger::{Documents, Expenditure, Purpose};
use crate::rubric::Container;

fn rubric() -> Rubric {
    Rubric::quanzhou_2024()
}

fn item(evaluation: &Evaluation, number: u32) -> &ItemResult {
    let found = evaluation.item(number);
    assert!(found.is_some(), "no item {number}");
    let Some(found) = found else { unreachable!() };
    found
}

#[test]
fn example_a_everything_in_place() {
    let e = evaluate(&rubric(), &example_a());

    assert_eq!(e.base, ScoreRange::exact(100));
    assert!(e.items.iter().all(|i| i.status == ItemStatus::Assessed));
    assert!(e.items.iter().all(|i| i.score == ScoreRange::exact(i.max)));
    assert!(e.items.iter().all(|i| i.deductions.is_empty()));

    assert_eq!(e.bonus.items[0].raw, 7);
    assert_eq!(e.bonus.items[0].points, 5);
    assert_eq!(e.bonus.items[0].excess, 2);
    assert_eq!(e.bonus.items[1].points, 2);
    assert_eq!((e.bonus.raw, e.bonus.points, e.bonus.excess), (9, 7, 2));
    assert_eq!(e.total, ScoreRange::exact(107));

    assert_eq!(e.ledger.spent, Money::from_yuan(65_000));
    assert_eq!(e.ledger.percent.to_string(), "81.25");
    assert_eq!(e.outcome, GateState::Pass);
    assert_eq!(
        e.gates[1].margin,
        Some(Margin::Surplus(Money::from_yuan(5_000)))
    );

    assert!(e.issues.is_empty(), "{:?}", e.issues);
    assert!(e.fix_first.is_empty(), "{:?}", e.fix_first);
    let subtotals: Vec<u32> =
        e.categories.iter().map(|c| c.score.low).collect();
    assert_eq!(subtotals, [35, 30, 20, 15]);
}

#[test]
fn example_b_shortfalls_and_failed_gate() {
    let e = evaluate(&rubric(), &example_b());

    let expected = [(2, 0), (5, 6), (6, 0), (12, 4), (13, 0)];
    for (number, points) in expected {
        assert_eq!(
            item(&e, number).score,
            ScoreRange::exact(points),
            "{number}"
        );
    }
    assert_eq!(e.base, ScoreRange::exact(70));
    assert_eq!(e.total, ScoreRange::exact(70));

    let reasons: Vec<&str> =
        item(&e, 2).deductions.iter().map(|d| d.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "使用计划未落实 −8",
            "缺转账凭证:2024-10-12 购置分类桶 −2",
            "缺支付凭证/发票:2024-10-12 购置分类桶 −2",
            "缺转账凭证:2024-11-05 科普教育基地布展 −2",
        ]
    );

    let months: Vec<&str> =
        item(&e, 5).deductions.iter().map(|d| d.reason.as_str()).collect();
    assert_eq!(months, ["11月未召开联席会 −2", "12月未召开联席会 −2"]);
    let zeroed = &item(&e, 13).deductions;
    assert_eq!(zeroed.len(), 1);
    assert!(zeroed[0].zeroes_item);
    assert_eq!(zeroed[0].reason, "10月、11月、12月均未报送信息,本项不得分");

    assert_eq!(e.outcome, GateState::Fail);
    assert_eq!(e.gates[1].state, GateState::Fail);
    assert_eq!(e.gates[1].margin, Some(Margin::Shortfall(Money::from_fen(1))));
    assert!(
        e.gates[1].summary.contains("还差 ¥0.01 达到 75%"),
        "{}",
        e.gates[1].summary
    );
    assert_eq!(e.ledger.percent.to_string(), "74.99");
}

#[test]
fn example_c_pending_months_are_not_missing() {
    let e = evaluate(&rubric(), &example_c());

    let meetings = item(&e, 5);
    assert_eq!(meetings.score, ScoreRange::exact(10));
    assert_eq!(meetings.status, ItemStatus::Assessed);
    assert!(meetings.deductions.is_empty());
    let todo: Vec<&str> =
        meetings.pending.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(todo, ["11月联席会待召开", "12月联席会待召开"]);

    // Nothing else answered: every other item counts 0..max.
    for other in e.items.iter().filter(|i| i.number != 5) {
        assert_eq!(other.status, ItemStatus::NotAssessed, "{}", other.number);
        assert_eq!(other.score, ScoreRange { low: 0, high: other.max });
    }
    assert_eq!(e.base, ScoreRange { low: 10, high: 100 });
    assert_eq!(e.outcome, GateState::NotAssessed);

    // Each pending month keeps 2 points at stake.
    let pending: Vec<(&str, u32)> = e
        .fix_first
        .iter()
        .filter(|f| f.kind == FixKind::Pending)
        .map(|f| (f.action.as_str(), f.points))
        .collect();
    assert_eq!(
        pending,
        [("第5项:11月联席会待召开", 2), ("第5项:12月联席会待召开", 2)]
    );
}

/// A change made to example A before scoring.
type Change = fn(&mut Assessment);

fn yes_no(a: &mut Assessment, item: u32, rule: &str, value: bool) {
    a.set_fact(item, rule, Fact::YesNo(value));
}

fn range(a: &mut Assessment, item: u32, rule: &str, low: u32, high: u32) {
    a.set_fact(item, rule, Fact::Range { low, high });
}

fn meetings_on(a: &mut Assessment, dates: &[(i16, i8, i8)]) {
    let list = dates
        .iter()
        .map(|&(y, m, d)| Meeting {
            date: date(y, m, d),
            note: String::new(),
            evidence: Default::default(),
        })
        .collect();
    a.set_fact(5, "meetings", Fact::Meetings(list));
}

fn reports_on(a: &mut Assessment, sent: &[(i8, (i16, i8, i8))]) {
    let list = sent
        .iter()
        .filter_map(|&(month, (y, m, d))| {
            let month = crate::months::YearMonth::new(2024, month).ok()?;
            Some(Report {
                month,
                sent_on: date(y, m, d),
                evidence: Default::default(),
            })
        })
        .collect();
    a.set_fact(13, "reports", Fact::Reports(list));
}

fn kinds(a: &mut Assessment, ticked: &[&str], other: &[&str]) {
    let ticked: BTreeSet<String> =
        ticked.iter().map(|k| k.to_string()).collect();
    let other = other.iter().map(|k| k.to_string()).collect();
    a.set_fact(12, "media_kinds", Fact::Kinds { ticked, other });
}

/// One case: item, change to example A, expected range, and a reason one
/// of the item's deductions must give ("" for none).
type Case = (u32, Change, (u32, u32), &'static str);

fn check_cases(cases: &[Case]) {
    for (index, &(number, change, (low, high), reason)) in
        cases.iter().enumerate()
    {
        let mut a = example_a();
        change(&mut a);
        let e = evaluate(&rubric(), &a);
        let result = item(&e, number);
        assert_eq!(
            result.score,
            ScoreRange { low, high },
            "case {index} (item {number}): {:?}",
            result.deductions
        );
        assert!(result.score.high <= result.max);
        if !reason.is_empty() {
            let reasons: Vec<&str> =
                result.deductions.iter().map(|d| d.reason.as_str()).collect();
            assert!(reasons.contains(&reason), "case {index}: {reasons:?}");
        }
    }
}

#[test]
fn items_1_to_4() {
    check_cases(&[
        (
            1,
            |a| yes_no(a, 1, "plan", false),
            (0, 0),
            "未制定工作方案,本项不得分",
        ),
        (1, |a| range(a, 1, "execution", 3, 4), (3, 4), ""),
        (1, |a| a.clear_fact(1, "plan"), (0, 5), ""),
        (1, |a| a.clear_fact(1, "execution"), (0, 5), ""),
        (2, |a| yes_no(a, 2, "funding_plan", false), (0, 0), ""),
        (
            2,
            |a| yes_no(a, 2, "plan_carried_out", false),
            (2, 2),
            "使用计划未落实 −8",
        ),
        (2, |a| a.clear_fact(2, "plan_carried_out"), (2, 10), ""),
        (
            2,
            |a| a.ledger.expenditures[0].documents.transfer_voucher = false,
            (8, 8),
            "缺转账凭证:2024-10-12 购置分类桶及投放亭 −2",
        ),
        (2, |a| a.ledger.expenditures.clear(), (0, 10), ""),
        (3, |a| range(a, 3, "layout", 2, 5), (2, 5), ""),
        (3, |a| a.clear_fact(3, "layout"), (0, 5), ""),
        (
            4,
            |a| yes_no(a, 4, "team", false),
            (0, 0),
            "未成立工作队伍,本项不得分",
        ),
        (
            4,
            |a| yes_no(a, 4, "liaison", false),
            (3, 3),
            "未指定联络员或联络员未履职 −2",
        ),
        (4, |a| a.clear_fact(4, "liaison"), (3, 5), ""),
    ]);
}

#[test]
fn item_5_meetings() {
    check_cases(&[
        (
            5,
            |a| meetings_on(a, &[]),
            (0, 0),
            "10月、11月、12月均未召开联席会,本项不得分",
        ),
        (
            5,
            |a| meetings_on(a, &[(2024, 10, 9), (2024, 12, 1)]),
            (8, 8),
            "11月未召开联席会 −2",
        ),
        (5, |a| meetings_on(a, &[(2024, 10, 9), (2024, 10, 29)]), (6, 6), ""),
        (5, |a| meetings_on(a, &[(2024, 9, 30)]), (0, 0), ""),
        (5, |a| a.clear_fact(5, "meetings"), (0, 10), ""),
        (
            5,
            |a| {
                a.as_of = date(2024, 11, 10);
                meetings_on(a, &[]);
            },
            (0, 0),
            "10月均未召开联席会,本项不得分",
        ),
        (
            5,
            |a| {
                a.as_of = date(2024, 10, 20);
                meetings_on(a, &[]);
            },
            (10, 10),
            "",
        ),
    ]);
}

#[test]
fn item_6_facilities() {
    check_cases(&[
        (6, |a| yes_no(a, 6, "four_category_set", false), (0, 0), ""),
        (
            6,
            |a| {
                let place = Place {
                    name: "邻里食堂".to_string(),
                    features: ["canteen".to_string()].into(),
                    containers: [Container::Residual].into(),
                };
                a.set_fact(6, "wrong_equipment", Fact::Places(vec![place]));
            },
            (3, 3),
            "邻里食堂:设有邻里食堂或共享厨房但缺厨余垃圾收集容器 −2",
        ),
        (
            6,
            |a| {
                // One place lacking both required containers is one finding.
                let place = Place {
                    name: String::new(),
                    features: [
                        "canteen".to_string(),
                        "parcel_lockers".to_string(),
                    ]
                    .into(),
                    containers: BTreeSet::new(),
                };
                a.set_fact(6, "wrong_equipment", Fact::Places(vec![place]));
            },
            (3, 3),
            "",
        ),
        (
            6,
            |a| a.set_fact(6, "labels", Fact::Count(1)),
            (3, 3),
            "生活垃圾四分类设施标识模糊不清、出现错误:发现1处 −2",
        ),
        (6, |a| a.set_fact(6, "containers", Fact::Count(3)), (0, 0), ""),
        (6, |a| a.clear_fact(6, "containers"), (0, 5), ""),
        (
            6,
            |a| a.set_fact(6, "wrong_equipment", Fact::Places(vec![])),
            (5, 5),
            "",
        ),
    ]);
}

#[test]
fn items_7_to_11() {
    check_cases(&[
        (7, |a| yes_no(a, 7, "service_point", false), (0, 0), ""),
        (
            7,
            |a| yes_no(a, 7, "duty_roster", false),
            (6, 6),
            "未建立党员志愿者值班制度 −4",
        ),
        (
            7,
            |a| {
                yes_no(a, 7, "duty_roster", false);
                range(a, 7, "operation", 6, 8);
            },
            (2, 4),
            "",
        ),
        (
            7,
            |a| {
                yes_no(a, 7, "duty_roster", false);
                range(a, 7, "operation", 3, 8);
            },
            (0, 4),
            "",
        ),
        (8, |a| yes_no(a, 8, "science_base", false), (0, 0), ""),
        (
            8,
            |a| yes_no(a, 8, "activities", false),
            (10, 10),
            "未定期开展宣教活动 −5",
        ),
        (
            8,
            |a| {
                yes_no(a, 8, "activities", false);
                range(a, 8, "base_quality", 10, 12);
            },
            (5, 7),
            "",
        ),
        (9, |a| range(a, 9, "participation", 3, 3), (3, 3), ""),
        (9, |a| range(a, 9, "participation", 4, 3), (0, 5), ""),
        (9, |a| range(a, 9, "participation", 3, 6), (0, 5), ""),
        (10, |a| yes_no(a, 10, "feedback_system", false), (0, 0), ""),
        (10, |a| range(a, 10, "requests_resolved", 4, 5), (4, 5), ""),
        (11, |a| yes_no(a, 11, "volunteering", false), (0, 0), ""),
        (11, |a| range(a, 11, "activity_level", 6, 9), (6, 9), ""),
    ]);
}

#[test]
fn items_12_and_13_publicity() {
    check_cases(&[
        (
            12,
            |a| kinds(a, &["条幅", "标语", "宣传栏"], &[]),
            (8, 8),
            "宣传媒介至少4种:现有3种,少1种 −2",
        ),
        (
            12,
            |a| kinds(a, &["条幅", "标语"], &["社区广播", "社区广播", " "]),
            (8, 8),
            "",
        ),
        (
            12,
            |a| kinds(a, &["条幅", "标语"], &["社区广播", "宣传车"]),
            (10, 10),
            "",
        ),
        (12, |a| kinds(a, &[], &[]), (2, 2), ""),
        (12, |a| a.clear_fact(12, "media_kinds"), (2, 10), ""),
        (12, |a| a.set_fact(12, "nonconforming", Fact::Count(2)), (6, 6), ""),
        (
            13,
            |a| {
                reports_on(
                    a,
                    &[
                        (10, (2024, 10, 20)),
                        (11, (2024, 11, 26)),
                        (12, (2024, 12, 2)),
                    ],
                )
            },
            (3, 5),
            "11月信息迟报(2024-11-26报送,截止11月25日),低端按缺报计 −2",
        ),
        (
            13,
            |a| reports_on(a, &[(10, (2024, 10, 20)), (11, (2024, 11, 20))]),
            (3, 3),
            "12月未报送信息 −2",
        ),
        (13, |a| reports_on(a, &[]), (0, 0), ""),
        (13, |a| reports_on(a, &[(12, (2024, 12, 30))]), (0, 1), ""),
    ]);
}

#[test]
fn falsified_item_scores_zero_with_reason() {
    let mut a = example_a();
    a.falsified.insert(7);
    let e = evaluate(&rubric(), &a);

    let result = item(&e, 7);
    assert_eq!(result.status, ItemStatus::Falsified);
    assert_eq!(result.score, ScoreRange::exact(0));
    assert_eq!(result.deductions[0].reason, "发现弄虚作假,扣除本项分数");
    assert_eq!(e.base, ScoreRange::exact(90));
    assert_eq!(e.fix_first[0].kind, FixKind::Falsified);
    assert_eq!(e.fix_first[0].points, 10);
}

#[test]
fn wrong_shapes_are_reported_not_fatal() {
    let mut a = example_a();
    a.set_fact(1, "plan", Fact::Count(3));
    a.set_fact(99, "x", Fact::YesNo(true));
    a.set_fact(1, "nonsense", Fact::YesNo(true));
    a.falsified.insert(42);
    a.set_bonus(14, "bribes", 3);
    kinds(&mut a, &["条幅", "标语", "宣传栏", "电子广告屏", "飞艇"], &[]);
    let e = evaluate(&rubric(), &a);

    assert_eq!(item(&e, 1).score, ScoreRange { low: 0, high: 5 });
    assert_eq!(item(&e, 1).status, ItemStatus::Partial);
    let problems: Vec<String> =
        e.issues.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "item `1` rule `nonsense`: no such rule",
            "item `99`: no such item",
            "item `42`: no such item",
            "item `1` rule `plan`: expected a `YesNo` fact",
            "item `12` rule `media_kinds`: kind `飞艇` is not in the list",
            "item `14`: no bonus part `bribes`",
        ]
    );
    assert!(e.issues.iter().all(|p| !p.message_zh().is_empty()));
}

#[test]
fn dates_after_as_of_are_ignored_and_reported() {
    let mut a = example_a();
    a.as_of = date(2024, 12, 10);
    let e = evaluate(&rubric(), &a);

    // The December meeting (12th) and report (20th) lie ahead.
    assert_eq!(item(&e, 5).score, ScoreRange::exact(10));
    let pending: Vec<&str> =
        item(&e, 13).pending.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(pending, ["12月信息待报送(截止12月25日)"]);
    let after = e
        .issues
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::AfterAsOf { .. }))
        .count();
    assert_eq!(after, 2);
}

#[test]
fn bonus_is_capped_with_excess_shown() {
    let mut a = example_a();
    a.set_bonus(14, "commendations", 3);
    a.set_bonus(14, "media_reports", 0);
    a.set_bonus(15, "hosted_meetings", 5);
    let e = evaluate(&rubric(), &a);

    assert_eq!((e.bonus.items[0].raw, e.bonus.items[0].points), (6, 5));
    assert_eq!((e.bonus.items[1].raw, e.bonus.items[1].points), (10, 4));
    assert_eq!(e.bonus.excess, 7);
    assert_eq!(e.total, ScoreRange::exact(109));
}

fn spending_entry(fen: u64, designated: bool) -> Expenditure {
    Expenditure {
        date: date(2024, 11, 1),
        purpose: Purpose::Activities,
        description: "活动物料".to_string(),
        amount: Money::from_fen(fen),
        designated,
        documents: Documents::COMPLETE,
        evidence: Default::default(),
    }
}

#[test]
fn spending_gate_at_the_fen() {
    let cases: &[(&[u64], GateState, &str)] = &[
        (
            &[2_000_010, 2_000_010, 1_999_980],
            GateState::Pass,
            "已支出 ¥60,000.00(75.00%),高出 75% 线 ¥0.00",
        ),
        (
            &[5_999_999],
            GateState::Fail,
            "已支出 ¥59,999.99(74.99%),还差 ¥0.01 达到 75%",
        ),
        (
            &[5_680_000],
            GateState::Fail,
            "已支出 ¥56,800.00(71.00%),还差 ¥3,200.00 达到 75%",
        ),
        (
            &[5_999_500],
            GateState::Fail,
            "已支出 ¥59,995.00(74.99%),还差 ¥5.00 达到 75%",
        ),
    ];
    for &(amounts, state, summary) in cases {
        let mut a = example_a();
        a.ledger.expenditures =
            amounts.iter().map(|&f| spending_entry(f, true)).collect();
        let e = evaluate(&rubric(), &a);
        assert_eq!(e.gates[1].state, state, "{amounts:?}");
        assert_eq!(e.gates[1].summary, summary);
        assert_eq!(e.outcome, state);
    }
}

#[test]
fn designated_use_gate_names_the_entry() {
    let mut a = example_a();
    a.ledger.expenditures.push(spending_entry(100_000, false));
    let e = evaluate(&rubric(), &a);

    let gate = &e.gates[0];
    assert_eq!(gate.kind, GateKind::DesignatedUse);
    assert_eq!(gate.state, GateState::Fail);
    assert_eq!(gate.failing_entries.len(), 1);
    assert_eq!(gate.failing_entries[0].index, 4);
    assert_eq!(
        gate.summary,
        "未专款专用:第5笔 2024-11-01 活动物料(¥1,000.00),考核不通过"
    );
    assert_eq!(e.outcome, GateState::Fail);
    assert_eq!(e.fix_first[0].kind, FixKind::Gate);
    assert!(e.fix_first[0].action.starts_with("第5笔支出未专款专用"));
    // The points are untouched: the gate decides whatever the score.
    assert_eq!(e.base, ScoreRange::exact(100));
}

#[test]
fn gates_not_assessed_without_spending() {
    let mut a = example_a();
    a.ledger.expenditures.clear();
    let e = evaluate(&rubric(), &a);
    assert!(e.gates.iter().all(|g| g.state == GateState::NotAssessed));
    assert_eq!(e.outcome, GateState::NotAssessed);
    assert_eq!(e.fix_first[0].kind, FixKind::Gate);
}

#[test]
fn fix_first_gates_then_largest_recovery() {
    let e = evaluate(&rubric(), &example_b());
    let list: Vec<(FixKind, Option<u32>, u32)> =
        e.fix_first.iter().map(|f| (f.kind, f.item, f.points)).collect();

    assert_eq!(list[0], (FixKind::Gate, None, 0));
    assert!(e.fix_first[0].action.contains("还差 ¥0.01 达到 75%"));

    // Item 2 (0 of 10): carrying out the plan gives 10 − 6 = 4; one
    // document alone gives nothing, as the floor absorbs it.
    assert!(list.contains(&(FixKind::Recover, Some(2), 4)));
    assert!(list.contains(&(FixKind::Recover, Some(2), 0)));
    // Item 6 (0 of 5): containers fixed → 3, labels fixed → 1.
    assert!(list.contains(&(FixKind::Recover, Some(6), 3)));
    assert!(list.contains(&(FixKind::Recover, Some(6), 1)));
    // Item 12 (4 of 10): kinds → +4, content → +2.
    assert!(list.contains(&(FixKind::Recover, Some(12), 4)));
    assert!(list.contains(&(FixKind::Recover, Some(12), 2)));
    // Past months cannot be put right and are not listed.
    assert!(
        !list.iter().any(|&(_, item, _)| item == Some(5) || item == Some(13))
    );

    let points: Vec<u32> = list[1..].iter().map(|&(_, _, p)| p).collect();
    assert!(points.windows(2).all(|w| w[0] >= w[1]), "{points:?}");
}

#[test]
fn fix_first_pending_month_can_lift_a_zero() {
    // As of 2024-11-10 with no meeting in October: item 5 is 0, and a
    // November meeting would lift it to 10 − 2 = 8 (December still open).
    let mut a = example_a();
    a.as_of = date(2024, 11, 10);
    meetings_on(&mut a, &[]);
    let e = evaluate(&rubric(), &a);

    assert_eq!(item(&e, 5).score, ScoreRange::exact(0));
    let stake: Vec<(String, u32)> = e
        .fix_first
        .iter()
        .filter(|f| f.item == Some(5))
        .map(|f| (f.action.zh.clone(), f.points))
        .collect();
    assert_eq!(
        stake,
        [
            ("第5项:11月联席会待召开".to_string(), 8),
            ("第5项:12月联席会待召开".to_string(), 8),
        ]
    );
}

#[test]
fn fix_first_overdue_report() {
    let mut a = example_a();
    a.as_of = date(2024, 11, 28);
    reports_on(&mut a, &[(10, (2024, 10, 20))]);
    let e = evaluate(&rubric(), &a);

    let result = item(&e, 13);
    assert_eq!(result.score, ScoreRange::exact(5));
    assert!(result.pending[0].overdue);
    assert_eq!(
        result.pending[0].text,
        "11月信息已过报送截止日(11月25日),尽快补报(迟报在低端按缺报计)"
    );
    let fix = e
        .fix_first
        .iter()
        .find(|f| f.item == Some(13) && f.kind == FixKind::Pending);
    assert_eq!(fix.map(|f| f.points), Some(2));
}

#[test]
fn not_assessed_items_appear_in_fix_first() {
    let mut a = example_a();
    a.facts.remove(&9);
    let e = evaluate(&rubric(), &a);
    let fix = e.fix_first.iter().find(|f| f.item == Some(9));
    assert_eq!(
        fix.map(|f| (f.kind, f.points)),
        Some((FixKind::NotAssessed, 5))
    );
    assert_eq!(e.base, ScoreRange { low: 95, high: 100 });
}

#[test]
fn categories_add_up() {
    let e = evaluate(&rubric(), &example_b());
    let subtotals: Vec<(String, u32, u32)> = e
        .categories
        .iter()
        .map(|c| (c.name.clone(), c.score.low, c.max))
        .collect();
    assert_eq!(
        subtotals,
        [
            ("体制机制".to_string(), 35 - 10 - 4, 35),
            ("设施配套".to_string(), 30 - 5, 30),
            ("组织动员".to_string(), 20, 20),
            ("宣传工作".to_string(), 15 - 6 - 5, 15),
        ]
    );
}

#[test]
fn ok_fact_problems_in_chinese_name_the_item_not_the_rule_id() {
    let problem = FactProblem {
        item: 5,
        rule_id: Some("meetings".to_string()),
        kind: ProblemKind::AfterAsOf { date: date(2024, 12, 20) },
    };
    assert_eq!(
        problem.message_zh(),
        "第5项:日期2024-12-20晚于评估日期,暂不计入"
    );
}

#[test]
fn ok_fact_problems_name_the_item_not_the_rule_id() {
    let problem = FactProblem {
        item: 1,
        rule_id: Some("execution".to_string()),
        kind: ProblemKind::RangeInverted { low: 9, high: 3 },
    };
    assert_eq!(
        problem.message_en(),
        "Item 1: the estimated low 9 is above the high 3; counted as unanswered"
    );
    assert!(!problem.message_zh().contains("execution"));
}

#[test]
fn ok_an_expenditure_without_description_is_named_by_purpose_in_english() {
    let mut assessment = example_b();
    for expenditure in &mut assessment.ledger.expenditures {
        expenditure.description.clear();
    }
    let evaluation = evaluate(&rubric(), &assessment);
    let reasons: Vec<&Text> = evaluation
        .item(2)
        .map(|item| item.deductions.iter().map(|d| &d.reason).collect())
        .unwrap_or_default();
    let missing: Vec<&&Text> =
        reasons.iter().filter(|r| r.zh.starts_with('缺')).collect();
    assert!(!missing.is_empty(), "{reasons:?}");
    for reason in missing {
        let named = assessment
            .ledger
            .expenditures
            .iter()
            .any(|e| reason.en.ends_with(&format!("{} −2", e.label_en())));
        assert!(named, "{}", reason.en);
        let after = reason.en.rsplit("): ").next().unwrap_or_default();
        assert!(!crate::lang::has_han(after), "{}", reason.en);
    }
}
