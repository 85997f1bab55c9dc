//! Tests of the inspection pack: round trip, refusals, names, the index.

use std::collections::BTreeSet;
use std::io::{Cursor, Read};

use jiff::civil::date;

use super::*;
use crate::assessment::{Fact, Meeting};
use crate::evidence::{Evidence, Holder};
use crate::examples::example_a;

fn attachment(
    id: &str,
    name: &str,
    bytes: &[u8],
    material: Option<&str>,
) -> Attachment {
    Attachment {
        id: id.to_string(),
        name: name.to_string(),
        size: bytes.len() as u64,
        mime: "image/jpeg".to_string(),
        sha256: sha256_hex(bytes),
        material: material.map(str::to_string),
    }
}

/// Example A with a photo and a PDF on its October meeting, one file on
/// item 1, and their bytes.
fn with_files() -> (Assessment, Vec<(Attachment, Vec<u8>)>) {
    let mut a = example_a();
    let photo = vec![0xFF, 0xD8, 0xFF, 1, 2, 3];
    let pdf = b"%PDF-1.4 minutes".to_vec();
    let plan = b"plan".to_vec();
    let files = vec![
        (attachment("p1", "签到表.jpg", &photo, Some("签到表")), photo),
        (attachment("d1", "会议记录.pdf", &pdf, Some("会议记录")), pdf),
        (attachment("f1", "创建方案?.docx", &plan, Some("创建方案")), plan),
    ];
    let october = match a.fact(5, "meetings") {
        Some(Fact::Meetings(list)) => {
            list.iter().position(|m| m.date.month() == 10)
        }
        _ => None,
    };
    let october = october.unwrap_or_else(|| {
        a.set_fact(
            5,
            "meetings",
            Fact::Meetings(vec![Meeting {
                date: date(2024, 10, 15),
                note: String::new(),
                evidence: Evidence::default(),
            }]),
        );
        0
    });
    let (first, second, third) =
        (files[0].0.clone(), files[1].0.clone(), files[2].0.clone());
    assert!(a.update_evidence(Holder::Meeting(october), |e| {
        e.files.push(first);
        e.files.push(second);
    }));
    a.update_evidence(Holder::Item(1), |e| e.files.push(third));
    (a, files)
}

fn meta() -> ExportMeta {
    ExportMeta {
        app_version: "0.1.0".to_string(),
        exported_at: Some(date(2024, 11, 10).at(9, 30, 0, 0)),
    }
}

fn entry_text(pack: &[u8], name: &str) -> String {
    let mut zip = ZipArchive::new(Cursor::new(pack)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name).expect("entry").read_to_string(&mut text).expect("utf-8");
    text
}

#[test]
fn ok_round_trip_restores_assessment_and_files() {
    let rubric = Rubric::quanzhou_2024();
    let (a, files) = with_files();
    let pack = build(&rubric, &a, &meta(), &files).expect("builds");

    let back = read(&rubric, &pack).expect("reads");
    assert_eq!(back.imported.assessment, a);
    let mut got = back.files.clone();
    got.sort();
    let mut want = files.clone();
    want.sort();
    assert_eq!(got, want);

    // Built twice from the same input, the same bytes.
    assert_eq!(build(&rubric, &a, &meta(), &files).ok(), Some(pack));
}

#[test]
fn ok_layout_folders_by_item_and_index_names_files() {
    let rubric = Rubric::quanzhou_2024();
    let (a, files) = with_files();
    let pack = build(&rubric, &a, &meta(), &files).expect("builds");
    let zip = ZipArchive::new(Cursor::new(pack.as_slice())).expect("zip");
    let names: Vec<&str> = zip.file_names().collect();
    assert!(names.contains(&"index.html"));
    assert!(names.contains(&"assessment.json"));
    assert!(names.contains(&"manifest.json"));
    let meeting = names
        .iter()
        .find(|n| n.ends_with("签到表-签到表.jpg"))
        .expect("photo entry");
    assert!(
        meeting.starts_with("05-垃圾分类工作联席会/联席会_2024-10-"),
        "{meeting}"
    );
    assert!(names.iter().any(
        |n| n.starts_with("01-") && n.ends_with("创建方案-创建方案_.docx")
    ));

    let html = entry_text(&pack, "index.html");
    let item5 = html.split("data-item=\"5\"").nth(1).expect("item 5");
    let item5 = item5.split("</section>").next().unwrap_or_default();
    assert!(item5.contains("签到表.jpg"));
    assert!(item5.contains("会议记录.pdf"));
    assert!(item5.contains("得分"));
    assert!(!html.contains("<script"));
    assert!(html.contains("导出于 2024-11-10 09:30,"), "{html}");

    // The assessment file inside lists names and sizes, not contents.
    let json = entry_text(&pack, "assessment.json");
    assert!(json.contains("\"name\": \"签到表.jpg\""));
    assert!(json.contains("\"size\": 6"));
}

