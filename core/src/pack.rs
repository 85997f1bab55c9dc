//! The inspection pack (迎检材料包): one `.zip` holding the assessment file,
//! an offline index page and every attached file, in folders named by item
//! (`05-垃圾分类工作联席会/联席会_2024-10-15/签到表-签到表.jpg`).
//!
//! Layout (format [`PACK_VERSION`]):
//!
//! - `assessment.json`: the export of [`crate::file::export`], checksum
//!   included; attachments appear there as metadata (name, size, SHA-256);
//! - `manifest.json`: which zip entry holds which attachment id;
//! - `index.html`: self-contained, Chinese, readable offline: every item
//!   with its score, deductions, materials and links to the files;
//! - the files, stored as they are.
//!
//! Entries are stored, not compressed: photos and PDFs are compressed
//! already, and leaving the deflate code out keeps the app's WebAssembly
//! small. A pack re-zipped with compression by another tool is refused
//! with a message saying so.
//!
//! [`build`] and [`read`] take and give bytes only; the app keeps the
//! contents (IndexedDB) and this module never touches storage. [`read`]
//! checks everything before it returns: the assessment file as
//! [`crate::file::import_with`] does, then every attachment's size and
//! SHA-256, so a pack that reads is complete.

mod index;
mod names;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read, Write};

use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::assessment::Assessment;
use crate::evidence::{Attachment, MAX_ATTACHMENT_BYTES, sha256_hex};
use crate::file::{self, ExportMeta, FileError, Imported};
use crate::lang::Lang;
use crate::rubric::Rubric;
use crate::words::mib;

pub use names::{entry_paths, sanitize_component};

/// The pack format this app writes and reads.
pub const PACK_VERSION: u32 = 1;

/// What `manifest.json` says it is.
const PACK_FORMAT: &str = "starcheck-pack";

/// The largest pack [`read`] opens: 600 MiB (the attachments' total limit
/// and room for the index).
pub const MAX_PACK_BYTES: u64 = 600 * 1024 * 1024;

/// The assessment file's entry.
pub const ASSESSMENT_ENTRY: &str = "assessment.json";
/// The manifest's entry.
pub const MANIFEST_ENTRY: &str = "manifest.json";
/// The index page's entry.
pub const INDEX_ENTRY: &str = "index.html";

/// Why a pack could not be built or read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PackError {
    /// Larger than [`MAX_PACK_BYTES`].
    #[error("pack is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    /// Not a zip file at all.
    #[error("not a zip file")]
    NotZip,
    /// A zip file that is cut short or damaged.
    #[error("broken zip file: {detail}")]
    Broken { detail: String },
    /// A zip file without StarCheck's manifest or assessment.
    #[error("not an inspection pack: `{missing}` is missing")]
    NotAPack { missing: &'static str },
    /// A manifest of an unknown format or a newer version.
    #[error("unsupported manifest: {detail}")]
    BadManifest { detail: String },
    /// The assessment file inside was refused.
    #[error("assessment file refused: {0}")]
    Assessment(FileError),
    /// An attachment the assessment lists is not in the pack (or, when
    /// building, its bytes were not given).
    #[error("attachment `{name}` is missing")]
    MissingFile { name: String },
    /// An entry compressed by another tool.
    #[error("entry `{path}` is compressed, which is not supported")]
    Compressed { path: String },
    /// An attachment whose bytes do not match its size or SHA-256.
    #[error("attachment `{name}` does not match its checksum")]
    ChecksumMismatch { name: String },
    /// An attachment over [`MAX_ATTACHMENT_BYTES`].
    #[error("attachment `{name}` is {size} bytes, over the limit")]
    FileTooLarge { name: String, size: u64 },
}

