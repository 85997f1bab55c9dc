//! Attaching files to what they prove, and taking them off again: the
//! steps between the file picker and the assessment. Contents go to
//! IndexedDB ([`crate::evidence_store`]) first, in one transaction; only
//! once they are stored does the metadata join the assessment (and so the
//! draft). A refusal or a full disk leaves the assessment as it was.

use leptos::logging::warn;
use leptos::prelude::*;
use starcheck_core::evidence::{
    MAX_ATTACHMENT_BYTES, MAX_TOTAL_BYTES, claim_denied, sha256_hex,
};
use starcheck_core::{Attachment, Document, Holder, Lang, mib};
use thiserror::Error;
use wasm_bindgen_futures::JsFuture;

use crate::evidence_store::{self, StoreError};
use crate::file_io::describe;
use crate::state::AppState;

/// Why files were not attached.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum AttachError {
    /// One file over [`MAX_ATTACHMENT_BYTES`] (after shrinking).
    #[error("`{name}` is {size} bytes, over the limit")]
    TooLarge { name: String, size: u64 },
    /// All attachments together would pass [`MAX_TOTAL_BYTES`].
    #[error("total would be {total} bytes, over the limit")]
    TotalTooLarge { total: u64 },
    /// The name or type says PNG, JPEG, GIF, WebP or PDF and the content
    /// is not that: renamed, or damaged.
    #[error("`{name}` is not a {format} file")]
    NotWhatItSays { name: String, format: &'static str },
    /// The browser could not read a chosen file.
    #[error("`{name}` not read: {detail}")]
    Read { name: String, detail: String },
    /// Storage refused.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The entry was removed while the files were being stored.
    #[error("the entry is gone")]
    Gone,
}

impl AttachError {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            AttachError::TooLarge { .. } => "file_too_large",
            AttachError::TotalTooLarge { .. } => "total_too_large",
            AttachError::NotWhatItSays { .. } => "not_what_it_says",
            AttachError::Read { .. } => "read_failed",
            AttachError::Store(error) => error.code(),
            AttachError::Gone => "entry_gone",
        }
    }

    /// The message shown to users in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.message_zh(),
            Lang::En => self.message_en(),
        }
    }

    fn message_zh(&self) -> String {
        match self {
            AttachError::TooLarge { name, size } => format!(
                "“{name}”有 {},超过单个文件 {} 的上限,未添加",
                mib(*size),
                mib(MAX_ATTACHMENT_BYTES)
            ),
            AttachError::TotalTooLarge { total } => format!(
                "添加后附件合计 {},超过 {} 的上限,未添加;请先删除不需要的附件",
                mib(*total),
                mib(MAX_TOTAL_BYTES)
            ),
            AttachError::NotWhatItSays { name, format } => format!(
                "“{name}”的内容不是 {format} 文件(可能改过扩展名或已损坏),未添加"
            ),
            AttachError::Read { name, .. } => {
                format!("浏览器未能读取“{name}”,请重新选择")
            }
            AttachError::Store(error) => error.message(Lang::Zh),
            AttachError::Gone => "该条目已被删除,文件未添加".to_string(),
        }
    }

    fn message_en(&self) -> String {
        match self {
            AttachError::TooLarge { name, size } => format!(
                "\u{201c}{name}\u{201d} is {}, over the {} limit for one \
                 file; it was not added",
                mib(*size),
                mib(MAX_ATTACHMENT_BYTES)
            ),
            AttachError::TotalTooLarge { total } => format!(
                "With these files the attachments would total {}, over the \
                 {} limit; nothing was added. Delete attached files you no \
                 longer need first",
                mib(*total),
                mib(MAX_TOTAL_BYTES)
            ),
            AttachError::NotWhatItSays { name, format } => format!(
                "\u{201c}{name}\u{201d} does not hold a {format} file (renamed, \
                 or damaged); it was not added"
            ),
            AttachError::Read { name, .. } => format!(
                "The browser could not read \u{201c}{name}\u{201d}; choose \
                 it again"
            ),
            AttachError::Store(error) => error.message(Lang::En),
            AttachError::Gone => {
                "That entry was deleted, so the files were not added"
                    .to_string()
            }
        }
    }
}

/// `350 KiB`, `2.41 MiB`: the core's [`starcheck_core::size`], in the same
/// units as the limits the messages name, in either language.
pub fn size_text(bytes: u64) -> String {
    starcheck_core::size(bytes)
}

/// One file attached, as the page reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Added {
    pub name: String,
    /// The chosen file's size.
    pub original: u64,
    /// The stored size (smaller when the photo was shrunk).
    pub stored: u64,
}

