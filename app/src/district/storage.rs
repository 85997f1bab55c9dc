//! The district page's loaded set in local storage (gloo-storage), under
//! one key, [`SET_KEY`], as a versioned [`SetEnvelope`]: the quotas and the
//! text of every accepted file, so that reading it back goes through the
//! same import checks as a chosen file.
//!
//! Fault handling follows the drafts' (see [`crate::storage`], whose
//! [`storage_available`] check and [`StorageError`] this module reuses): a
//! storage that is missing or full leaves the page working in memory and
//! says so; a stored set that cannot be read (damaged, written by a newer
//! app, or holding a file that no longer imports) is never written over
//! until the user has downloaded it or chosen to discard it.
//!
//! A refused write is sorted (full, switched off, other) by the same
//! conversion from gloo's error as a draft's.

use gloo_storage::{LocalStorage, Storage};
use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};
use starcheck_core::Text;

pub use crate::storage::{StorageError, storage_available};

/// The key of the district page's set.
pub const SET_KEY: &str = "starcheck.district";

/// What a [`SetEnvelope`] says it is.
const SET_FORMAT: &str = "starcheck-district-set";

/// The envelope version this app writes and reads.
const SET_VERSION: u32 = 1;

/// The stored form of the loaded set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetEnvelope {
    /// Always `starcheck-district-set`.
    pub format: String,
    pub format_version: u32,
    /// Local civil time of the save.
    #[serde(deserialize_with = "starcheck_core::dates::de_date_time")]
    pub saved_at: DateTime,
    /// The quotas the office set, one per tier; `None`: the rubric's.
    #[serde(default)]
    pub quotas: Option<Vec<u32>>,
    pub files: Vec<StoredFile>,
}

/// One accepted file, as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    pub file_name: String,
    /// The export document (`starcheck_core::file`).
    pub document: String,
}

impl SetEnvelope {
    /// An envelope of the current version.
    pub fn new(
        saved_at: DateTime,
        quotas: Option<Vec<u32>>,
        files: Vec<StoredFile>,
    ) -> SetEnvelope {
        SetEnvelope {
            format: SET_FORMAT.to_string(),
            format_version: SET_VERSION,
            saved_at,
            quotas,
            files,
        }
    }
}

/// What storage holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    /// Storage cannot be reached.
    Unavailable,
    /// Nothing stored yet.
    Absent,
    Set(SetEnvelope),
    /// Something that cannot be read, exactly as found, and why.
    Unreadable {
        raw: String,
        reason: Text,
    },
}

/// The most text a browser keeps in local storage for one site: 5 Mi
/// UTF-16 code units (Chromium allows 10 MiB of UTF-16, Firefox and Safari
/// about 5 MB).
pub const MOST_CHARS: usize = 5 * 1024 * 1024;

/// Whether files holding `texts` surely do not fit in local storage: a
/// thousand files do not, and writing them would copy every text only to
/// be refused, holding the page for a moment.
pub fn surely_too_large<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let mut chars = 0usize;
    for text in texts {
        chars = chars.saturating_add(text.chars().count());
        if chars > MOST_CHARS {
            return true;
        }
    }
    false
}

/// Reads the stored set.
pub fn load() -> Stored {
    if !storage_available() {
        return Stored::Unavailable;
    }
    match LocalStorage::raw().get_item(SET_KEY) {
        Err(_) => Stored::Unavailable,
        Ok(None) => Stored::Absent,
        Ok(Some(raw)) => match parse(&raw) {
            Ok(envelope) => Stored::Set(envelope),
            Err(reason) => Stored::Unreadable { raw, reason },
        },
    }
}

/// Writes the set.
pub fn save(envelope: &SetEnvelope) -> Result<(), StorageError> {
    if !storage_available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::set(SET_KEY, envelope).map_err(StorageError::from)
}

/// Removes the stored set (after the user chose to discard it).
pub fn remove() {
    if storage_available() {
        LocalStorage::delete(SET_KEY);
    }
}

/// An envelope of the version this app reads, or why not.
pub fn parse(raw: &str) -> Result<SetEnvelope, Text> {
    #[derive(Deserialize)]
    struct Head {
        format: Option<String>,
        format_version: Option<u64>,
    }
    let head: Head = serde_json::from_str(raw).map_err(|_| {
        Text::new(
            "保存的内容已损坏,不是有效的 JSON",
            "the stored content is damaged: it is not valid JSON",
        )
    })?;
    if head.format.as_deref() != Some(SET_FORMAT) {
        return Err(Text::new(
            "保存的内容不是全区对照的文件集",
            "the stored content is not a district file set",
        ));
    }
    match head.format_version {
        Some(v) if v == u64::from(SET_VERSION) => {}
        Some(v) if v > u64::from(SET_VERSION) => {
            return Err(Text::new(
                format!(
                    "文件集由更新版本的星级自评保存(第 {v} 版),本程序无法读取"
                ),
                format!(
                    "the file set was stored by a newer StarCheck (version \
                     {v}), which this app cannot read"
                ),
            ));
        }
        _ => {
            return Err(Text::new(
                "文件集的版本号无效,本程序无法读取",
                "the file set's version number is not valid; this app cannot \
                 read it",
            ));
        }
    }
    serde_json::from_str(raw).map_err(|_| {
        Text::new(
            "保存的文件集已损坏,部分内容无法读取",
            "the stored file set is damaged; part of it cannot be read",
        )
    })
}

/// The message shown for a failed save.
pub fn save_error(error: &StorageError) -> Text {
    let (zh, en) = match error {
        StorageError::Unavailable => (
            "浏览器存储不可用:载入的文件只保留在本页内存中,刷新或关闭页面后需要重新载入",
            "Browser storage is not available: the loaded files are kept in \
             this page's memory only and must be loaded again after a reload \
             or once the page is closed",
        ),
        StorageError::Full => (
            "浏览器存储已满:载入的文件只保留在本页内存中,刷新或关闭页面后需要重新载入",
            "Browser storage is full: the loaded files are kept in this \
             page's memory only and must be loaded again after a reload or \
             once the page is closed",
        ),
        StorageError::Other(_) => (
            "浏览器拒绝保存:载入的文件只保留在本页内存中,刷新或关闭页面后需要重新载入",
            "The browser refused to save: the loaded files are kept in this \
             page's memory only and must be loaded again after a reload or \
             once the page is closed",
        ),
    };
    Text::new(zh, en)
}
