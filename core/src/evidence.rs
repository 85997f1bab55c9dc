//! Evidence (佐证材料) kept with what it proves: per material a mark (ready
//! or missing) and the attached files' metadata, for an item, a meeting, a
//! monthly report or a ledger entry.
//!
//! Only metadata lives here (name, size, type, SHA-256): the bytes are the
//! app's to keep (IndexedDB) and the inspection pack's to carry
//! ([`crate::pack`]). The plain export lists this metadata, so a district
//! office sees which files exist without receiving them.
//!
//! A material counts as ready when it is marked ready or a file is
//! attached to it; marked missing when the user said so; otherwise it is
//! unmarked and the app falls back to what the answers imply.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::assessment::{Assessment, Fact};

/// The largest file that can be attached: 20 MiB.
pub const MAX_ATTACHMENT_BYTES: u64 = 20 * 1024 * 1024;

/// The most all attachments of one assessment may take together: 300 MiB
/// (the browser's quota may be lower; the app checks that too).
pub const MAX_TOTAL_BYTES: u64 = 300 * 1024 * 1024;

/// One attached file, as metadata.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Attachment {
    /// Unique within the browser; the key of the bytes in storage.
    pub id: String,
    /// The file name as chosen, e.g. `10月联席会签到表.jpg`.
    pub name: String,
    /// Bytes as stored (after any shrinking).
    pub size: u64,
    /// MIME type, e.g. `image/jpeg`; may be empty.
    pub mime: String,
    /// SHA-256 of the stored bytes, lowercase hex.
    pub sha256: String,
    /// The material it proves (`签到表`), or `None` for the whole entry.
    #[serde(default)]
    pub material: Option<String>,
}

/// The marks and files of one thing that needs proof.
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
)]
pub struct Evidence {
    /// Material → `true` ready (已备), `false` missing (缺); an absent
    /// material is unmarked.
    #[serde(default)]
    pub marks: BTreeMap<String, bool>,
    /// Attached files, in the order added.
    #[serde(default)]
    pub files: Vec<Attachment>,
}

/// Whether a material is in hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Marked ready, or a file is attached to it.
    Ready,
    /// Marked missing.
    Missing,
    /// Neither.
    Unmarked,
}

impl Evidence {
    /// Nothing marked, nothing attached.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.files.is_empty()
    }

    /// The state of one material.
    pub fn mark(&self, material: &str) -> Mark {
        let attached =
            self.files.iter().any(|f| f.material.as_deref() == Some(material));
        match self.marks.get(material) {
            Some(true) => Mark::Ready,
            _ if attached => Mark::Ready,
            Some(false) => Mark::Missing,
            None => Mark::Unmarked,
        }
    }

    /// Marks a material ready (`Some(true)`), missing (`Some(false)`) or
    /// unmarked (`None`).
    pub fn set_mark(&mut self, material: &str, mark: Option<bool>) {
        match mark {
            Some(ready) => {
                self.marks.insert(material.to_string(), ready);
            }
            None => {
                self.marks.remove(material);
            }
        }
    }

    /// The files attached to one material (`None`: to the whole entry).
    pub fn files_for(&self, material: Option<&str>) -> Vec<&Attachment> {
        self.files
            .iter()
            .filter(|f| f.material.as_deref() == material)
            .collect()
    }

    /// Bytes of every file here.
    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|f| f.size).sum()
    }
}

/// What an attachment belongs to, by position in the assessment as it is
/// now. Positions shift when entries are removed, so a holder is looked up
/// and used at once, never stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Holder {
    /// A scored or bonus item as a whole.
    Item(u32),
    /// The meeting at this position of item 5's list (联席会).
    Meeting(usize),
    /// The report at this position of item 13's list (信息报送).
    Report(usize),
    /// The ledger entry at this position (支出).
    Expenditure(usize),
}

impl Holder {
    /// The item whose proof it is.
    pub fn item(self) -> u32 {
        match self {
            Holder::Item(item) => item,
            Holder::Meeting(_) => MEETINGS_ITEM,
            Holder::Report(_) => REPORTS_ITEM,
            Holder::Expenditure(_) => LEDGER_ITEM,
        }
    }
}

/// The item of the meetings (联席会).
pub const MEETINGS_ITEM: u32 = 5;
/// The item of the monthly reports (信息报送).
pub const REPORTS_ITEM: u32 = 13;
/// The item of the funding ledger (资金投入保障机制).
pub const LEDGER_ITEM: u32 = 2;