/// Reads, shrinks (photos, unless `keep_original`), checks and stores
/// `files`, then adds their metadata to `holder` under `material`.
pub async fn attach(
    state: AppState,
    holder: Holder,
    material: Option<String>,
    files: Vec<web_sys::File>,
    keep_original: bool,
) -> Result<Vec<Added>, AttachError> {
    // Each file read and checked before any is stored.
    let mut ready = Vec::new();
    let mut added = Vec::new();
    for file in files {
        let name = file.name();
        let mime = file.type_();
        let original = file.size() as u64;
        let photo = crate::shrink::is_photo(&mime);
        if original > MAX_ATTACHMENT_BYTES && (!photo || keep_original) {
            return Err(AttachError::TooLarge { name, size: original });
        }
        let bytes = JsFuture::from(file.array_buffer())
            .await
            .map(|b| js_sys::Uint8Array::new(&b).to_vec())
            .map_err(|e| AttachError::Read {
                name: name.clone(),
                detail: describe(&e),
            })?;
        if let Some(format) = claim_denied(&name, &mime, &bytes) {
            return Err(AttachError::NotWhatItSays { name, format });
        }
        let (bytes, mime) = match photo && !keep_original {
            true => match crate::shrink::shrink(&bytes, &mime).await {
                Some(shrunk) => (shrunk, "image/jpeg".to_string()),
                None => (bytes, mime),
            },
            false => (bytes, mime),
        };
        let size = bytes.len() as u64;
        if size > MAX_ATTACHMENT_BYTES {
            return Err(AttachError::TooLarge { name, size });
        }
        let meta = Attachment {
            id: evidence_store::new_id(),
            name: name.clone(),
            size,
            mime,
            sha256: sha256_hex(&bytes),
            material: material.clone(),
        };
        added.push(Added { name, original, stored: size });
        ready.push((meta, bytes));
    }

    // The total stays within the limit.
    let before = state.assessment.with_untracked(|a| a.attachment_bytes());
    let total = before + ready.iter().map(|(m, _)| m.size).sum::<u64>();
    if total > MAX_TOTAL_BYTES {
        return Err(AttachError::TotalTooLarge { total });
    }

    // Contents first, all in one transaction; then the metadata.
    let contents: Vec<(String, Vec<u8>)> =
        ready.iter().map(|(m, b)| (m.id.clone(), b.clone())).collect();
    evidence_store::put_all(&contents).await?;
    let metas: Vec<Attachment> = ready.into_iter().map(|(m, _)| m).collect();
    let mut found = false;
    state.update_assessment(|a| {
        found = a.update_evidence(holder, |e| e.files.extend(metas.clone()));
        if let Holder::Expenditure(index) = holder {
            mark_voucher(a, index, material.as_deref());
        }
    });
    if !found {
        let ids: Vec<String> = metas.iter().map(|m| m.id.clone()).collect();
        let _ = evidence_store::delete_all(&ids).await;
        return Err(AttachError::Gone);
    }
    Ok(added)
}

/// A voucher attached to a ledger entry puts the voucher on file.
fn mark_voucher(
    a: &mut starcheck_core::Assessment,
    index: usize,
    material: Option<&str>,
) {
    let Some(entry) = a.ledger.expenditures.get_mut(index) else { return };
    match Document::ALL.into_iter().find(|d| Some(d.label_zh()) == material) {
        Some(Document::TransferVoucher) => {
            entry.documents.transfer_voucher = true;
        }
        Some(Document::PaymentVoucher) => {
            entry.documents.payment_voucher = true;
        }
        None => {}
    }
}

/// Takes a file off `holder`, then releases its contents.
pub fn remove(state: AppState, holder: Holder, id: String) {
    state.update_assessment(|a| {
        a.update_evidence(holder, |e| e.files.retain(|f| f.id != id));
    });
    release(vec![id]);
}

/// The ids of the files of `holder`, before it is removed.
pub fn ids_of(state: AppState, holder: Holder) -> Vec<String> {
    state.assessment.with_untracked(|a| {
        a.evidence(holder)
            .map(|e| e.files.iter().map(|f| f.id.clone()).collect())
            .unwrap_or_default()
    })
}

/// Deletes the contents of files no longer listed: once the draft is
/// saved, those that no saved draft in this browser names any more (a
/// copied draft shares its files with the original).
pub fn release(ids: Vec<String>) {
    if ids.is_empty() {
        return;
    }
    if let Some(drafts) = use_context::<crate::storage::Drafts>() {
        drafts.save_now();
    }
    forget_unused(ids);
}

/// Deletes the contents of those of `ids` that no stored draft names,
/// without saving first: for a draft just deleted, whose files the
/// content on screen no longer names either.
pub fn forget_unused(ids: Vec<String>) {
    let unused: Vec<String> = ids
        .into_iter()
        .filter(|id| !crate::storage::stored_drafts_mention(id))
        .collect();
    if unused.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        if let Err(error) = evidence_store::delete_all(&unused).await {
            warn!("starcheck: attachment contents kept: {error}");
        }
    });
}

/// The ids of every file attached anywhere in `assessment`.
pub fn all_ids(assessment: &starcheck_core::Assessment) -> Vec<String> {
    assessment.attachments().iter().map(|(_, f)| f.id.clone()).collect()
}