#[test]
fn err_broken_and_truncated_zips_refused() {
    let rubric = Rubric::quanzhou_2024();
    let (a, files) = with_files();
    let pack = build(&rubric, &a, &meta(), &files).expect("builds");

    let cases: Vec<(Vec<u8>, &str)> = vec![
        (pack[..pack.len() / 2].to_vec(), "pack_broken"),
        (pack[..pack.len() - 10].to_vec(), "pack_broken"),
        (b"{\"not\":\"zip\"}".to_vec(), "pack_not_zip"),
        (Vec::new(), "pack_not_zip"),
    ];
    for (bytes, code) in cases {
        let error = read(&rubric, &bytes).expect_err("refused");
        assert_eq!(error.code(), code, "{error}");
        assert!(!error.message(Lang::Zh).is_empty());
        assert!(!error.message(Lang::En).is_empty());
    }
    let broken = read(&rubric, &pack[..pack.len() / 2]).err();
    assert_eq!(
        broken.as_ref().map(|e| e.message(Lang::Zh)).as_deref(),
        Some(
            "压缩包已损坏或不完整(可能下载未完成),无法读取,请重新导出或重新下载"
        )
    );
    assert_eq!(
        broken.map(|e| e.message(Lang::En)).as_deref(),
        Some(
            "The archive is damaged or incomplete (the download may not have \
             finished) and cannot be read: export or download it again"
        )
    );
}

/// One of each refusal, with Chinese names where users give them.
fn every_refusal() -> Vec<PackError> {
    vec![
        PackError::TooLarge { size: 700 * 1024 * 1024, limit: MAX_PACK_BYTES },
        PackError::NotZip,
        PackError::Broken { detail: "unexpected end".into() },
        PackError::NotAPack { missing: MANIFEST_ENTRY },
        PackError::BadManifest { detail: "`other` version 9".into() },
        PackError::Assessment(FileError::Empty),
        PackError::MissingFile { name: "签到表.jpg".into() },
        PackError::Compressed { path: "05-联席会/会议记录.pdf".into() },
        PackError::ChecksumMismatch { name: "会议记录.pdf".into() },
        PackError::FileTooLarge {
            name: "扫描件.pdf".into(),
            size: 25 * 1024 * 1024,
        },
    ]
}

#[test]
fn ok_every_refusal_has_an_english_sentence() {
    let refusals = every_refusal();
    let codes: BTreeSet<&str> = refusals.iter().map(|e| e.code()).collect();
    assert_eq!(codes.len(), refusals.len(), "one of each variant");
    for error in &refusals {
        let en = error.message(Lang::En);
        let zh = error.message(Lang::Zh);
        assert!(en.starts_with(char::is_uppercase), "{en}");
        assert!(!en.ends_with('.'), "{en}");
        assert!(!crate::lang::has_han_outside_quotes(&en), "{en}");
        assert!(crate::lang::has_han(&zh), "{zh}");
        assert_ne!(en, zh);
    }
}

