//! Attached files' contents in the browser's IndexedDB (database
//! `starcheck-evidence`, store `files`, key: the attachment id, value: the
//! bytes as an `ArrayBuffer`), through web-sys directly: five calls
//! (open, put, get, delete, and waiting for a transaction) did not warrant
//! a wrapper crate.
//!
//! Several files are written in one transaction, so either all of them are
//! stored or none: a full disk (`QuotaExceededError`) aborts the whole
//! transaction and the caller leaves the assessment as it was. The
//! metadata lives in the assessment (and so in the draft); this module
//! knows nothing of it. Every failure is logged and returned as a
//! [`StoreError`] with a message in either language.
//!
//! Also here: the storage estimate (used and left) and the request for
//! persistent storage, both through `navigator.storage`.

use js_sys::{Promise, Reflect, Uint8Array};
use leptos::logging::warn;
use starcheck_core::Lang;
use thiserror::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

use crate::file_io::describe;

/// The database's name.
pub const DB_NAME: &str = "starcheck-evidence";
/// The object store of file contents.
const STORE: &str = "files";

/// Why storage did not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StoreError {
    /// No IndexedDB (a very old browser, or disabled).
    #[error("IndexedDB unavailable: {0}")]
    Unavailable(String),
    /// The browser's quota is used up; nothing of the write was kept.
    #[error("storage full: {0}")]
    Quota(String),
    /// Any other failure of a request or transaction.
    #[error("storage failed: {0}")]
    Failed(String),
    /// A file whose contents are not in this browser.
    #[error("contents of `{0}` not found")]
    NotFound(String),
}

impl StoreError {
    /// A stable machine-readable code, e.g. `storage_full`.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Unavailable(_) => "storage_unavailable",
            StoreError::Quota(_) => "storage_full",
            StoreError::Failed(_) => "storage_failed",
            StoreError::NotFound(_) => "file_not_found",
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
            StoreError::Unavailable(_) => {
                "此浏览器无法保存附件(可能处于无痕模式或禁用了网站数据),请换用普通窗口"
                    .to_string()
            }
            StoreError::Quota(_) => {
                "浏览器存储空间已满,本次文件未保存;草稿和之前的附件均未受影响。请删除不需要的附件,或导出迎检包后清理空间"
                    .to_string()
            }
            StoreError::Failed(_) => {
                "浏览器未能保存或读取附件,本次操作未生效,请重试".to_string()
            }
            StoreError::NotFound(name) => format!(
                "附件“{name}”的内容不在本浏览器中(可能是在其他电脑上添加的),请重新添加或导入含该文件的迎检包"
            ),
        }
    }

    fn message_en(&self) -> String {
        match self {
            StoreError::Unavailable(_) => "This browser cannot keep attached \
                 files (it may be in private mode, or site data may be \
                 turned off): use a normal window"
                .to_string(),
            StoreError::Quota(_) => "The browser's storage is full, so \
                 these files were not saved; the draft and the files \
                 attached earlier are unaffected. Delete attached files you \
                 no longer need, or export the inspection pack and then free \
                 some space"
                .to_string(),
            StoreError::Failed(_) => "The browser could not save or read \
                 the attached files; nothing was changed, please try again"
                .to_string(),
            StoreError::NotFound(name) => format!(
                "The contents of \u{201c}{name}\u{201d} are not in this \
                 browser (it may have been attached on another computer): \
                 attach it again, or import an inspection pack that holds it"
            ),
        }
    }
}

/// A failed request or transaction, sorted by the DOMException's name.
fn classify(error: JsValue) -> StoreError {
    let name = Reflect::get(&error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    let detail = describe(&error);
    let error = if name == "QuotaExceededError" {
        StoreError::Quota(detail)
    } else {
        StoreError::Failed(format!("{name} {detail}"))
    };
    warn!("starcheck: {error}");
    error
}

/// Waits for a request's `success` (its result) or `error`.
async fn request(req: &IdbRequest) -> Result<JsValue, JsValue> {
    let target = req.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = target.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let result = ok.result().unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let failed = target.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed.error().ok().flatten().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or_default());
        });
        target.set_onsuccess(Some(on_success.unchecked_ref()));
        target.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