/// A format a file's name or type claims that its first bytes deny: the
/// format's name (`PNG`), or `None` when they agree or nothing checkable
/// is claimed. An image or PDF that is not one (a renamed file, a broken
/// download) would only be found out by the inspectors. Office documents
/// and text are not checked.
pub fn claim_denied(
    name: &str,
    mime: &str,
    bytes: &[u8],
) -> Option<&'static str> {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let claims = |extensions: &[&str], types: &[&str]| {
        extension.as_deref().is_some_and(|e| extensions.contains(&e))
            || types.contains(&mime)
    };

    let (format, holds) = if claims(&["png"], &["image/png"]) {
        ("PNG", bytes.starts_with(b"\x89PNG\r\n\x1a\n"))
    } else if claims(&["jpg", "jpeg"], &["image/jpeg"]) {
        ("JPEG", bytes.starts_with(&[0xFF, 0xD8, 0xFF]))
    } else if claims(&["gif"], &["image/gif"]) {
        ("GIF", bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a"))
    } else if claims(&["webp"], &["image/webp"]) {
        let webp = bytes.get(8..12) == Some(b"WEBP".as_slice());
        ("WebP", bytes.starts_with(b"RIFF") && webp)
    } else if claims(&["pdf"], &["application/pdf"]) {
        // Readers accept the header anywhere in the first kilobyte.
        let head = &bytes[..bytes.len().min(1024)];
        ("PDF", head.windows(5).any(|w| w == b"%PDF-"))
    } else {
        return None;
    };
    (!holds).then_some(format)
}

