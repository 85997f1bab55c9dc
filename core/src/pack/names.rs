//! Paths inside the pack: a folder per item (`05-垃圾分类工作联席会`), a
//! folder per entry (`联席会_2024-10-15`), the material before the file's
//! own name. Every part is made safe for Windows, macOS, Linux and zip
//! readers; two files that would get the same path are numbered.

use std::collections::{BTreeMap, BTreeSet};

use crate::assessment::{Assessment, Fact};
use crate::evidence::{Attachment, Holder, MEETINGS_ITEM, REPORTS_ITEM};
use crate::rubric::Rubric;

/// Longest part of a path, in characters.
const MAX_PART_CHARS: usize = 60;

/// Names Windows keeps for devices, whatever the extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6",
    "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6",
    "LPT7", "LPT8", "LPT9",
];

/// One part of a path, safe everywhere: `\ / : * ? " < > |` and control
/// characters become `_`, leading and trailing spaces and dots go, device
/// names get a `_` in front, and the part is cut to 60 characters keeping
/// a short extension. An empty result becomes `未命名`.
pub fn sanitize_component(part: &str) -> String {
    let replaced: String = part
        .chars()
        .map(|c| {
            let bad = c.is_control() || r#"\/:*?"<>|"#.contains(c);
            if bad { '_' } else { c }
        })
        .collect();
    let trimmed = replaced.trim_matches(|c: char| c == ' ' || c == '.');
    let mut name = trimmed.to_string();
    if name.is_empty() {
        return "未命名".to_string();
    }

    let stem = name.split('.').next().unwrap_or_default();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem.trim())) {
        name.insert(0, '_');
    }

    if name.chars().count() > MAX_PART_CHARS {
        let (stem, ext) = split_extension(&name);
        let keep = MAX_PART_CHARS.saturating_sub(ext.chars().count());
        let stem: String = stem.chars().take(keep).collect();
        name = format!("{}{ext}", stem.trim_end_matches([' ', '.']));
    }
    name
}

/// `("签到表", ".jpg")`; an extension is a dot and 1–8 ASCII letters or
/// digits at the end.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) if dot > 0 => {
            let ext = &name[dot + 1..];
            let short = (1..=8).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric());
            if short { (&name[..dot], &name[dot..]) } else { (name, "") }
        }
        _ => (name, ""),
    }
}

/// The folder of an item: `05-垃圾分类工作联席会`.
pub(crate) fn item_folder(rubric: &Rubric, item: u32) -> String {
    let title = rubric
        .item(item)
        .map(|i| i.title.clone())
        .or_else(|| rubric.bonus_item(item).map(|b| b.title.clone()))
        .unwrap_or_else(|| "其他".to_string());
    let title: String = title.chars().take(24).collect();
    sanitize_component(&format!("{item:02}-{title}"))
}

/// The folder of an entry within its item's folder, if the holder is one.
pub(crate) fn entry_folder(
    assessment: &Assessment,
    holder: Holder,
) -> Option<String> {
    let name = match holder {
        Holder::Item(_) => return None,
        Holder::Meeting(index) => {
            match assessment.fact(MEETINGS_ITEM, "meetings") {
                Some(Fact::Meetings(list)) => list
                    .get(index)
                    .map(|m| format!("联席会_{}", m.date))
                    .unwrap_or_default(),
                _ => String::new(),
            }
        }
        Holder::Report(index) => match assessment.fact(REPORTS_ITEM, "reports")
        {
            Some(Fact::Reports(list)) => list
                .get(index)
                .map(|r| format!("信息报送_{}", r.month))
                .unwrap_or_default(),
            _ => String::new(),
        },
        Holder::Expenditure(index) => assessment
            .ledger
            .expenditures
            .get(index)
            .map(|e| format!("支出{:02}_{}", index + 1, e.label_zh()))
            .unwrap_or_default(),
    };
    Some(sanitize_component(&name))
}

/// The file's own part: `签到表-原名.jpg`, or the name alone.
fn file_part(attachment: &Attachment) -> String {
    let name = match &attachment.material {
        Some(material) => format!("{material}-{}", attachment.name),
        None => attachment.name.clone(),
    };
    sanitize_component(&name)
}

/// Every attachment's path in the pack, by attachment id. Two files that
/// would share a path get ` (2)`, ` (3)`… before the extension; the
/// pack's own documents' names are never taken.
pub fn entry_paths(
    rubric: &Rubric,
    assessment: &Assessment,
) -> BTreeMap<String, String> {
    let mut taken: BTreeSet<String> =
        [super::INDEX_ENTRY, super::ASSESSMENT_ENTRY, super::MANIFEST_ENTRY]
            .iter()
            .map(|p| p.to_lowercase())
            .collect();
    let mut paths = BTreeMap::new();
    for (holder, attachment) in assessment.attachments() {
        if paths.contains_key(&attachment.id) {
            continue;
        }
        let mut folder = item_folder(rubric, holder.item());
        if let Some(entry) = entry_folder(assessment, holder) {
            folder = format!("{folder}/{entry}");
        }
        let part = file_part(attachment);
        let mut path = format!("{folder}/{part}");

        // Zip readers on Windows and macOS fold case.
        let mut n = 2;
        while taken.contains(&path.to_lowercase()) {
            let (stem, ext) = split_extension(&part);
            path = format!("{folder}/{stem} ({n}){ext}");
            n += 1;
        }
        taken.insert(path.to_lowercase());
        paths.insert(attachment.id.clone(), path);
    }
    paths
}
