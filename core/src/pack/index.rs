//! `index.html` of the pack: one self-contained Chinese page (styles
//! inline, no scripts, no network) that an inspector opens after unzipping:
//! every item with its score, deductions, materials and links to the files
//! that prove it.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::assessment::{Assessment, Fact};
use crate::evidence::{
    Attachment, Evidence, Holder, LEDGER_ITEM, MEETINGS_ITEM, Mark,
    REPORTS_ITEM,
};
use crate::file::ExportMeta;
use crate::lang::Lang;
use crate::materials::{entry_mark, readiness};
use crate::rubric::{EntryMaterials, Rubric};
use crate::score::{Evaluation, GateState, ItemResult, evaluate};

/// Text with `& < > "` escaped for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A relative link to a path in the pack: every byte but unreserved ASCII
/// and `/` percent-encoded, so `#`, `?`, `%` and spaces in names work.
fn href(path: &str) -> String {
    let mut out = String::new();
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

const STYLE: &str = "body{font-family:sans-serif;max-width:60em;margin:1em auto;\
padding:0 1em;line-height:1.5}h2{border-bottom:1px solid #999;margin-top:2em}\
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;\
padding:.2em .5em;text-align:left;vertical-align:top}.ready{color:#060}\
.missing{color:#b00}.check{color:#850}.muted{color:#666}";

/// The whole page.
pub(super) fn page(
    rubric: &Rubric,
    assessment: &Assessment,
    meta: &ExportMeta,
    paths: &BTreeMap<String, String>,
) -> String {
    let evaluation = evaluate(rubric, assessment);
    let name = assessment.community.full_name();
    let name =
        if name.is_empty() { "未命名社区".to_string() } else { name };
    let mut html = String::new();

    // Header: who, when, the totals.
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\">\
         <title>迎检材料包 {}</title><style>{STYLE}</style></head><body>\n\
         <h1>迎检材料包:{}</h1>\n<p>自评截至 {},",
        esc(&name),
        esc(&name),
        assessment.as_of
    );
    if let Some(at) = meta.exported_at {
        let _ = write!(html, "导出于 {},", crate::dates::ymd_hm(at));
    }
    let outcome = match evaluation.outcome {
        GateState::Pass => "考核通过条件已满足",
        GateState::Fail => "考核不通过",
        GateState::NotAssessed => "资金支出尚未登记",
    };
    let _ = writeln!(
        html,
        "自评总分 {} 分({outcome})。自评数据见 \
         <a href=\"assessment.json\">assessment.json</a>。</p>",
        evaluation.total
    );

    // Every scored item, then bonus items that have files.
    for item in rubric.items() {
        item_section(
            &mut html,
            (rubric.entry_materials(), assessment, &evaluation, paths),
            item.number,
            &item.title,
            &item.materials,
        );
    }
    for bonus in rubric.bonus_items() {
        if assessment.evidence.contains_key(&bonus.number) {
            let proof: Vec<String> =
                bonus.parts.iter().map(|p| p.label.clone()).collect();
            item_section(
                &mut html,
                (rubric.entry_materials(), assessment, &evaluation, paths),
                bonus.number,
                &bonus.title,
                &proof,
            );
        }
    }
    html.push_str("</body></html>\n");
    html
}

/// What every section reads: the entries' materials, the assessment, its
/// evaluation and the files' paths.
type Context<'a> = (
    &'a EntryMaterials,
    &'a Assessment,
    &'a Evaluation,
    &'a BTreeMap<String, String>,
);