impl PackError {
    /// A stable machine-readable code, e.g. `pack_broken`.
    pub fn code(&self) -> &'static str {
        match self {
            PackError::TooLarge { .. } => "pack_too_large",
            PackError::NotZip => "pack_not_zip",
            PackError::Broken { .. } => "pack_broken",
            PackError::NotAPack { .. } => "pack_not_a_pack",
            PackError::BadManifest { .. } => "pack_bad_manifest",
            PackError::Assessment(error) => error.code(),
            PackError::MissingFile { .. } => "pack_missing_file",
            PackError::Compressed { .. } => "pack_compressed",
            PackError::ChecksumMismatch { .. } => "pack_checksum_mismatch",
            PackError::FileTooLarge { .. } => "pack_file_too_large",
        }
    }

    /// The message shown to users in `lang`. File names and the entries'
    /// paths are quoted as they are; a refused assessment file inside
    /// gives its own message in the same language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.message_zh(),
            Lang::En => self.message_en(),
        }
    }

    fn message_zh(&self) -> String {
        match self {
            PackError::TooLarge { size, limit } => format!(
                "迎检包有 {},超过上限 {}",
                mib(*size),
                mib(*limit)
            ),
            PackError::NotZip => {
                "所选文件不是 .zip 压缩包,请选择本程序导出的迎检包".to_string()
            }
            PackError::Broken { .. } => {
                "压缩包已损坏或不完整(可能下载未完成),无法读取,请重新导出或重新下载"
                    .to_string()
            }
            PackError::NotAPack { missing } => format!(
                "压缩包里没有 {missing},不是本程序导出的迎检包"
            ),
            PackError::BadManifest { .. } => {
                "迎检包的清单无法识别,可能由更新版本的程序导出,请升级后再导入"
                    .to_string()
            }
            PackError::Assessment(error) => format!(
                "迎检包中的自评文件无法读取:{}",
                error.message(Lang::Zh)
            ),
            PackError::MissingFile { name } => {
                format!("迎检包缺少附件“{name}”,未导入任何内容")
            }
            PackError::Compressed { path } => format!(
                "压缩包中的“{path}”被其他软件重新压缩过,无法读取,请使用本程序导出的原始迎检包"
            ),
            PackError::ChecksumMismatch { name } => format!(
                "附件“{name}”与记录的校验值不符(文件已损坏或被改动),未导入任何内容"
            ),
            PackError::FileTooLarge { name, size } => format!(
                "附件“{name}”有 {},超过单个文件 {} 的上限",
                mib(*size),
                mib(MAX_ATTACHMENT_BYTES)
            ),
        }
    }

    fn message_en(&self) -> String {
        match self {
            PackError::TooLarge { size, limit } => format!(
                "The inspection pack is {}, over the limit of {}",
                mib(*size),
                mib(*limit)
            ),
            PackError::NotZip => "The chosen file is not a .zip archive: \
                 choose an inspection pack exported by this app"
                .to_string(),
            PackError::Broken { .. } => "The archive is damaged or \
                 incomplete (the download may not have finished) and cannot \
                 be read: export or download it again"
                .to_string(),
            PackError::NotAPack { missing } => format!(
                "There is no {missing} in the archive: it is not an \
                 inspection pack exported by this app"
            ),
            PackError::BadManifest { .. } => "The pack's manifest is not \
                 recognised: the pack may come from a newer version of this \
                 app, so update it and import again"
                .to_string(),
            PackError::Assessment(error) => format!(
                "The self-assessment file in the pack cannot be read: {}",
                error.message(Lang::En)
            ),
            PackError::MissingFile { name } => format!(
                "The pack lacks the attached file \u{201c}{name}\u{201d}; \
                 nothing was imported"
            ),
            PackError::Compressed { path } => format!(
                "The entry \u{201c}{path}\u{201d} in the archive was \
                 compressed again by another program and cannot be read: use \
                 the original pack exported by this app"
            ),
            PackError::ChecksumMismatch { name } => format!(
                "The attached file \u{201c}{name}\u{201d} does not match its \
                 recorded checksum (it is damaged or was changed); nothing \
                 was imported"
            ),
            PackError::FileTooLarge { name, size } => format!(
                "The attached file \u{201c}{name}\u{201d} is {}, over the \
                 limit of {} for one file",
                mib(*size),
                mib(MAX_ATTACHMENT_BYTES)
            ),
        }
    }
}