#[test]
fn ok_english_refusals_read_plainly() {
    let cases: Vec<(PackError, &str)> = vec![
        (
            PackError::TooLarge {
                size: 700 * 1024 * 1024,
                limit: MAX_PACK_BYTES,
            },
            "The inspection pack is 700 MiB, over the limit of 600 MiB",
        ),
        (
            PackError::NotAPack { missing: MANIFEST_ENTRY },
            "There is no manifest.json in the archive: it is not an \
             inspection pack exported by this app",
        ),
        (
            PackError::Assessment(FileError::Empty),
            "The self-assessment file in the pack cannot be read: The file is \
             empty",
        ),
        (
            PackError::MissingFile { name: "签到表.jpg".into() },
            "The pack lacks the attached file \u{201c}签到表.jpg\u{201d}; \
             nothing was imported",
        ),
        (
            PackError::FileTooLarge {
                name: "扫描件.pdf".into(),
                size: 25 * 1024 * 1024,
            },
            "The attached file \u{201c}扫描件.pdf\u{201d} is 25 MiB, over the \
             limit of 20 MiB for one file",
        ),
    ];
    for (error, want) in cases {
        assert_eq!(error.message(Lang::En), want);
    }
    assert_eq!(
        PackError::FileTooLarge {
            name: "扫描件.pdf".into(), size: 25 << 20
        }
        .message(Lang::Zh),
        "附件“扫描件.pdf”有 25 MiB,超过单个文件 20 MiB 的上限"
    );
}

#[test]
fn err_entry_just_over_the_limit_never_reads_as_the_limit() {
    // 20.5 MiB: whole MiB would have said "20 MB, over the limit of 20 MB".
    let error = PackError::FileTooLarge {
        name: "扫描件.pdf".into(),
        size: 20 * 1024 * 1024 + 512 * 1024,
    };
    assert_eq!(
        error.message(Lang::En),
        "The attached file \u{201c}扫描件.pdf\u{201d} is 20.50 MiB, over the \
         limit of 20 MiB for one file"
    );
    assert_eq!(
        error.message(Lang::Zh),
        "附件“扫描件.pdf”有 20.50 MiB,超过单个文件 20 MiB 的上限"
    );
    let error =
        PackError::TooLarge { size: MAX_PACK_BYTES + 1, limit: MAX_PACK_BYTES };
    assert_eq!(error.message(Lang::Zh), "迎检包有 600.01 MiB,超过上限 600 MiB");
}

#[test]
fn err_changed_file_in_pack_fails_checksum() {
    let rubric = Rubric::quanzhou_2024();
    let (a, files) = with_files();
    let mut pack = build(&rubric, &a, &meta(), &files).expect("builds");

    // Flip a byte of the PDF's contents inside the stored entry: the
    // entry's CRC no longer matches, the pack is refused.
    let at = pack.windows(8).position(|w| w == b"%PDF-1.4").expect("pdf bytes");
    pack[at + 9] ^= 0x20;
    let error = read(&rubric, &pack).expect_err("refused");
    assert!(
        matches!(error.code(), "pack_broken" | "pack_checksum_mismatch"),
        "{error}"
    );
}

#[test]
fn err_wrong_bytes_given_to_build() {
    let rubric = Rubric::quanzhou_2024();
    let (a, mut files) = with_files();
    files[0].1.push(0);
    let error = build(&rubric, &a, &meta(), &files).err();
    assert_eq!(
        error,
        Some(PackError::ChecksumMismatch { name: "签到表.jpg".into() })
    );

    files.remove(0);
    let error = build(&rubric, &a, &meta(), &files).err();
    assert_eq!(
        error,
        Some(PackError::MissingFile { name: "签到表.jpg".into() })
    );
}

#[test]
fn err_plain_zip_is_not_a_pack() {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored);
    zip.start_file("readme.txt", options).expect("entry");
    zip.write_all(b"hello").expect("write");
    let bytes = zip.finish().expect("finish").into_inner();
    let error = read(&Rubric::quanzhou_2024(), &bytes).err();
    assert_eq!(error, Some(PackError::NotAPack { missing: "manifest.json" }));
}

#[test]
fn ok_sanitize_components() {
    let cases = [
        ("签到表.jpg", "签到表.jpg"),
        ("a/b\\c:d*e?f\"g<h>i|j.pdf", "a_b_c_d_e_f_g_h_i_j.pdf"),
        ("  . hidden. ", "hidden"),
        ("CON.txt", "_CON.txt"),
        ("lpt1", "_lpt1"),
        ("", "未命名"),
        ("...", "未命名"),
        ("tab\there", "tab_here"),
    ];
    for (input, want) in cases {
        assert_eq!(sanitize_component(input), want, "{input:?}");
    }
    let long = format!("{}.jpeg", "长".repeat(100));
    let cut = sanitize_component(&long);
    assert_eq!(cut.chars().count(), 60);
    assert!(cut.ends_with(".jpeg"));
}