/// One item: score, deductions, materials, files, entries.
fn item_section(
    html: &mut String,
    (wanted, assessment, evaluation, paths): Context,
    number: u32,
    title: &str,
    materials: &[String],
) {
    let _ = writeln!(
        html,
        "<section id=\"item-{number}\" data-item=\"{number}\">\
         <h2>第{number}项 {}</h2>",
        esc(title)
    );
    if let Some(result) = evaluation.item(number) {
        score_lines(html, result);
    }

    // The item's materials and the files attached to each.
    let evidence = assessment.evidence.get(&number);
    if !materials.is_empty() {
        html.push_str(
            "<table><tr><th>材料</th><th>状态</th><th>文件</th></tr>\n",
        );
        for material in materials {
            let ready = readiness(assessment, evaluation, number, material);
            let files = evidence
                .map(|e| e.files_for(Some(material)))
                .unwrap_or_default();
            let _ = writeln!(
                html,
                "<tr><td>{}</td><td class=\"{}\">{} <span class=\"muted\">{}</span></td><td>{}</td></tr>",
                esc(material),
                ready.key(),
                ready.mark(Lang::Zh),
                esc(ready.note(Lang::Zh)),
                links(&files, paths)
            );
        }
        html.push_str("</table>\n");
    }
    let others = evidence
        .map(|e| {
            e.files
                .iter()
                .filter(|f| {
                    f.material.as_ref().is_none_or(|m| !materials.contains(m))
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    if !others.is_empty() {
        let _ = writeln!(html, "<p>其他文件:{}</p>", links(&others, paths));
    }

    // The entries that carry their own proof.
    let entries = entries_of(wanted, assessment, number);
    if !entries.is_empty() {
        html.push_str(
            "<table><tr><th>条目</th><th>材料</th><th>文件</th></tr>\n",
        );
        for (holder, label, evidence, wanted) in entries {
            let marks = wanted
                .iter()
                .map(|m| {
                    let (class, word) = match entry_mark(assessment, holder, m)
                    {
                        Mark::Ready => ("ready", "✓ 已备"),
                        Mark::Missing | Mark::Unmarked => ("missing", "✗ 缺"),
                    };
                    format!("<span class=\"{class}\">{} {word}</span>", esc(m))
                })
                .collect::<Vec<_>>()
                .join("<br>");
            let files: Vec<&Attachment> = evidence.files.iter().collect();
            let _ = writeln!(
                html,
                "<tr><td>{}</td><td>{marks}</td><td>{}</td></tr>",
                esc(&label),
                links(&files, paths)
            );
        }
        html.push_str("</table>\n");
    }
    html.push_str("</section>\n");
}

/// Score and deductions of an item.
fn score_lines(html: &mut String, result: &ItemResult) {
    let _ = writeln!(
        html,
        "<p>得分 <strong>{}</strong> / {} 分</p>",
        result.score, result.max
    );
    if result.deductions.is_empty() {
        html.push_str("<p class=\"muted\">无扣分</p>\n");
        return;
    }
    html.push_str("<ul class=\"deductions\">");
    for deduction in &result.deductions {
        let _ = write!(html, "<li>{}</li>", esc(&deduction.reason));
    }
    html.push_str("</ul>\n");
}

/// Links to files, `—` for none.
fn links(files: &[&Attachment], paths: &BTreeMap<String, String>) -> String {
    if files.is_empty() {
        return "—".to_string();
    }
    files
        .iter()
        .map(|f| {
            let path = paths.get(&f.id).map(String::as_str).unwrap_or_default();
            format!(
                "<a href=\"{}\">{}</a> <span class=\"muted\">({})</span>",
                href(path),
                esc(&f.name),
                crate::words::size(f.size)
            )
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The meetings, reports or ledger entries of an item, labelled, with the
/// materials each should have.
fn entries_of<'a>(
    wanted: &'a EntryMaterials,
    assessment: &'a Assessment,
    item: u32,
) -> Vec<(Holder, String, &'a Evidence, &'a [String])> {
    match item {
        MEETINGS_ITEM => match assessment.fact(item, "meetings") {
            Some(Fact::Meetings(list)) => list
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let label = format!("联席会 {}", m.date);
                    (
                        Holder::Meeting(i),
                        label,
                        &m.evidence,
                        wanted.meeting.as_slice(),
                    )
                })
                .collect(),
            _ => Vec::new(),
        },
        REPORTS_ITEM => match assessment.fact(item, "reports") {
            Some(Fact::Reports(list)) => list
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let label = format!(
                        "{}信息报送(报送于 {})",
                        r.month.label_zh(),
                        r.sent_on
                    );
                    (
                        Holder::Report(i),
                        label,
                        &r.evidence,
                        wanted.report.as_slice(),
                    )
                })
                .collect(),
            _ => Vec::new(),
        },
        LEDGER_ITEM => assessment
            .ledger
            .expenditures
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let label = format!("支出 {}", e.label_zh());
                (
                    Holder::Expenditure(i),
                    label,
                    &e.evidence,
                    wanted.expenditure.as_slice(),
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}