/// `manifest.json`: the pack's format and where each attachment is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    format: String,
    format_version: u32,
    /// Attachment id → zip entry path.
    files: BTreeMap<String, String>,
}

/// A pack that was read: the assessment file as imported and every
/// attachment's bytes, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unpacked {
    pub imported: Imported,
    /// Each attachment the assessment lists, with its bytes.
    pub files: Vec<(Attachment, Vec<u8>)>,
}

/// Builds the pack of `assessment` with the attachments' bytes in
/// `contents` (by attachment id). Every attachment the assessment lists
/// must be there and match its SHA-256.
pub fn build(
    rubric: &Rubric,
    assessment: &Assessment,
    meta: &ExportMeta,
    contents: &[(Attachment, Vec<u8>)],
) -> Result<Vec<u8>, PackError> {
    // Every listed file's bytes, checked before anything is written.
    let by_id: BTreeMap<&str, &[u8]> = contents
        .iter()
        .map(|(a, bytes)| (a.id.as_str(), bytes.as_slice()))
        .collect();
    let paths = entry_paths(rubric, assessment);
    let mut files = Vec::new();
    for (_, attachment) in assessment.attachments() {
        let bytes = by_id.get(attachment.id.as_str()).ok_or_else(|| {
            PackError::MissingFile { name: attachment.name.clone() }
        })?;
        if sha256_hex(bytes) != attachment.sha256 {
            return Err(PackError::ChecksumMismatch {
                name: attachment.name.clone(),
            });
        }
        let path = paths.get(&attachment.id).cloned().unwrap_or_default();
        files.push((attachment.id.clone(), path, *bytes));
    }

    // The three documents, then the files.
    let json = file::export(rubric, assessment, meta);
    let manifest = Manifest {
        format: PACK_FORMAT.to_string(),
        format_version: PACK_VERSION,
        files: files
            .iter()
            .map(|(id, path, _)| (id.clone(), path.clone()))
            .collect(),
    };
    let manifest = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    let html = index::page(rubric, assessment, meta, &paths);

    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = options(meta.exported_at);
    let documents = [
        (INDEX_ENTRY, html.as_bytes()),
        (ASSESSMENT_ENTRY, json.as_bytes()),
        (MANIFEST_ENTRY, manifest.as_bytes()),
    ];
    let entries = documents
        .into_iter()
        .map(|(path, bytes)| (path.to_string(), bytes))
        .chain(files.into_iter().map(|(_, path, bytes)| (path, bytes)));
    for (path, bytes) in entries {
        zip.start_file(path.as_str(), options).map_err(broken)?;
        zip.write_all(bytes)
            .map_err(|e| PackError::Broken { detail: e.to_string() })?;
    }
    let cursor = zip.finish().map_err(broken)?;
    Ok(cursor.into_inner())
}

/// Stored entries stamped with the export time (1980-01-01 without one).
fn options(at: Option<DateTime>) -> SimpleFileOptions {
    let stamp = at.and_then(|at| {
        zip::DateTime::from_date_and_time(
            at.year() as u16,
            at.month() as u8,
            at.day() as u8,
            at.hour() as u8,
            at.minute() as u8,
            at.second() as u8,
        )
        .ok()
    });
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored);
    match stamp {
        Some(stamp) => options.last_modified_time(stamp),
        None => options,
    }
}

fn broken(error: zip::result::ZipError) -> PackError {
    PackError::Broken { detail: error.to_string() }
}

