//! Whether each material the inspector asks for (材料核查) is in hand: the
//! one place that decides, for the printed checklist and the inspection
//! pack's index alike.
//!
//! Sources, first match wins: the user's own mark or an attached file
//! ([`crate::Evidence`]); for the meetings' and reports' materials, the
//! marks of every entry; an answered yes/no that stands for the material
//! (a “yes” for the plan makes 创建方案 ready); the ledger's vouchers per
//! expenditure; the months of the monthly items. Anything else is left to
//! check by hand.
//!
//! The material names are our reading of what an inspector asks for, not
//! the notice's text; [`crate::Rubric::quotes`] says which of them are the
//! notice's own words (创建方案, 表扬批示), which English mode keeps in
//! Chinese with a gloss.

use crate::assessment::{Assessment, Fact};
use crate::evidence::{Evidence, Holder, MEETINGS_ITEM, Mark, REPORTS_ITEM};
use crate::lang::{Lang, Text};
use crate::ledger::{Document, Expenditure};
use crate::months::MonthState;
use crate::score::Evaluation;

/// What is known about one material.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Readiness {
    /// In hand, with the reason (`已附2个文件`).
    Ready(Text),
    /// Not in hand, with what is missing.
    Missing(Text),
    /// The assessment does not say: to check by hand.
    Check(Text),
}

impl Readiness {
    /// A stable key for attributes and stylesheets.
    pub fn key(&self) -> &'static str {
        match self {
            Readiness::Ready(_) => "ready",
            Readiness::Missing(_) => "missing",
            Readiness::Check(_) => "check",
        }
    }

    /// The mark in words (printed, so never colour alone).
    pub fn mark(&self, lang: Lang) -> &'static str {
        match self {
            Readiness::Ready(_) => lang.pick("✓ 已备", "✓ ready"),
            Readiness::Missing(_) => lang.pick("✗ 缺", "✗ missing"),
            Readiness::Check(_) => lang.pick("? 待核对", "? to check"),
        }
    }

    /// Why, in `lang`.
    pub fn note(&self, lang: Lang) -> &str {
        match self {
            Readiness::Ready(n)
            | Readiness::Missing(n)
            | Readiness::Check(n) => n.get(lang),
        }
    }
}

/// Which yes/no rule stands for a material, by item and material name.
const BY_ANSWER: [(u32, &str, &str); 11] = [
    (1, "创建方案", "plan"),
    (2, "资金使用计划", "funding_plan"),
    (4, "工作小组成立文件及成员名单", "team"),
    (4, "联络员指定文件", "liaison"),
    (6, "投放点清单及位置图", "four_category_set"),
    (7, "便民服务点现场照片", "service_point"),
    (7, "党员志愿者值班表", "duty_roster"),
    (8, "科普教育基地现场照片及功能分区说明", "science_base"),
    (8, "宣教活动方案、签到表与照片", "activities"),
    (10, "群众意见收集、办理、反馈台账", "feedback_system"),
    (11, "志愿服务活动记录(入户宣传、桶边督导等)", "volunteering"),
];

/// Which per-entry material an item's material is made of, with the
/// entry material's name in English.
const BY_ENTRY: [(u32, &str, &str, &str); 4] = [
    (MEETINGS_ITEM, "每月联席会会议纪要", "会议记录", "minutes"),
    (MEETINGS_ITEM, "签到表", "签到表", "sign-in sheet"),
    (REPORTS_ITEM, "每月报送的信息材料", "信息材料", "report"),
    (REPORTS_ITEM, "报送记录(日期、接收单位)", "报送记录", "sending record"),
];

