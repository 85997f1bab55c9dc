//! The worked examples of RUBRIC.md as ready-made assessments for the
//! built-in rubric, for tests, the app's end-to-end tests and benchmarks.
//!
//! - [`example_a`]: everything in place; base 100, bonus 7 capped to 5 plus
//!   2, total 107, spent 65,000.00 (81.25%): passes.
//! - [`example_b`]: A with item 2 = 0, item 5 = 6, item 6 = 0, item 12 = 4,
//!   item 13 = 0 (base 70, no bonus), spent 59,999.99: fails the 75% gate.
//! - [`example_c`]: as of 2024-11-10, only October's meeting held and only
//!   item 5 answered: item 5 = 10 with November and December pending.
//!
//! - [`example_cohort`]: the 20 communities of Attachment 1, each like A
//!   without bonus, with distinct totals 100, 99, … 81 in list order.
//!
//! A and B are assessed as of 2025-01-06, after the campaign's last month.

use std::collections::BTreeSet;

use jiff::civil::{Date, date};

use crate::assessment::{Assessment, Community, Fact, Meeting, Place, Report};
use crate::community::ATTACHMENT_1;
use crate::ledger::{Documents, Expenditure, Ledger, PlanLine, Purpose};
use crate::money::Money;
use crate::months::YearMonth;
use crate::rubric::Container;

/// The as-of date of examples A and B: after the campaign.
pub const AFTER_CAMPAIGN: Date = date(2025, 1, 6);

fn yes(assessment: &mut Assessment, item: u32, rule: &str) {
    assessment.set_fact(item, rule, Fact::YesNo(true));
}

fn full(assessment: &mut Assessment, item: u32, rule: &str, max: u32) {
    assessment.set_fact(item, rule, Fact::Range { low: max, high: max });
}

fn meetings(dates: &[Date]) -> Fact {
    Fact::Meetings(
        dates
            .iter()
            .map(|&date| Meeting {
                date,
                note: "垃圾分类工作联席会".to_string(),
                evidence: Default::default(),
            })
            .collect(),
    )
}

fn report(month: i8, sent_on: Date) -> Option<Report> {
    let month = YearMonth::new(2024, month).ok()?;
    Some(Report { month, sent_on, evidence: Default::default() })
}

fn place(name: &str, features: &[&str], containers: &[Container]) -> Place {
    Place {
        name: name.to_string(),
        features: features.iter().map(|f| f.to_string()).collect(),
        containers: containers.iter().copied().collect(),
    }
}

fn spend(
    on: Date,
    purpose: Purpose,
    description: &str,
    fen: u64,
    documents: Documents,
) -> Expenditure {
    Expenditure {
        date: on,
        purpose,
        description: description.to_string(),
        amount: Money::from_fen(fen),
        designated: true,
        documents,
        evidence: Default::default(),
    }
}

fn plan(purpose: Purpose, yuan: u64) -> PlanLine {
    PlanLine { purpose, planned: Money::from_yuan(yuan), note: String::new() }
}

/// The funding-use plan of the examples: 80,000.00 over four purposes.
fn funding_plan() -> Vec<PlanLine> {
    vec![
        plan(Purpose::Facilities, 35_000),
        plan(Purpose::ScienceBase, 20_000),
        plan(Purpose::Publicity, 10_000),
        plan(Purpose::Activities, 15_000),
    ]
}