/// SHA-256 of bytes, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl Assessment {
    /// The evidence of one holder, if the holder exists.
    pub fn evidence(&self, holder: Holder) -> Option<&Evidence> {
        match holder {
            Holder::Item(item) => self.evidence.get(&item),
            Holder::Meeting(index) => {
                match self.fact(MEETINGS_ITEM, "meetings") {
                    Some(Fact::Meetings(list)) => {
                        list.get(index).map(|m| &m.evidence)
                    }
                    _ => None,
                }
            }
            Holder::Report(index) => match self.fact(REPORTS_ITEM, "reports") {
                Some(Fact::Reports(list)) => {
                    list.get(index).map(|r| &r.evidence)
                }
                _ => None,
            },
            Holder::Expenditure(index) => {
                self.ledger.expenditures.get(index).map(|e| &e.evidence)
            }
        }
    }

    /// Changes the evidence of one holder; `false` when it does not exist
    /// (an item's evidence is created on first use). Empty item evidence is
    /// dropped, so the file stays as small as before.
    pub fn update_evidence(
        &mut self,
        holder: Holder,
        change: impl FnOnce(&mut Evidence),
    ) -> bool {
        let evidence = match holder {
            Holder::Item(item) => {
                let evidence = self.evidence.entry(item).or_default();
                change(evidence);
                if evidence.is_empty() {
                    self.evidence.remove(&item);
                }
                return true;
            }
            Holder::Meeting(index) => self
                .facts
                .get_mut(&MEETINGS_ITEM)
                .and_then(|rules| rules.get_mut("meetings"))
                .and_then(|fact| match fact {
                    Fact::Meetings(list) => {
                        list.get_mut(index).map(|m| &mut m.evidence)
                    }
                    _ => None,
                }),
            Holder::Report(index) => self
                .facts
                .get_mut(&REPORTS_ITEM)
                .and_then(|rules| rules.get_mut("reports"))
                .and_then(|fact| match fact {
                    Fact::Reports(list) => {
                        list.get_mut(index).map(|r| &mut r.evidence)
                    }
                    _ => None,
                }),
            Holder::Expenditure(index) => {
                self.ledger.expenditures.get_mut(index).map(|e| &mut e.evidence)
            }
        };
        match evidence {
            Some(evidence) => {
                change(evidence);
                true
            }
            None => false,
        }
    }

    /// Every attachment with its holder: items first (by number), then
    /// meetings, reports and ledger entries in list order.
    pub fn attachments(&self) -> Vec<(Holder, &Attachment)> {
        let mut all = Vec::new();
        for (item, evidence) in &self.evidence {
            all.extend(evidence.files.iter().map(|f| (Holder::Item(*item), f)));
        }
        if let Some(Fact::Meetings(list)) = self.fact(MEETINGS_ITEM, "meetings")
        {
            for (index, meeting) in list.iter().enumerate() {
                let holder = Holder::Meeting(index);
                all.extend(meeting.evidence.files.iter().map(|f| (holder, f)));
            }
        }
        if let Some(Fact::Reports(list)) = self.fact(REPORTS_ITEM, "reports") {
            for (index, report) in list.iter().enumerate() {
                let holder = Holder::Report(index);
                all.extend(report.evidence.files.iter().map(|f| (holder, f)));
            }
        }
        for (index, entry) in self.ledger.expenditures.iter().enumerate() {
            let holder = Holder::Expenditure(index);
            all.extend(entry.evidence.files.iter().map(|f| (holder, f)));
        }
        all
    }

    /// Bytes of every attachment.
    pub fn attachment_bytes(&self) -> u64 {
        self.attachments().iter().map(|(_, f)| f.size).sum()
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::assessment::{Community, Meeting};

    fn file(id: &str, material: Option<&str>) -> Attachment {
        Attachment {
            id: id.to_string(),
            name: format!("{id}.jpg"),
            size: 10,
            mime: "image/jpeg".to_string(),
            sha256: sha256_hex(id.as_bytes()),
            material: material.map(str::to_string),
        }
    }

    #[test]
    fn ok_claimed_formats_checked_by_their_first_bytes() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
        let pdf = b"%PDF-1.7\n%\xE2\xE3";
        let webp = b"RIFF\x24\0\0\0WEBPVP8 ";
        let cases: [(&str, &str, &[u8], Option<&str>); 12] = [
            ("a.png", "image/png", png, None),
            ("a.PNG", "", png, None),
            ("fake.png", "image/png", b"not an image at all", Some("PNG")),
            ("empty.png", "", b"", Some("PNG")),
            ("photo", "image/jpeg", &jpeg, None),
            ("photo.jpg", "image/jpeg", png, Some("JPEG")),
            ("scan.pdf", "application/pdf", pdf, None),
            ("scan.pdf", "", b"\r\n%PDF-1.4", None),
            ("scan.pdf", "application/pdf", b"<html>", Some("PDF")),
            ("a.webp", "image/webp", webp, None),
            ("notes.docx", "", b"anything", None),
            ("minutes.txt", "text/plain", b"", None),
        ];
        for (name, mime, bytes, denied) in cases {
            assert_eq!(claim_denied(name, mime, bytes), denied, "{name}");
        }
    }

    #[test]
    fn ok_mark_from_marks_and_files() {
        let mut e = Evidence::default();
        assert_eq!(e.mark("签到表"), Mark::Unmarked);

        e.set_mark("签到表", Some(false));
        assert_eq!(e.mark("签到表"), Mark::Missing);

        e.files.push(file("a", Some("签到表")));
        assert_eq!(e.mark("签到表"), Mark::Ready);
        assert_eq!(e.mark("会议记录"), Mark::Unmarked);

        e.set_mark("会议记录", Some(true));
        assert_eq!(e.mark("会议记录"), Mark::Ready);
        e.set_mark("会议记录", None);
        assert_eq!(e.mark("会议记录"), Mark::Unmarked);
    }

    #[test]
    fn ok_sha256_hex_known_value() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn ok_update_and_list_attachments() {
        let mut a = Assessment::new(Community::default(), date(2024, 12, 1));
        a.set_fact(
            5,
            "meetings",
            Fact::Meetings(vec![Meeting {
                date: date(2024, 10, 15),
                note: String::new(),
                evidence: Evidence::default(),
            }]),
        );

        assert!(a.update_evidence(Holder::Meeting(0), |e| {
            e.files.push(file("m", Some("签到表")))
        }));
        assert!(!a.update_evidence(Holder::Meeting(1), |_| {}));
        assert!(!a.update_evidence(Holder::Expenditure(0), |_| {}));
        assert!(a.update_evidence(Holder::Item(1), |e| {
            e.files.push(file("i", None))
        }));

        let listed: Vec<(Holder, &str)> = a
            .attachments()
            .into_iter()
            .map(|(h, f)| (h, f.id.as_str()))
            .collect();
        assert_eq!(
            listed,
            vec![(Holder::Item(1), "i"), (Holder::Meeting(0), "m")]
        );
        assert_eq!(a.attachment_bytes(), 20);

        // Emptied item evidence disappears from the assessment.
        a.update_evidence(Holder::Item(1), |e| e.files.clear());
        assert!(a.evidence.is_empty());
    }
}