/// Whether `material` of `item` is in hand.
pub fn readiness(
    assessment: &Assessment,
    evaluation: &Evaluation,
    item: u32,
    material: &str,
) -> Readiness {
    // The user's own word, or a file attached to the material.
    if let Some(evidence) = assessment.evidence.get(&item) {
        let files = evidence.files_for(Some(material)).len();
        match evidence.mark(material) {
            Mark::Ready if files > 0 => {
                let en = match files {
                    1 => "1 file attached".to_string(),
                    n => format!("{n} files attached"),
                };
                return Readiness::Ready(Text::new(
                    format!("已附{files}个文件"),
                    en,
                ));
            }
            Mark::Ready => {
                return Readiness::Ready(Text::new(
                    "已标记已备",
                    "marked ready",
                ));
            }
            Mark::Missing => {
                return Readiness::Missing(Text::new(
                    "已标记缺",
                    "marked missing",
                ));
            }
            Mark::Unmarked => {}
        }
    }

    // Materials made of every meeting's or report's own.
    let entry = BY_ENTRY
        .iter()
        .find(|(i, m, _, _)| *i == item && *m == material)
        .map(|(_, _, zh, en)| (*zh, *en));
    let found = entry.and_then(|m| entries(assessment, evaluation, item, m));
    if let Some(found) = found {
        return found;
    }

    // Materials that a yes/no answer stands for.
    let rule = BY_ANSWER
        .iter()
        .find(|(i, m, _)| *i == item && *m == material)
        .map(|(_, _, rule)| *rule);
    if let Some(rule) = rule {
        return match assessment.fact(item, rule) {
            Some(Fact::YesNo(true)) => Readiness::Ready(Text::new(
                "自评答“是”",
                "answered \u{201c}yes\u{201d}",
            )),
            Some(Fact::YesNo(false)) => Readiness::Missing(Text::new(
                "自评答“否”",
                "answered \u{201c}no\u{201d}",
            )),
            _ => {
                Readiness::Check(Text::new("自评尚未回答", "not answered yet"))
            }
        };
    }

    // The ledger's entries and their documents (item 2).
    match (item, material) {
        (2, "资金支出台账") => return ledger_book(assessment),
        (2, "转账凭证") => {
            return documents(assessment, Document::TransferVoucher);
        }
        (2, "支付凭证/发票") => {
            return documents(assessment, Document::PaymentVoucher);
        }
        _ => {}
    }

    // Monthly duties: meetings (item 5) and reports (item 13).
    if item == MEETINGS_ITEM || item == REPORTS_ITEM {
        return monthly(evaluation, item);
    }
    Readiness::Check(Text::new(
        "自评未涉及,请逐项核对",
        "not covered by the self-assessment: check by hand",
    ))
}

/// The state of a material of one meeting, report or ledger entry.
pub fn entry_mark(
    assessment: &Assessment,
    holder: Holder,
    material: &str,
) -> Mark {
    if let Holder::Expenditure(index) = holder {
        return assessment
            .ledger
            .expenditures
            .get(index)
            .map_or(Mark::Unmarked, |e| voucher_mark(e, material));
    }
    assessment.evidence(holder).map_or(Mark::Unmarked, |e| e.mark(material))
}

/// A voucher's state: the ledger's document flags are its marks.
fn voucher_mark(entry: &Expenditure, material: &str) -> Mark {
    let document = Document::ALL.into_iter().find(|d| d.label_zh() == material);
    match document {
        Some(d) if entry.documents.has(d) => Mark::Ready,
        Some(_) if entry.evidence.files_for(Some(material)).is_empty() => {
            Mark::Missing
        }
        Some(_) => Mark::Ready,
        None => entry.evidence.mark(material),
    }
}

