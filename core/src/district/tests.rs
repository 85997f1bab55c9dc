//! Tests of the district view on the generated fixtures: the set's
//! duplicates and refusals, the table's ranks, tiers, ties, empty slots
//! and money (by hand from RUBRIC.md's quotas), sorting and filtering, the
//! comparison, and the CSV and JSON exports.

use jiff::civil::date;

use super::fixtures::{district_fixtures, district_more_fixtures};
use super::*;
use crate::csv::BOM;
use crate::money::Money;
use crate::score::GateState;

fn rubric() -> Rubric {
    Rubric::quanzhou_2024()
}

fn loaded(files: &[fixtures::Fixture], set: &mut DistrictSet) {
    for file in files {
        let _ =
            load_file(&rubric(), set, &file.file_name, file.text.as_bytes());
    }
}

fn first_load() -> DistrictSet {
    let mut set = DistrictSet::new();
    loaded(&district_fixtures(), &mut set);
    set
}

fn table_of(set: &DistrictSet) -> DistrictTable {
    let table = build_table(&rubric(), set, None);
    assert!(table.is_ok(), "{table:?}");
    table.unwrap_or_else(|_| unreachable!())
}

fn yuan(amount: u64) -> Money {
    Money::from_yuan(amount)
}

/// (rank, community, total, tier, extra) of every row.
fn summary(
    table: &DistrictTable,
) -> Vec<(Option<u32>, String, String, String, String)> {
    table
        .rows
        .iter()
        .map(|r| {
            (
                r.rank,
                r.community.clone(),
                r.total_text(),
                r.tier.clone(),
                r.extra_text(),
            )
        })
        .collect()
}

#[test]
fn ok_first_load_refuses_only_the_corrupt_file() {
    let set = first_load();
    assert_eq!(set.files.len(), 19);
    assert!(set.duplicates.is_empty());
    assert_eq!(set.refused.len(), 1);
    let refused = &set.refused[0];
    assert_eq!(
        refused.file_name,
        "星级自评_洛江区双阳街道朝阳社区_2025-01-06.json"
    );
    assert_eq!(refused.code, "checksum_mismatch");
    assert!(refused.reason.starts_with("文件校验码不符"), "{}", refused.reason);
}

#[test]
fn ok_first_load_table() {
    let table = table_of(&first_load());
    let s = |x: &str| x.to_string();
    let ranked =
        |rank: u32, name: &str, total: &str, tier: &str, extra: &str| {
            (Some(rank), s(name), s(total), s(tier), s(extra))
        };
    let expected = vec![
        ranked(1, "新春社区", "107", "五星", "¥120,000.00"),
        ranked(2, "梅峰社区", "99", "五星", "¥120,000.00"),
        ranked(3, "西郊社区", "98–100", "四星", "¥20,000.00"),
        ranked(4, "笋浯社区", "97", "四星", "¥20,000.00"),
        // 新桥社区 fails at position 5: its 四星 slot stays empty and
        // nobody below moves up.
        (Some(5), s(""), s("—"), s("四星名额空缺(考核不通过,不顺延)"), s("—")),
        ranked(6, "明光社区", "95", "四星", "¥20,000.00"),
        ranked(7, "金浦社区", "94", "四星", "¥20,000.00"),
        ranked(8, "高山社区", "93", "四星", "¥20,000.00"),
        ranked(9, "树兜社区", "92", "四星", "¥20,000.00"),
        // Equals in the order of their ids (the tie's own order).
        ranked(10, "海景社区", "91", "四星或三星(同分待定)", "待定(同分)"),
        ranked(10, "铭湖社区", "91", "四星或三星(同分待定)", "待定(同分)"),
        ranked(12, "新铺社区", "90", "三星", "¥0.00"),
        ranked(13, "圣湖社区", "88", "三星", "¥0.00"),
        ranked(14, "东美社区", "87", "三星", "¥0.00"),
        ranked(15, "霞淮社区", "86", "三星", "¥0.00"),
        ranked(16, "普明社区", "85", "三星", "¥0.00"),
        ranked(17, "万科城社区", "84", "三星", "¥0.00"),
        ranked(18, "通海社区", "83", "三星", "¥0.00"),
        ranked(19, "万盛社区", "82", "三星", "¥0.00"),
        (Some(20), s(""), s("—"), s("三星名额空缺"), s("—")),
        (None, s("新桥社区"), s("96"), s("不参与排名(考核不通过)"), s("—")),
    ];
    assert_eq!(summary(&table), expected);

    // The tie is flagged for a person, never broken.
    assert_eq!(table.ties.len(), 1);
    assert_eq!(
        table.ties[0].message,
        "丰泽区东海街道海景社区、丰泽区东湖街道铭湖社区 同分(91分),跨四星与三星,需人工确定"
    );

    // 西郊社区's 98–100 reaches 梅峰社区's 99 across 五星 and 四星: 未定.
    let overlap = "鲤城区开元街道梅峰社区(99分)与鲤城区鲤中街道西郊社区(98–100分)分数范围重叠,跨五星与四星,名次可能互换,未定,需人工确定";
    let overlaps: Vec<&str> =
        table.cohort.overlaps.iter().map(|o| o.message.as_str()).collect();
    assert_eq!(overlaps, [overlap]);
    assert_eq!(table.rows[1].undecided, [overlap]);
    assert_eq!(table.rows[2].undecided, [overlap]);
    assert!(table.rows[3].undecided.is_empty());

    // By hand: 19 × 80,000 base; 2 × 120,000 + 7 × 20,000 for the paid
    // slots filled (slot 5 is empty; slot 10 is held by the tie: 20,000
    // undetermined).
    assert_eq!(
        table.totals,
        Totals {
            base: yuan(1_520_000),
            extra: yuan(380_000),
            extra_undetermined: yuan(20_000),
            total: yuan(1_900_000),
            communities: 19,
            ranked: 18,
            unranked: 1,
            empty_slots: 2,
        }
    );

    // The failing gate in words.
    let failed = table.rows.last().map(Row::gates_text);
    assert_eq!(failed.as_deref(), Some("专款专用:通过;支出不低于75%:不通过"));
    let detail = table.rows.last().map(|r| r.gates[1].detail.clone());
    assert!(detail.is_some_and(|d| d.contains("还差 ¥0.01 达到 75%")));
}

