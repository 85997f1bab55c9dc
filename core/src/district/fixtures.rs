//! The exported files the district page's tests load, made with the
//! core's own [`export`]: `cargo run -p starcheck-core --example
//! district_fixtures` writes them to `tests/fixtures/district/` and
//! `tests/fixtures/district-more/`, and a test of the core checks that the
//! committed files equal what these functions make, so they cannot go
//! stale.
//!
//! [`district_fixtures`], 20 files for the communities of Attachment 1, as
//! of 2025-01-06, totals by the low end distinct but for one tie:
//!
//! | community | total | what |
//! |---|---|---|
//! | 新春社区 | 107 | bonus 5 + 2 (example A) |
//! | 梅峰社区 | 99 | overlaps 西郊社区 across 五星 and 四星: 未定 |
//! | 西郊社区 | 98–100 | item 8 graded 13–15 |
//! | 笋浯社区 | 97 | one non-conforming poster (item 12 −2) |
//! | 新桥社区 | 96 | spent ¥59,999.99: fails the 75% gate, unranked; its slot 5 (四星) stays empty |
//! | 明光社区 … 海景社区 | 95 … 91 | 高山社区 lacks November's meeting (item 5 −2) |
//! | 铭湖社区 | 91 | level with 海景社区: the tie at rank 10, across 四星 and 三星 |
//! | 新铺社区 | 90 | |
//! | 圣湖社区 … 万盛社区 | 88 … 82 | |
//! | 朝阳社区 | — | corrupt: an amount edited after export, checksum refused |
//!
//! [`district_more_fixtures`]: an older file of 梅峰社区 (as of
//! 2024-12-20: flagged as a duplicate, the newer kept) and 朝阳社区's
//! intact file (total 81).
//!
//! [`district_hostile_fixtures`]: one file whose names a spreadsheet
//! would misread (a formula, an `@` prefix, a phone number, a comma and a
//! quote), for the CSV export's end-to-end check.
//!
//! [`report_fixtures`]: example B (梅峰社区, base 70, fails the 75% gate)
//! exported without an export time, for the printed report's end-to-end
//! check (`tests/fixtures/report/`).

use jiff::civil::{Date, DateTime, date};

use crate::assessment::{Assessment, Community, Fact, Meeting};
use crate::community::ATTACHMENT_1;
use crate::examples::{AFTER_CAMPAIGN, example_b, example_cohort};
use crate::file::{ExportMeta, export, file_name};
use crate::money::Money;
use crate::rubric::Rubric;

/// One generated file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixture {
    pub file_name: String,
    pub text: String,
}

/// The app version written into the fixtures (fixed, so a version bump
/// does not change them).
pub const FIXTURE_APP_VERSION: &str = "0.1.0";

/// The amount edited in the corrupt file, and what it was changed to.
pub const CORRUPTED_AMOUNT: (&str, &str) =
    ("\"amount\": \"7000.00\"", "\"amount\": \"9000.00\"");

fn exported_at(minute: i8) -> DateTime {
    AFTER_CAMPAIGN.at(17, minute, 0, 0)
}

fn fixture(assessment: &Assessment, at: DateTime) -> Fixture {
    let meta = ExportMeta {
        app_version: FIXTURE_APP_VERSION.to_string(),
        exported_at: Some(at),
    };
    Fixture {
        file_name: file_name(&assessment.community, assessment.as_of),
        text: export(&Rubric::quanzhou_2024(), assessment, &meta),
    }
}

fn graded(
    assessment: &mut Assessment,
    item: u32,
    rule: &str,
    low: u32,
    high: u32,
) {
    assessment.set_fact(item, rule, Fact::Range { low, high });
}