/// An item material made of its entries' own: ready when every entry has
/// it (and no month is missing), missing when any entry lacks it. `None`
/// when there are no entries to judge by.
fn entries(
    assessment: &Assessment,
    evaluation: &Evaluation,
    item: u32,
    (material, material_en): (&str, &str),
) -> Option<Readiness> {
    let rule = if item == MEETINGS_ITEM { "meetings" } else { "reports" };
    let labelled: Vec<(String, String, &Evidence)> =
        match assessment.fact(item, rule) {
            Some(Fact::Meetings(list)) => list
                .iter()
                .map(|m| (m.date.to_string(), m.date.to_string(), &m.evidence))
                .collect(),
            Some(Fact::Reports(list)) => list
                .iter()
                .map(|r| (r.month.label_zh(), r.month.label_en(), &r.evidence))
                .collect(),
            _ => Vec::new(),
        };
    if labelled.is_empty() {
        return None;
    }
    let (lacking_zh, lacking_en): (Vec<&str>, Vec<&str>) = labelled
        .iter()
        .filter(|(_, _, e)| e.mark(material) != Mark::Ready)
        .map(|(zh, en, _)| (zh.as_str(), en.as_str()))
        .unzip();
    if !lacking_zh.is_empty() {
        let entry = if item == MEETINGS_ITEM { "meeting" } else { "month" };
        return Some(Readiness::Missing(Text::new(
            format!("{}缺{material}", lacking_zh.join("、")),
            format!(
                "no {material_en} for the {entry} of {}",
                lacking_en.join(", ")
            ),
        )));
    }
    match monthly(evaluation, item) {
        Readiness::Missing(months) => Some(Readiness::Missing(months)),
        _ => Some(Readiness::Ready(Text::new(
            format!("{}份均已备", labelled.len()),
            format!("in hand for all {}", labelled.len()),
        ))),
    }
}

/// The expenditure book: ready once any expenditure is entered.
fn ledger_book(assessment: &Assessment) -> Readiness {
    let count = assessment.ledger.expenditures.len();
    if count == 0 {
        return Readiness::Missing(Text::new(
            "尚未登记支出",
            "no expenditure entered yet",
        ));
    }
    Readiness::Ready(Text::new(
        format!("已登记{count}笔支出"),
        format!("{count} expenditures entered"),
    ))
}

/// One kind of voucher over every expenditure.
fn documents(assessment: &Assessment, document: Document) -> Readiness {
    let entries = &assessment.ledger.expenditures;
    if entries.is_empty() {
        return Readiness::Check(Text::new(
            "尚未登记支出",
            "no expenditure entered yet",
        ));
    }
    let lacking = entries
        .iter()
        .filter(|e| voucher_mark(e, document.label_zh()) != Mark::Ready)
        .collect::<Vec<_>>();
    if lacking.is_empty() {
        return Readiness::Ready(Text::new(
            format!("{}笔支出均齐全", entries.len()),
            format!("complete for all {} expenditures", entries.len()),
        ));
    }
    let zh: Vec<String> = lacking.iter().map(|e| e.label_zh()).collect();
    let en: Vec<String> = lacking.iter().map(|e| e.label_en()).collect();
    Readiness::Missing(Text::new(
        format!("缺{}笔:{}", lacking.len(), zh.join("、")),
        format!("missing for {}: {}", lacking.len(), en.join("; ")),
    ))
}