#[test]
fn ok_second_load_flags_the_older_duplicate_and_adds_the_intact_file() {
    let mut set = first_load();
    loaded(&district_more_fixtures(), &mut set);
    assert_eq!(set.files.len(), 20);
    assert_eq!(set.duplicates.len(), 1);
    let duplicate = &set.duplicates[0];
    assert!(!duplicate.replaced);
    assert_eq!(duplicate.kept.as_of, date(2025, 1, 6));
    assert_eq!(duplicate.dropped.as_of, date(2024, 12, 20));
    let message = duplicate.message_zh();
    assert!(
        message.contains("评估日期 2025-01-06,导出于 2025-01-06 17:01"),
        "{message}"
    );
    assert!(
        message.contains("评估日期 2024-12-20,导出于 2024-12-20 16:30"),
        "{message}"
    );

    // 朝阳社区's intact file clears the refusal of its corrupt one.
    assert!(set.refused.is_empty(), "{:?}", set.refused);

    // Only 新桥社区's slot 5 is empty now.
    let table = table_of(&set);
    let empty: Vec<Option<u32>> = table
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::EmptySlot)
        .map(|r| r.rank)
        .collect();
    assert_eq!(empty, [Some(5)]);
    assert_eq!(table.totals.base, yuan(1_600_000));
    // 新桥社区's 四星 slot is not handed on: 380,000 of extras.
    assert_eq!(table.totals.total, yuan(1_980_000));
}

#[test]
fn ok_newer_file_replaces_older() {
    let more = district_more_fixtures();
    let first = district_fixtures();
    let mut set = DistrictSet::new();
    loaded(&more[..1], &mut set);
    loaded(&first[1..2], &mut set);
    assert_eq!(set.files.len(), 1);
    assert_eq!(set.files[0].imported.assessment.as_of, date(2025, 1, 6));
    assert!(set.duplicates[0].replaced);
}