/// Example A: everything in place, total 107, spent 65,000.00.
pub fn example_a() -> Assessment {
    let community = ATTACHMENT_1[0].to_community();
    let mut a = Assessment::new(community, AFTER_CAMPAIGN);

    // 体制机制.
    yes(&mut a, 1, "plan");
    full(&mut a, 1, "execution", 5);
    yes(&mut a, 2, "funding_plan");
    yes(&mut a, 2, "plan_carried_out");
    full(&mut a, 3, "layout", 5);
    yes(&mut a, 4, "team");
    yes(&mut a, 4, "liaison");
    a.set_fact(
        5,
        "meetings",
        meetings(&[date(2024, 10, 15), date(2024, 11, 14), date(2024, 12, 12)]),
    );

    // 设施配套.
    yes(&mut a, 6, "four_category_set");
    a.set_fact(
        6,
        "wrong_equipment",
        Fact::Places(vec![
            place("邻里中心一楼(共享厨房)", &["canteen"], &Container::ALL),
            place(
                "快递驿站",
                &["parcel_lockers"],
                &[Container::Recyclable, Container::Residual],
            ),
        ]),
    );
    a.set_fact(6, "labels", Fact::Count(0));
    a.set_fact(6, "containers", Fact::Count(0));
    yes(&mut a, 7, "service_point");
    yes(&mut a, 7, "duty_roster");
    full(&mut a, 7, "operation", 10);
    yes(&mut a, 8, "science_base");
    yes(&mut a, 8, "activities");
    full(&mut a, 8, "base_quality", 15);

    // 组织动员.
    full(&mut a, 9, "participation", 5);
    yes(&mut a, 10, "feedback_system");
    full(&mut a, 10, "requests_resolved", 5);
    yes(&mut a, 11, "volunteering");
    full(&mut a, 11, "activity_level", 10);

    // 宣传工作.
    let ticked: BTreeSet<String> =
        ["条幅", "标语", "宣传栏", "电子广告屏", "宣传海报"]
            .iter()
            .map(|k| k.to_string())
            .collect();
    a.set_fact(12, "media_kinds", Fact::Kinds { ticked, other: Vec::new() });
    a.set_fact(12, "nonconforming", Fact::Count(0));
    let reports = [
        report(10, date(2024, 10, 20)),
        report(11, date(2024, 11, 22)),
        report(12, date(2024, 12, 20)),
    ];
    a.set_fact(
        13,
        "reports",
        Fact::Reports(reports.into_iter().flatten().collect()),
    );

    // 加分项: 2 × 2 + 3 × 1 = 7, capped at 5; 1 × 2 = 2.
    a.set_bonus(14, "commendations", 2);
    a.set_bonus(14, "media_reports", 3);
    a.set_bonus(15, "hosted_meetings", 1);

    // 65,000.00, every document on file.
    let complete = Documents::COMPLETE;
    a.ledger = Ledger {
        plan: funding_plan(),
        expenditures: vec![
            spend(
                date(2024, 10, 12),
                Purpose::Facilities,
                "购置分类桶及投放亭",
                3_000_000,
                complete,
            ),
            spend(
                date(2024, 11, 5),
                Purpose::ScienceBase,
                "科普教育基地布展",
                2_000_000,
                complete,
            ),
            spend(
                date(2024, 11, 20),
                Purpose::Publicity,
                "宣传栏及条幅制作",
                800_000,
                complete,
            ),
            spend(
                date(2024, 12, 8),
                Purpose::Activities,
                "宣教活动物料",
                700_000,
                complete,
            ),
        ],
    };
    a
}

/// Example B: A with the shortfalls of RUBRIC.md; base 70, fails at
/// 59,999.99.
pub fn example_b() -> Assessment {
    let mut b = example_a();
    b.community = ATTACHMENT_1[1].to_community();
    b.bonus.clear();

    // Item 2: plan not carried out (−8), three documents missing (−6):
    // both for the first expenditure, the transfer voucher for the second.
    b.set_fact(2, "plan_carried_out", Fact::YesNo(false));
    let payment_only =
        Documents { transfer_voucher: false, payment_voucher: true };
    b.ledger.expenditures = vec![
        spend(
            date(2024, 10, 12),
            Purpose::Facilities,
            "购置分类桶",
            3_000_000,
            Documents::default(),
        ),
        spend(
            date(2024, 11, 5),
            Purpose::ScienceBase,
            "科普教育基地布展",
            2_000_000,
            payment_only,
        ),
        spend(
            date(2024, 12, 8),
            Purpose::Publicity,
            "宣传物料",
            999_999,
            Documents::COMPLETE,
        ),
    ];

    // Item 5: one meeting in three months (−4).
    b.set_fact(5, "meetings", meetings(&[date(2024, 10, 15)]));

    // Item 6: two dirty containers and one wrong label (−6, floored at 0).
    b.set_fact(6, "containers", Fact::Count(2));
    b.set_fact(6, "labels", Fact::Count(1));

    // Item 12: two media kinds (−4) and one non-conforming poster (−2).
    let ticked: BTreeSet<String> =
        ["条幅", "宣传栏"].iter().map(|k| k.to_string()).collect();
    b.set_fact(12, "media_kinds", Fact::Kinds { ticked, other: Vec::new() });
    b.set_fact(12, "nonconforming", Fact::Count(1));

    // Item 13: no reports sent.
    b.set_fact(13, "reports", Fact::Reports(Vec::new()));
    b
}

/// Example C: as of 2024-11-10, October's meeting held; only item 5
/// answered.
pub fn example_c() -> Assessment {
    let community = Community::new("鲤城区", "开元街道", "梅峰社区");
    let mut c = Assessment::new(community, date(2024, 11, 10));
    c.set_fact(5, "meetings", meetings(&[date(2024, 10, 15)]));
    c
}

/// The 20 communities of Attachment 1 assessed like A without bonus, with
/// distinct totals: the k-th (from 0) scores `100 − k`, lowering item 8's
/// graded part first, then item 11's.
pub fn example_cohort() -> Vec<Assessment> {
    ATTACHMENT_1
        .iter()
        .zip(0u32..)
        .map(|(listed, k)| {
            let mut a = example_a();
            a.community = listed.to_community();
            a.bonus.clear();
            let from_base = k.min(15);
            let from_activities = k - from_base;
            let base_quality = 15 - from_base;
            let activity_level = 10 - from_activities;
            a.set_fact(
                8,
                "base_quality",
                Fact::Range { low: base_quality, high: base_quality },
            );
            a.set_fact(
                11,
                "activity_level",
                Fact::Range { low: activity_level, high: activity_level },
            );
            a
        })
        .collect()
}