/// Waits for a transaction to commit (`complete`) or fail (`abort`,
/// `error`), with the transaction's error.
async fn committed(tx: &IdbTransaction) -> Result<(), JsValue> {
    let target = tx.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = target.clone();
        let on_abort = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed.error().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or_default());
        });
        target.set_oncomplete(Some(on_complete.unchecked_ref()));
        // `error` bubbles to `abort`; listening to abort alone sees both.
        target.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ())
}

/// Opens (and on first use creates) the database.
async fn open() -> Result<IdbDatabase, StoreError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| StoreError::Unavailable("no indexedDB".into()))?;
    let req: IdbOpenDbRequest = factory
        .open_with_u32(DB_NAME, 1)
        .map_err(|e| StoreError::Unavailable(describe(&e)))?;

    // Version 1 has one store, keyed by attachment id (out of line).
    let upgrading = req.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        let Ok(db) = upgrading.result() else { return };
        let db: IdbDatabase = db.unchecked_into();
        if db.object_store_names().contains(STORE) {
            return;
        }
        if let Err(error) = db.create_object_store(STORE) {
            warn!("starcheck: store not created: {}", describe(&error));
        }
    });
    req.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));

    let db = request(&req).await.map_err(|e| {
        let error = StoreError::Unavailable(describe(&e));
        warn!("starcheck: {error}");
        error
    })?;
    Ok(db.unchecked_into())
}

/// Stores files (id, bytes) in one transaction: all or none.
pub async fn put_all(files: &[(String, Vec<u8>)]) -> Result<(), StoreError> {
    if files.is_empty() {
        return Ok(());
    }
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(classify)?;
    let store = tx.object_store(STORE).map_err(classify)?;
    for (id, bytes) in files {
        let buffer = Uint8Array::from(bytes.as_slice()).buffer();
        if let Err(error) = store.put_with_key(&buffer, &JsValue::from_str(id))
        {
            let _ = tx.abort();
            return Err(classify(error));
        }
    }
    let result = committed(&tx).await.map_err(classify);
    db.close();
    result
}

/// The contents of each id, in order; the first one missing is named by
/// `names` (same order) in the error.
pub async fn get_all(
    ids: &[(String, String)],
) -> Result<Vec<Vec<u8>>, StoreError> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE).map_err(classify)?;
    let store = tx.object_store(STORE).map_err(classify)?;
    let mut out = Vec::with_capacity(ids.len());
    for (id, name) in ids {
        let req = store.get(&JsValue::from_str(id)).map_err(classify)?;
        let value = request(&req).await.map_err(classify)?;
        if value.is_undefined() || value.is_null() {
            db.close();
            return Err(StoreError::NotFound(name.clone()));
        }
        out.push(Uint8Array::new(&value).to_vec());
    }
    db.close();
    Ok(out)
}

/// Deletes contents by id (in one transaction).
pub async fn delete_all(ids: &[String]) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(classify)?;
    let store = tx.object_store(STORE).map_err(classify)?;
    for id in ids {
        store.delete(&JsValue::from_str(id)).map_err(classify)?;
    }
    let result = committed(&tx).await.map_err(classify);
    db.close();
    result
}

/// The origin's storage as the browser reports it: (used, quota) bytes.
pub async fn estimate() -> Option<(u64, u64)> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.estimate().ok()?;
    let value = JsFuture::from(promise).await.ok()?;
    let read = |key: &str| {
        Reflect::get(&value, &JsValue::from_str(key)).ok()?.as_f64()
    };
    Some((read("usage")? as u64, read("quota")? as u64))
}

/// Asks the browser to keep this site's data (no eviction under storage
/// pressure); `Some(true)` when granted.
pub async fn persist() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let persisted = JsFuture::from(storage.persisted().ok()?).await.ok()?;
    if persisted.as_bool() == Some(true) {
        return Some(true);
    }
    let granted = JsFuture::from(storage.persist().ok()?).await.ok()?;
    granted.as_bool()
}

/// A fresh attachment id: time and randomness, unique within a browser.
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{now:x}-{random:08x}")
}