#[test]
fn ok_file_assessed_after_its_export_loses_to_a_plausible_one() {
    let first = district_fixtures();
    let mut set = DistrictSet::new();
    loaded(&first[..1], &mut set);
    let real = set.files[0].clone();
    let mut future = real.clone();
    future.file_name = "新春社区_9999.json".to_string();
    future.imported.assessment.as_of = date(9999, 12, 31);
    assert!(real.stamp().plausible());
    assert!(!future.stamp().plausible());

    // Loaded first or second, the file dated after its export is dropped.
    for order in
        [[future.clone(), real.clone()], [real.clone(), future.clone()]]
    {
        let mut set = DistrictSet::new();
        for file in order {
            set.add(file);
        }
        assert_eq!(set.files.len(), 1);
        assert_eq!(set.files[0].file_name, real.file_name);
        let [duplicate] = set.duplicates.as_slice() else {
            panic!("one duplicate expected: {:?}", set.duplicates);
        };
        assert_eq!(duplicate.dropped.as_of, date(9999, 12, 31));
        assert!(
            duplicate.message_zh().contains("(评估日期晚于导出日期)"),
            "{}",
            duplicate.message_zh()
        );
        assert!(
            duplicate.message_en().contains("(assessed after it was exported)"),
            "{}",
            duplicate.message_en()
        );
    }
}

#[test]
fn ok_same_dates_under_another_name_keeps_the_first() {
    let first = district_fixtures();
    let mut renamed = first[0].clone();
    renamed.file_name = "新春社区_副本.json".to_string();
    let mut set = DistrictSet::new();
    loaded(&first[..1], &mut set);
    loaded(&[renamed], &mut set);
    assert_eq!(set.files.len(), 1);
    assert_eq!(set.files[0].file_name, first[0].file_name);
    assert!(
        set.duplicates[0]
            .message_zh()
            .contains("已有另一份文件:两份文件日期相同,保留先载入的")
    );
}

#[test]
fn ok_quotas_set_by_the_office() {
    let set = first_load();
    let table = build_table(&rubric(), &set, Some(&[1, 3, 5]));
    let table = table.unwrap_or_else(|e| panic!("{e}"));
    let tiers: Vec<&str> =
        table.rows.iter().take(10).map(|r| r.tier.as_str()).collect();
    assert_eq!(
        tiers,
        [
            "五星",
            "四星",
            "四星",
            "四星",
            "三星名额空缺(考核不通过,不顺延)",
            "三星",
            "三星",
            "三星",
            "三星",
            "无星级(名额之外)"
        ]
    );
    assert_eq!(table.totals.total, yuan(19 * 80_000 + 120_000 + 3 * 20_000));
    assert_eq!(table.totals.empty_slots, 1);

    let wrong = build_table(&rubric(), &set, Some(&[1, 2]));
    assert!(wrong.is_err());
}

#[test]
fn ok_sort_and_filter() {
    let table = table_of(&first_load());
    let names = |rows: Vec<&Row>| -> Vec<String> {
        rows.iter().map(|r| r.community.clone()).collect()
    };

    let luojiang = view(&table, Some("洛江区"), SortKey::Rank, true);
    assert_eq!(names(luojiang), ["万盛社区"]);

    let licheng = view(&table, Some("鲤城区"), SortKey::Total, false);
    assert_eq!(
        names(licheng),
        // By the low end first, as ranks are: 99 before 98–100.
        [
            "新春社区",
            "梅峰社区",
            "西郊社区",
            "笋浯社区",
            "新桥社区",
            "明光社区",
            "金浦社区",
            "高山社区",
            "树兜社区"
        ]
    );

    // Unranked and empty slots go last whichever way ranks are sorted.
    let down = view(&table, None, SortKey::Rank, false);
    assert_eq!(down[0].kind, RowKind::EmptySlot);
    assert_eq!(down[0].rank, Some(20));
    assert_eq!(down.last().map(|r| r.community.as_str()), Some("新桥社区"));

    let by_gates = view(&table, None, SortKey::Gates, true);
    assert_eq!(by_gates[0].outcome, Some(GateState::Fail));

    let sub = subtotal(&view(&table, Some("丰泽区"), SortKey::Rank, true));
    assert_eq!(sub.base, yuan(9 * 80_000));
    // 海景社区 is in the tie now: nothing of 丰泽区's is settled.
    assert_eq!(sub.extra_settled, yuan(0));
    assert_eq!(sub.undetermined_rows, 2);
}