/// Reads and checks a pack with `rubric`. Nothing partial is returned:
/// either the assessment and every attachment, or the first refusal.
pub fn read(rubric: &Rubric, bytes: &[u8]) -> Result<Unpacked, PackError> {
    check_size(bytes.len() as u64)?;
    if !bytes.starts_with(b"PK") {
        return Err(PackError::NotZip);
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(broken)?;

    // The manifest first: it says whether this is a pack at all.
    let manifest = entry(&mut zip, MANIFEST_ENTRY, 1024 * 1024)?;
    // Read as text, as every other JSON is: one string reader in the wasm.
    let manifest: Manifest = std::str::from_utf8(&manifest)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(text).map_err(|e| e.to_string()))
        .map_err(|detail| PackError::BadManifest { detail })?;
    if manifest.format != PACK_FORMAT || manifest.format_version > PACK_VERSION
    {
        return Err(PackError::BadManifest {
            detail: format!(
                "`{}` version {}",
                manifest.format, manifest.format_version
            ),
        });
    }

    // The assessment, with every check of a plain file import.
    let json = entry(&mut zip, ASSESSMENT_ENTRY, file::MAX_FILE_BYTES as u64)?;
    let imported =
        file::import_with(rubric, &json).map_err(PackError::Assessment)?;

    // Each listed attachment, once, by size and SHA-256.
    let mut files = Vec::new();
    let mut seen = BTreeSet::new();
    for (_, attachment) in imported.assessment.attachments() {
        if !seen.insert(attachment.id.clone()) {
            continue;
        }
        let name = attachment.name.clone();
        if attachment.size > MAX_ATTACHMENT_BYTES {
            return Err(PackError::FileTooLarge {
                name,
                size: attachment.size,
            });
        }
        let path = manifest
            .files
            .get(&attachment.id)
            .ok_or_else(|| PackError::MissingFile { name: name.clone() })?;
        let bytes =
            entry(&mut zip, path, MAX_ATTACHMENT_BYTES).map_err(|error| {
                match error {
                    PackError::NotAPack { .. } => {
                        PackError::MissingFile { name: name.clone() }
                    }
                    other => other,
                }
            })?;
        if bytes.len() as u64 != attachment.size
            || sha256_hex(&bytes) != attachment.sha256
        {
            return Err(PackError::ChecksumMismatch { name });
        }
        files.push((attachment.clone(), bytes));
    }
    Ok(Unpacked { imported, files })
}

/// Refuses a pack of `size` bytes over [`MAX_PACK_BYTES`]; the app asks
/// before reading a chosen file.
pub fn check_size(size: u64) -> Result<(), PackError> {
    if size > MAX_PACK_BYTES {
        return Err(PackError::TooLarge { size, limit: MAX_PACK_BYTES });
    }
    Ok(())
}

/// The bytes of one stored entry, at most `limit` of them.
fn entry(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    path: &str,
    limit: u64,
) -> Result<Vec<u8>, PackError> {
    let missing = match path {
        MANIFEST_ENTRY => MANIFEST_ENTRY,
        _ => ASSESSMENT_ENTRY,
    };
    let file = zip.by_name(path).map_err(|error| match error {
        zip::result::ZipError::FileNotFound => PackError::NotAPack { missing },
        zip::result::ZipError::UnsupportedArchive(_) => {
            PackError::Compressed { path: path.to_string() }
        }
        other => broken(other),
    })?;
    if file.compression() != CompressionMethod::Stored {
        return Err(PackError::Compressed { path: path.to_string() });
    }
    if file.size() > limit {
        return Err(PackError::FileTooLarge {
            name: path.to_string(),
            size: file.size(),
        });
    }

    // The stated size is only a hint: read at most one byte past the
    // limit, so a lying header cannot fill the memory. The reader checks
    // the entry's CRC-32 at its end.
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| PackError::Broken { detail: e.to_string() })?;
    if bytes.len() as u64 > limit {
        return Err(PackError::FileTooLarge {
            name: path.to_string(),
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// The file name of a pack: `迎检材料包_鲤城区开元街道新春社区_2024-11-10.zip`.
pub fn file_name(assessment: &Assessment) -> String {
    let json = file::file_name(&assessment.community, assessment.as_of);
    let stem = json
        .strip_prefix("星级自评_")
        .and_then(|rest| rest.strip_suffix(".json"))
        .unwrap_or("未命名社区");
    format!("迎检材料包_{stem}.zip")
}