/// The 20 assessments behind [`district_fixtures`] (朝阳社区's intact).
pub fn fixture_assessments() -> Vec<Assessment> {
    let mut cohort = example_cohort();

    // 新春社区: example A's bonus, 5 (capped) + 2.
    if let Some(a) = cohort.get_mut(0) {
        a.set_bonus(14, "commendations", 2);
        a.set_bonus(14, "media_reports", 3);
        a.set_bonus(15, "hosted_meetings", 1);
    }
    // 西郊社区: item 8's graded part 13–15, total 98–100.
    if let Some(a) = cohort.get_mut(2) {
        graded(a, 8, "base_quality", 13, 15);
    }
    // 笋浯社区: a non-conforming poster (−2), a better base (+2): 97.
    if let Some(a) = cohort.get_mut(3) {
        a.set_fact(12, "nonconforming", Fact::Count(1));
        graded(a, 8, "base_quality", 14, 14);
    }
    // 新桥社区: 59,999.99 spent, one fen short of the line: fails.
    if let Some(a) = cohort.get_mut(4)
        && let Some(last) = a.ledger.expenditures.last_mut()
    {
        last.amount = Money::from_fen(199_999);
    }
    // 高山社区: no November meeting (−2), a better base (+2): 93.
    if let Some(a) = cohort.get_mut(7) {
        let held = [date(2024, 10, 15), date(2024, 12, 12)];
        let meetings = held
            .iter()
            .map(|&d| Meeting {
                date: d,
                note: "垃圾分类工作联席会".to_string(),
                evidence: Default::default(),
            })
            .collect();
        a.set_fact(5, "meetings", Fact::Meetings(meetings));
        graded(a, 8, "base_quality", 10, 10);
    }
    // 铭湖社区: 91, level with 海景社区 at rank 10 (slots 10 and 11,
    // across 四星 and 三星, since 新桥社区's slot 5 is not handed on).
    if let Some(a) = cohort.get_mut(11) {
        graded(a, 8, "base_quality", 6, 6);
    }
    cohort
}

/// The 20 files of the first load (see the module docs).
pub fn district_fixtures() -> Vec<Fixture> {
    let assessments = fixture_assessments();
    let last = assessments.len().saturating_sub(1);
    assessments
        .iter()
        .zip(0i8..)
        .enumerate()
        .map(|(index, (assessment, minute))| {
            let mut file = fixture(assessment, exported_at(minute));
            if index == last {
                file.text = file.text.replacen(
                    CORRUPTED_AMOUNT.0,
                    CORRUPTED_AMOUNT.1,
                    1,
                );
            }
            file
        })
        .collect()
}

/// The as-of date of 梅峰社区's older file.
pub const OLDER_AS_OF: Date = date(2024, 12, 20);

/// The files of the second load: 梅峰社区's older file and 朝阳社区's
/// intact one.
pub fn district_more_fixtures() -> Vec<Fixture> {
    let assessments = fixture_assessments();
    let mut files = Vec::new();
    if let Some(meifeng) = assessments.get(1) {
        let mut older = meifeng.clone();
        older.as_of = OLDER_AS_OF;
        graded(&mut older, 8, "base_quality", 10, 10);
        files.push(fixture(&older, OLDER_AS_OF.at(16, 30, 0, 0)));
    }
    if let Some(chaoyang) = assessments.last() {
        let minute = i8::try_from(ATTACHMENT_1.len() - 1).unwrap_or(0);
        files.push(fixture(chaoyang, exported_at(minute)));
    }
    files
}

/// The names of [`district_hostile_fixtures`]' community: district,
/// street, community.
pub const HOSTILE_NAMES: [&str; 3] =
    ["@区", "13812345678901", "=1+2\"甲\",社区"];

/// One file with names that would run as formulas or lose digits.
pub fn district_hostile_fixtures() -> Vec<Fixture> {
    let assessments = fixture_assessments();
    let Some(first) = assessments.first() else {
        return Vec::new();
    };
    let mut hostile = first.clone();
    let [district, street, name] = HOSTILE_NAMES;
    hostile.community = Community::new(district, street, name);
    vec![fixture(&hostile, exported_at(0))]
}

/// Example B's exported file, as the report page's test imports it: no
/// export time, so the page shows none.
pub fn report_fixtures() -> Vec<Fixture> {
    let b = example_b();
    let meta = ExportMeta {
        app_version: FIXTURE_APP_VERSION.to_string(),
        exported_at: None,
    };
    vec![Fixture {
        file_name: file_name(&b.community, b.as_of),
        text: export(&Rubric::quanzhou_2024(), &b, &meta),
    }]
}