#[test]
fn ok_compare_names_where_points_were_lost() {
    let set = first_load();
    let pick = |name: &str| {
        set.files
            .iter()
            .find(|f| f.community().name == name)
            .map(|f| &f.imported.evaluation)
    };
    let (Some(a), Some(b), Some(c)) =
        (pick("新春社区"), pick("高山社区"), pick("笋浯社区"))
    else {
        panic!("fixtures missing");
    };
    let names = ["新春社区", "高山社区", "笋浯社区"].map(String::from);
    let comparison = compare(&names, &[a, b, c], &|_| None);
    assert_eq!(comparison.rows.len(), 14);
    assert_eq!(comparison.rows[13].label, "加分项");

    let meetings = &comparison.rows[4];
    assert_eq!(meetings.number, Some(5));
    assert_eq!(meetings.cells[0].score.low, 10);
    assert!(meetings.cells[0].best);
    assert_eq!(meetings.cells[1].score.low, 8);
    assert!(!meetings.cells[1].best);
    assert!(
        meetings.cells[1]
            .reasons
            .iter()
            .any(|r| r.contains("11月") && r.contains("−2")),
        "{:?}",
        meetings.cells[1].reasons
    );

    let base = &comparison.rows[7];
    assert!(
        base.cells[1]
            .reasons
            .iter()
            .any(|r| r.contains("酌情评分预计 10 分(满分 15)")),
        "{:?}",
        base.cells[1].reasons
    );

    let media = &comparison.rows[11];
    assert_eq!(media.cells[2].score.low, 8);
    assert!(!media.cells[2].reasons.is_empty());

    let bonus = &comparison.rows[13];
    assert_eq!(bonus.cells[0].score.low, 7);
    assert!(
        bonus.cells[0].reasons.iter().any(|r| r.contains("超出封顶")),
        "{:?}",
        bonus.cells[0].reasons
    );
    assert_eq!(bonus.cells[1].reasons, ["无加分"]);
    assert_eq!(comparison.totals[0].low, 107);
}

#[test]
fn ok_compare_reasons_in_english_quote_only_official_terms() {
    let set = first_load();
    let pick = |name: &str| {
        set.files
            .iter()
            .find(|f| f.community().name == name)
            .map(|f| &f.imported.evaluation)
    };
    let (Some(a), Some(b)) = (pick("新春社区"), pick("高山社区"))
    else {
        panic!("fixtures missing");
    };
    let names = ["新春社区", "高山社区"].map(String::from);
    let gloss = |zh: &str| match zh {
        "表扬批示" => Some("Commendations"),
        _ => None,
    };
    let comparison = compare(&names, &[a, b], &gloss);
    let english = |row: usize, cell: usize| -> Vec<String> {
        comparison.rows[row].cells[cell]
            .reasons
            .iter()
            .map(|r| r.en.clone())
            .collect()
    };

    assert_eq!(comparison.rows[7].title, "科普教育基地与定期宣教活动");
    assert!(
        english(7, 1).contains(
            &"Scored at discretion (酌情): 10 expected of 15".to_string()
        ),
        "{:?}",
        english(7, 1)
    );
    assert!(
        english(4, 1)
            .iter()
            .any(|r| r.starts_with("November") && r.ends_with("−2")),
        "{:?}",
        english(4, 1)
    );
    let bonus = english(13, 0);
    assert!(
        bonus.iter().any(|r| r.starts_with("Commendations (表扬批示) ×")),
        "{bonus:?}"
    );
    assert!(
        bonus.iter().any(|r| r.starts_with("Item 14 is above its cap of 5: ")),
        "{bonus:?}"
    );
    assert_eq!(english(13, 1), ["No bonus"]);

    // Outside parentheses and quotes, nothing is left in Chinese.
    for row in &comparison.rows {
        for cell in &row.cells {
            for reason in &cell.reasons {
                let bare = outside_quotes(&reason.en);
                assert!(!crate::lang::has_han(&bare), "{}", reason.en);
            }
        }
    }
}