#[test]
fn ok_same_names_get_numbered() {
    let rubric = Rubric::quanzhou_2024();
    let mut a = example_a();
    let bytes = b"x".to_vec();
    a.update_evidence(Holder::Item(3), |e| {
        e.files.push(attachment("a", "照片.jpg", &bytes, None));
        e.files.push(attachment("b", "照片.JPG", &bytes, None));
        e.files.push(attachment("c", "index.html", &bytes, None));
    });
    let paths = entry_paths(&rubric, &a);
    let folder = "03-纳入邻里中心功能布局";
    let got: Vec<&str> = ["a", "b"]
        .iter()
        .filter_map(|id| paths.get(*id).map(String::as_str))
        .collect();
    assert_eq!(got.len(), 2);
    assert!(got[0].ends_with("/照片.jpg"), "{}", got[0]);
    assert!(got[1].ends_with("/照片 (2).JPG"), "{}", got[1]);
    assert!(
        got.iter().all(|p| p.starts_with(folder) || p.starts_with("03-")),
        "{got:?}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any names and contents: every file gets its own path, safe in every
    /// part, and the pack reads back to the same assessment and bytes.
    #[test]
    fn prop_any_names_round_trip(
        files in proptest::collection::vec(
            (".{0,40}", proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64), 0usize..4),
            1..8,
        )
    ) {
        let rubric = Rubric::quanzhou_2024();
        let mut a = example_a();
        let holders = [Holder::Item(1), Holder::Item(14), Holder::Meeting(0), Holder::Expenditure(0)];
        let mut contents = Vec::new();
        for (n, (name, bytes, at)) in files.iter().enumerate() {
            let meta = attachment(&format!("id{n}"), name, bytes, None);
            a.update_evidence(holders[*at], |e| e.files.push(meta.clone()));
            contents.push((meta, bytes.clone()));
        }

        let paths = entry_paths(&rubric, &a);
        let unique: std::collections::BTreeSet<String> =
            paths.values().map(|p| p.to_lowercase()).collect();
        proptest::prop_assert_eq!(unique.len(), paths.len());
        for path in paths.values() {
            for part in path.split('/') {
                proptest::prop_assert_eq!(sanitize_component(part), part);
            }
        }

        let pack = build(&rubric, &a, &meta(), &contents);
        proptest::prop_assert!(pack.is_ok());
        let back = read(&rubric, &pack.unwrap_or_default());
        proptest::prop_assert_eq!(back.as_ref().map(|b| &b.imported.assessment).ok(), Some(&a));
        let got = back.map(|b| b.files.len()).unwrap_or_default();
        proptest::prop_assert_eq!(got, contents.len());
    }
}

#[test]
fn ok_bonus_item_files_listed_under_their_part() {
    let rubric = Rubric::quanzhou_2024();
    let mut a = example_a();
    let bytes = b"commendation".to_vec();
    let file = attachment("b1", "市领导批示.pdf", &bytes, Some("表扬批示"));
    a.update_evidence(Holder::Item(14), |e| e.files.push(file.clone()));
    let pack = build(&rubric, &a, &meta(), &[(file, bytes)]).expect("builds");

    let html = entry_text(&pack, "index.html");
    let item14 = html.split("data-item=\"14\"").nth(1).expect("item 14");
    let row =
        item14.split("</tr>").find(|r| r.contains("表扬批示")).expect("row");
    assert!(row.contains("✓ 已备"), "{row}");
    assert!(row.contains("市领导批示.pdf"), "{row}");
    let zip = ZipArchive::new(Cursor::new(pack.as_slice())).expect("zip");
    assert!(
        zip.file_names()
            .any(|n| n == "14-工作收到肯定或表扬/表扬批示-市领导批示.pdf")
    );
}