/// Month by month, from the core's month lines.
fn monthly(evaluation: &Evaluation, item: u32) -> Readiness {
    let Some(result) = evaluation.item(item) else {
        return Readiness::Check(Text::new(
            "自评未涉及,请逐项核对",
            "not covered by the self-assessment: check by hand",
        ));
    };
    if result.months.is_empty() {
        return Readiness::Check(Text::new("自评尚未回答", "not answered yet"));
    }
    let missing = result
        .months
        .iter()
        .filter(|m| {
            matches!(m.state, MonthState::Missing | MonthState::Overdue)
        })
        .map(|m| m.month)
        .collect::<Vec<_>>();
    let done = result
        .months
        .iter()
        .filter(|m| matches!(m.state, MonthState::Done { .. }))
        .count();
    if missing.is_empty() {
        return Readiness::Ready(Text::new(
            format!("{done}个月齐全"),
            format!("complete for {done} months"),
        ));
    }
    let zh: Vec<String> = missing.iter().map(|m| m.label_zh()).collect();
    let en: Vec<String> = missing.iter().map(|m| m.label_en()).collect();
    Readiness::Missing(Text::new(
        format!("缺{}", zh.join("、")),
        format!("missing: {}", en.join(", ")),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::Attachment;
    use crate::examples;
    use crate::rubric::Rubric;
    use crate::score::evaluate;

    fn check(assessment: &Assessment, item: u32, material: &str) -> Readiness {
        let rubric = Rubric::quanzhou_2024();
        readiness(assessment, &evaluate(&rubric, assessment), item, material)
    }

    #[test]
    fn ok_every_material_item_lists_materials() {
        let rubric = Rubric::quanzhou_2024();
        for item in rubric.items() {
            assert!(!item.materials.is_empty(), "item {}", item.number);
        }
        let entry = rubric.entry_materials();
        assert_eq!(entry.meeting, ["会议记录", "签到表"]);
        assert_eq!(entry.report, ["信息材料", "报送记录"]);
        assert_eq!(entry.expenditure, ["转账凭证", "支付凭证/发票"]);

        // Every per-entry material the item lists is in the rubric data.
        for (item, material, entry_material, _) in BY_ENTRY {
            let listed = rubric.item(item).map(|i| &i.materials);
            assert!(listed.is_some_and(|l| l.iter().any(|m| m == material)));
            let own = if item == MEETINGS_ITEM {
                &entry.meeting
            } else {
                &entry.report
            };
            assert!(own.iter().any(|m| m == entry_material));
        }
    }

    #[test]
    fn ok_marks_and_files_decide_first() {
        let mut a = examples::example_a();
        a.update_evidence(Holder::Item(3), |e| {
            e.set_mark("现场照片", Some(false))
        });
        assert_eq!(
            check(&a, 3, "现场照片"),
            Readiness::Missing(Text::new("已标记缺", "marked missing"))
        );

        a.update_evidence(Holder::Item(3), |e| {
            e.files.push(Attachment {
                id: "x".into(),
                name: "照片.jpg".into(),
                size: 1,
                mime: "image/jpeg".into(),
                sha256: String::new(),
                material: Some("现场照片".into()),
            })
        });
        assert_eq!(
            check(&a, 3, "现场照片"),
            Readiness::Ready(Text::new("已附1个文件", "1 file attached"))
        );
    }

    #[test]
    fn ok_names_quoting_the_notice_told_from_ours() {
        let rubric = Rubric::quanzhou_2024();
        let official = ["创建方案", "资金使用计划", "信息材料", "表扬批示"];
        for name in official {
            assert!(rubric.quotes(name), "{name}");
        }
        let ours =
            ["会议照片", "签到表", "转账凭证", "媒体报道或信息被采用", ""];
        for name in ours {
            assert!(!rubric.quotes(name), "{name}");
        }

        // The publicity media the requirement names, and ours beyond them.
        for kind in ["条幅", "标语", "宣传栏", "电子广告屏"] {
            assert!(rubric.quotes(kind), "{kind}");
        }
        assert!(!rubric.quotes("宣传海报"));
    }

    #[test]
    fn ok_entry_materials_lacking_named_in_english() {
        let mut a = examples::example_a();
        let meetings = match a.fact(MEETINGS_ITEM, "meetings") {
            Some(Fact::Meetings(list)) => list.clone(),
            _ => Vec::new(),
        };
        assert!(!meetings.is_empty(), "example A has meetings");
        for index in 1..meetings.len() {
            a.update_evidence(Holder::Meeting(index), |e| {
                e.set_mark("会议记录", Some(true))
            });
        }
        let ready = check(&a, MEETINGS_ITEM, "每月联席会会议纪要");
        let first = meetings[0].date.to_string();
        assert_eq!(ready.key(), "missing");
        assert_eq!(ready.note(Lang::Zh), format!("{first}缺会议记录"));
        assert_eq!(
            ready.note(Lang::En),
            format!("no minutes for the meeting of {first}")
        );
    }
}