/// `text` without what it quotes: `(…)` and `“…”` are taken out.
fn outside_quotes(text: &str) -> String {
    let mut depth = 0u32;
    let mut bare = String::new();
    for c in text.chars() {
        match c {
            '(' | '\u{201c}' => depth += 1,
            ')' | '\u{201d}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    bare
}

#[test]
fn ok_table_sentences_are_in_english_too() {
    let table = table_of(&first_load());
    let failed = table.rows.last();
    let detail = failed.map(|r| r.gates[1].detail.en.as_str());
    assert_eq!(detail, Some("Spent ¥59,999.99 (74.99%); ¥0.01 short of 75%"));
    assert_eq!(
        table.ties[0].message.en,
        "丰泽区东海街道海景社区 and 丰泽区东湖街道铭湖社区 tie at 91 points \
         across 4-star and 3-star; to be settled by a person"
    );
    let tied = table.rows.iter().find(|r| r.community == "铭湖社区");
    assert_eq!(
        tied.and_then(|r| r.tie.as_ref()).map(|t| t.en.as_str()),
        Some(table.ties[0].message.en.as_str())
    );
    assert!(table.rows[1].undecided[0].en.starts_with(
        "鲤城区开元街道梅峰社区 (99 points) and 鲤城区鲤中街道西郊社区 \
         (98–100 points): the score ranges overlap across 5-star and 4-star"
    ));
}

#[test]
fn ok_files_read_back_without_english_still_give_english_details() {
    // The worker hands files over as plain JSON: their messages in Chinese.
    let mut set = first_load();
    for file in &mut set.files {
        let json = serde_json::to_string(&*file).unwrap_or_default();
        let back: Result<Loaded, _> = serde_json::from_str(&json);
        let Ok(back) = back else {
            panic!("{} does not read back", file.key())
        };
        *file = back;
    }
    let failed = set.files.iter().find(|f| f.community().name == "新桥社区");
    let lost =
        failed.map(|f| f.imported.evaluation.gates[1].summary.en.clone());
    assert!(lost.is_some_and(|en| en.starts_with("已支出")));

    let table = table_of(&set);
    let row = table.rows.iter().find(|r| r.community == "新桥社区");
    let details: Vec<(&str, &str)> = row
        .map(|r| {
            r.gates
                .iter()
                .map(|g| (g.detail.zh.as_str(), g.detail.en.as_str()))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        details,
        [
            (
                "全部支出均为专款专用",
                "Every expenditure is for its designated use (专款专用)"
            ),
            (
                "已支出 ¥59,999.99(74.99%),还差 ¥0.01 达到 75%",
                "Spent ¥59,999.99 (74.99%); ¥0.01 short of 75%"
            ),
        ]
    );
}

#[test]
fn ok_gate_summaries_made_again_match_the_evaluation() {
    use crate::examples::{example_a, example_b, example_c, example_cohort};
    use crate::score::{GateKind, evaluate};

    let empty = crate::Assessment::new(
        crate::Community::new("鲤城区", "开元街道", "新春社区"),
        date(2025, 1, 6),
    );
    let mut misused = example_a();
    if let Some(first) = misused.ledger.expenditures.first_mut() {
        first.designated = false;
    }
    let mut assessments =
        vec![empty, misused, example_a(), example_b(), example_c()];
    assessments.extend(example_cohort());
    let mut seen = std::collections::BTreeSet::new();
    for assessment in &assessments {
        let evaluation = evaluate(&rubric(), assessment);
        for gate in &evaluation.gates {
            let again =
                crate::score::gate_summary(&rubric(), gate, &evaluation.ledger);
            assert_eq!(
                (again.zh.as_str(), again.en.as_str()),
                (gate.summary.zh.as_str(), gate.summary.en.as_str())
            );
            let kind = matches!(gate.kind, GateKind::Spending);
            seen.insert((kind, format!("{:?}", gate.state)));
        }
    }
    // Every state of both gates was made again.
    assert_eq!(seen.len(), 6, "{seen:?}");
}

#[test]
fn ok_rows_keep_both_languages_through_the_handover_form() {
    let table = table_of(&first_load());
    for row in &table.rows {
        let json = serde_json::to_string(&crate::BothHalves(row));
        let back: Option<Row> =
            json.ok().and_then(|j| serde_json::from_str(&j).ok());
        let Some(back) = back else {
            panic!("row {} does not read back", row.id);
        };
        assert_eq!(&back, row);
        let english = |r: &Row| -> Vec<String> {
            let gates = r.gates.iter().map(|g| g.detail.en.clone());
            let flags = r.tie.iter().chain(&r.undecided).map(|t| t.en.clone());
            gates.chain(flags).collect()
        };
        assert_eq!(english(&back), english(row));
    }

    // The rest of the table too; its plain form stays Chinese.
    let json = serde_json::to_string(&crate::BothHalves(&table));
    let back: Option<DistrictTable> =
        json.ok().and_then(|j| serde_json::from_str(&j).ok());
    let en = |t: &DistrictTable| -> Vec<String> {
        let ties = t.ties.iter().map(|f| f.message.en.clone());
        let overlaps = t.cohort.overlaps.iter().map(|f| f.message.en.clone());
        ties.chain(overlaps).collect()
    };
    assert_eq!(back.as_ref().map(en), Some(en(&table)));
    let plain = serde_json::to_string(&table).unwrap_or_default();
    assert!(!plain.contains("to be settled by a person"));
    assert!(!plain.contains("short of 75%"));
}

#[test]
fn ok_table_csv() {
    let table = table_of(&first_load());
    let csv = table_csv(&table);
    assert!(csv.starts_with(BOM));
    let lines: Vec<&str> = csv.trim_start_matches(BOM).split("\r\n").collect();
    assert_eq!(
        lines[0],
        "名次,区,街道,社区,基础分,加分,总分,总分下限,否决项,星级,同分待定或未定,基础补助(元),星级奖补(元),补助合计(元),评估日期,文件"
    );
    assert_eq!(
        lines[1],
        "1,鲤城区,开元街道,新春社区,100,7,107,107,专款专用:通过;支出不低于75%:通过,五星,,80000.00,120000.00,200000.00,2025-01-06,星级自评_鲤城区开元街道新春社区_2025-01-06.json"
    );
    assert!(
        lines[3].starts_with("3,鲤城区,鲤中街道,西郊社区,98–100,0,98–100,98,"),
        "{}",
        lines[3]
    );
    assert!(
        lines[2].contains(",五星,\"鲤城区开元街道梅峰社区(99分)与鲤城区鲤中街道西郊社区(98–100分)分数范围重叠,跨五星与四星,名次可能互换,未定,需人工确定\",80000.00,"),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines[5],
        "第5位,,,,,,,,,\"四星名额空缺(考核不通过,不顺延)\",,,,,,"
    );
    assert!(
        lines[10].starts_with(
            "10,丰泽区,东海街道,海景社区,91,0,91,91,专款专用:通过;支出不低于75%:通过,\
             四星或三星(同分待定),\"丰泽区东海街道海景社区、丰泽区东湖街道铭湖社区 \
             同分(91分),跨四星与三星,需人工确定\",80000.00,待定,,2025-01-06,"
        ),
        "{}",
        lines[10]
    );
    assert_eq!(lines[20], "第20位,,,,,,,,,三星名额空缺,,,,,,");
    assert!(lines[21].starts_with("不排名,鲤城区,临江街道,新桥社区,96,0,96,96,专款专用:通过;支出不低于75%:不通过,不参与排名(考核不通过),,80000.00,,80000.00,"), "{}", lines[21]);
    // The money under the money columns, the tie under 同分待定.
    let foot = &lines[23..];
    assert_eq!(
        foot,
        [
            ",,,,,,,,,合计(元),,1520000.00,380000.00,1900000.00",
            ",,,,,,,,,其中同分待定(元),,,20000.00",
            ",,,,,,,,,同分待定,\"丰泽区东海街道海景社区、丰泽区东湖街道铭湖社区 \
             同分(91分),跨四星与三星,需人工确定\"",
            ",,,,,,,,,未定,\"鲤城区开元街道梅峰社区(99分)与鲤城区鲤中街道西郊社区(98–100分)分数范围重叠,跨五星与四星,名次可能互换,未定,需人工确定\"",
            ",,,,,,,,,社区数,\"共 19 个社区:参与排名 18,考核不通过 1,空缺名额 2\"",
            "",
        ]
    );
    assert_eq!(lines[22], "");
    assert_eq!(lines.last(), Some(&""));
}

#[test]
fn ok_ranking_json() {
    let table = table_of(&first_load());
    let json = ranking_json(&rubric(), &table);
    let value: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(value["format"], "starcheck-district-ranking");
    assert_eq!(value["quotas"], serde_json::json!([2, 8, 10]));
    assert_eq!(value["totals"]["total"], "1900000.00");
    assert_eq!(
        value["overlaps"][0]["tiers"],
        serde_json::json!(["五星", "四星"])
    );
    assert_eq!(value["rows"][0]["community"], "新春社区");
    assert_eq!(value["rows"][9]["extra"]["state"], "undetermined");
    let back: Result<RankingFile, _> = serde_json::from_str(&json);
    assert!(back.is_ok_and(|file| file.rows == table.rows));
}

#[test]
fn ok_community_key_ignores_spaces() {
    let spaced = crate::Community::new(" 鲤城区", "开元 街道", "新春社区 ");
    assert_eq!(community_key(&spaced), "鲤城区开元街道新春社区");
}

#[test]
fn ok_hostile_names_are_safe_in_the_csv() {
    let mut set = DistrictSet::new();
    loaded(&fixtures::district_hostile_fixtures(), &mut set);
    let csv = table_csv(&table_of(&set));
    let first = csv.split("\r\n").nth(1).unwrap_or_default();
    assert!(
        first.starts_with(
            "1,'@区,\"=\"\"13812345678901\"\"\",\"'=1+2\"\"甲\"\",社区\",100,7,107,"
        ),
        "{first}"
    );
}

#[test]
fn ok_every_word_of_the_fixture_table_has_english() {
    let table = table_of(&first_load());
    let tiers: Vec<(String, Option<String>)> = table
        .rows
        .iter()
        .map(|row| (row.tier.clone(), words::tier_en(&row.tier)))
        .collect();
    for (zh, en) in &tiers {
        let en = en.as_deref().unwrap_or_else(|| panic!("no English for {zh}"));
        assert!(
            !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{en}"
        );
    }
    let english: Vec<&str> =
        tiers.iter().filter_map(|(_, en)| en.as_deref()).collect();
    assert_eq!(english.first(), Some(&"5-star"));
    assert!(
        english.contains(
            &"4-star slot left empty (failed a gate; not passed down)"
        )
    );
    assert!(english.contains(&"not ranked (failed a gate)"));
    assert!(english.contains(&"4-star or 3-star (tie, to be settled)"));
}

#[test]
fn ok_same_file_twice_is_said_to_be_loaded_already() {
    let files = district_fixtures();
    let mut set = DistrictSet::new();
    loaded(&files[..1], &mut set);
    loaded(&files[..1], &mut set);

    assert_eq!(set.files.len(), 1);
    let [duplicate] = set.duplicates.as_slice() else {
        panic!("one duplicate expected: {:?}", set.duplicates);
    };
    assert_eq!(
        duplicate.message_zh(),
        format!(
            "鲤城区开元街道新春社区的文件{}(评估日期 2025-01-06,导出于 2025-01-06 17:00)已载入,再次选择的同一文件未重复载入",
            files[0].file_name
        )
    );
    assert!(duplicate.message_en().starts_with(&files[0].file_name));
}

#[test]
fn ok_every_heading_has_english() {
    for key in SortKey::ALL {
        let en = key.heading_in(crate::Lang::En);
        assert!(!en.is_empty() && !crate::lang::has_han(en), "{en}");
        assert_eq!(key.heading_in(crate::Lang::Zh), key.heading());
    }
    assert_eq!(SortKey::Extra.heading_in(crate::Lang::En), "Tier award");
}

#[test]
fn ok_handed_files_are_the_loaded_ones_again() {
    let set = first_load();
    assert_eq!(set.files.len(), 19);
    for file in &set.files {
        let json = serde_json::to_string(&Handed::of(&file.imported));
        let handed: Option<Handed> =
            json.ok().and_then(|j| serde_json::from_str(&j).ok());
        let again = handed.map(|h| {
            h.into_loaded(&rubric(), file.file_name.clone(), file.text.clone())
        });
        assert_eq!(again.as_ref(), Some(file), "{}", file.file_name);
    }
}

#[test]
fn ok_has_key_is_the_key_compared() {
    let set = first_load();
    let file = &set.files[0];
    let key = file.key();
    let mut other = file.clone();

    // Spaces anywhere are not part of the key; where a part ends is not
    // either, as in the key built.
    let name = other.community().name.replace("社区", " 社 区");
    other.imported.assessment.community.name = format!(" {name} ");
    assert_eq!(other.key(), key);
    assert!(other.has_key(&key));
    let community = &mut other.imported.assessment.community;
    let street = std::mem::take(&mut community.street);
    community.district.push_str(&street);
    assert_eq!(other.key(), key);
    assert!(other.has_key(&key));

    other.imported.assessment.community.name.push('二');
    assert!(!other.has_key(&key));
    assert!(!file.has_key(""));
    assert!(!file.has_key(&format!("{key}x")));
    assert!(!file.has_key(&key[..key.len() - 3]));
}
