//! Files in and out of the browser: the download of an export, the reading
//! of a chosen file, and the local clock that stamps both. Every failure is
//! logged to the console and returned as a [`FileIoError`] with a message
//! for the page in either language; nothing here changes the assessment.
//!
//! Reading goes through `starcheck_core::file::import_with`, which accepts
//! UTF-8 only. A file that is not UTF-8 gets one more chance: the browser's
//! own GB18030 decoder (a superset of GBK), in fatal mode so that a byte it
//! cannot map refuses the file instead of becoming a replacement character.
//! Only when that text then imports cleanly is the file taken, and the
//! page says it was read as GB18030.

use jiff::civil::{Date, DateTime};
use leptos::logging::warn;
use starcheck_core::file::{self, ExportMeta, Imported};
use starcheck_core::{Assessment, FileError, Rubric};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The app's version, written into every export.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Why a download or an upload failed in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FileIoError {
    /// The browser refused to build or click the download link.
    #[error("download failed: {0}")]
    Download(String),
    /// The browser could not read the chosen file.
    #[error("reading the file failed: {0}")]
    Read(String),
    /// The chosen file is over the import limit, so it was not read at
    /// all; always [`FileError::TooLarge`].
    #[error("file not read: {0}")]
    TooLarge(FileError),
}

impl FileIoError {
    /// A stable machine-readable code, e.g. `read_failed`.
    pub fn code(&self) -> &'static str {
        match self {
            FileIoError::Download(_) => "download_failed",
            FileIoError::Read(_) => "read_failed",
            FileIoError::TooLarge(refusal) => refusal.code(),
        }
    }

    /// The message shown to users, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            FileIoError::Download(_) => {
                "浏览器未能下载文件,请重试,或换用其他浏览器".to_string()
            }
            FileIoError::Read(_) => {
                "浏览器未能读取所选文件,请重新选择".to_string()
            }
            FileIoError::TooLarge(refusal) => refusal.message_zh(),
        }
    }

    /// The message shown to users in `lang`.
    pub fn message(&self, lang: starcheck_core::Lang) -> String {
        match (lang, self) {
            (starcheck_core::Lang::Zh, _) => self.message_zh(),
            (_, FileIoError::Download(_)) => "The browser could not download \
                 the file; try again, or use another browser"
                .to_string(),
            (_, FileIoError::Read(_)) => {
                "The browser could not read the chosen file; choose it again"
                    .to_string()
            }
            (lang, FileIoError::TooLarge(refusal)) => refusal.message(lang),
        }
    }
}

/// The local civil date-time now, to the second (never through UTC).
pub fn now_local() -> DateTime {
    let now = js_sys::Date::new_0();
    let date = Date::new(
        now.get_full_year() as i16,
        (now.get_month() + 1) as i8,
        now.get_date() as i8,
    );

    // The browser's fields always make a real time; the fallback only
    // keeps this total under a strange clock.
    let date = date.unwrap_or(Date::constant(2024, 12, 31));
    date.at(
        now.get_hours() as i8,
        now.get_minutes() as i8,
        now.get_seconds() as i8,
        0,
    )
}

/// `14:32`, as the save state shows times.
pub fn hour_minute(at: DateTime) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

/// The export of an assessment, stamped now.
pub fn export_text(rubric: &Rubric, assessment: &Assessment) -> String {
    let meta = ExportMeta {
        app_version: APP_VERSION.to_string(),
        exported_at: Some(now_local()),
    };
    file::export(rubric, assessment, &meta)
}

/// Downloads the export of `assessment` under its file name, e.g.
/// `星级自评_鲤城区开元街道新春社区_2024-11-10.json`.
pub fn download_export(
    rubric: &Rubric,
    assessment: &Assessment,
) -> Result<String, FileIoError> {
    let name = file::file_name(&assessment.community, assessment.as_of);
    let text = export_text(rubric, assessment);
    download(&name, "application/json", &text)?;
    Ok(name)
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), FileIoError> {
    let result = try_download(name, mime, text)
        .map_err(|e| FileIoError::Download(describe(&e)));
    if let Err(error) = &result {
        warn!("starcheck: {error}");
    }
    result
}

/// Offers `bytes` as a file download named `name` (a pack, an
/// attachment).
pub fn download_bytes(
    name: &str,
    mime: &str,
    bytes: &[u8],
) -> Result<(), FileIoError> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let result = blob_download(name, mime, &parts)
        .map_err(|e| FileIoError::Download(describe(&e)));
    if let Err(error) = &result {
        warn!("starcheck: {error}");
    }
    result
}

fn try_download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    // A Blob of the text behind an object URL, clicked through a
    // temporary <a download>; nothing leaves the browser.
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    blob_download(name, &format!("{mime};charset=utf-8"), &parts)
}

/// Clicks a temporary `<a download>` for a Blob of `parts`.
fn blob_download(
    name: &str,
    mime: &str,
    parts: &js_sys::Array,
) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;

    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    // `hidden`, not a style attribute, which the page's policy refuses.
    link.set_hidden(true);
    let body = document.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&link)?;
    link.click();
    link.remove();

    // The download reads the blob after the click returns: revoking the
    // URL at once can cancel it, so the URL goes a minute later.
    leptos::prelude::set_timeout(
        move || {
            if let Err(error) = web_sys::Url::revoke_object_url(&url) {
                warn!("starcheck: object URL kept: {}", describe(&error));
            }
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// The bytes of a chosen file. A file over the import limit is refused
/// by its size alone, before a byte is read: reading a 400 MB file only
/// to refuse it took seconds and as much memory.
pub async fn read_bytes(
    chosen: &web_sys::File,
) -> Result<Vec<u8>, FileIoError> {
    // `size()` is a whole number of bytes; a negative or NaN one cannot
    // happen and reads as 0, leaving the check to the import.
    if let Err(refusal) = file::check_size(chosen.size() as u64) {
        let error = FileIoError::TooLarge(refusal);
        warn!("starcheck: {error}");
        return Err(error);
    }

    let result = JsFuture::from(chosen.array_buffer())
        .await
        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
        .map_err(|e| FileIoError::Read(describe(&e)));
    if let Err(error) = &result {
        warn!("starcheck: {error}");
    }
    result
}

/// The bytes of a chosen inspection pack, refused by size alone when over
/// the pack limit.
pub async fn read_pack_bytes(
    chosen: &web_sys::File,
) -> Result<Vec<u8>, PackIoError> {
    starcheck_core::pack::check_size(chosen.size() as u64)
        .map_err(PackIoError::Refused)?;
    JsFuture::from(chosen.array_buffer())
        .await
        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
        .map_err(|e| {
            let error = PackIoError::Read(describe(&e));
            warn!("starcheck: {error}");
            error
        })
}

/// Why a chosen pack was not read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PackIoError {
    #[error(transparent)]
    Refused(starcheck_core::pack::PackError),
    #[error("reading the pack failed: {0}")]
    Read(String),
}

impl PackIoError {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            PackIoError::Refused(error) => error.code(),
            PackIoError::Read(_) => "read_failed",
        }
    }

    /// The message shown to users in `lang`.
    pub fn message(&self, lang: starcheck_core::Lang) -> String {
        match self {
            PackIoError::Refused(error) => error.message(lang),
            PackIoError::Read(detail) => {
                FileIoError::Read(detail.clone()).message(lang)
            }
        }
    }
}

/// A file read for import, and how its text was decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    pub imported: Imported,
    /// `Some("GB18030")` when the file was not UTF-8 but decoded as such.
    pub decoded_from: Option<&'static str>,
}

/// Reads a file's bytes as an assessment file (see the module docs for
/// the GB18030 retry). The refusal returned is the UTF-8 reading's.
pub fn read_assessment(
    rubric: &Rubric,
    bytes: &[u8],
) -> Result<Read, FileError> {
    let refusal = match file::import_with(rubric, bytes) {
        Ok(imported) => return Ok(Read { imported, decoded_from: None }),
        Err(refusal) => refusal,
    };
    if !matches!(refusal, FileError::NotUtf8 { encoding: None, .. }) {
        warn!("starcheck: import refused: {refusal}");
        return Err(refusal);
    }

    let decoded = decode_gb18030(bytes);
    match decoded.map(|text| file::import_with(rubric, text.as_bytes())) {
        Some(Ok(imported)) => {
            Ok(Read { imported, decoded_from: Some("GB18030") })
        }
        _ => {
            warn!("starcheck: import refused: {refusal}");
            Err(refusal)
        }
    }
}

/// The text of GB18030 (or GBK) bytes, or `None` when the browser cannot
/// decode every byte.
fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder =
        web_sys::TextDecoder::new_with_label_and_options("gb18030", &options)
            .ok()?;
    let text = decoder.decode_with_u8_array(bytes).ok()?;

    // Fatal mode never yields a replacement character; a text holding one
    // had it in the file, and is refused rather than stored.
    (!text.contains('\u{fffd}')).then_some(text)
}

/// A JavaScript error as one line for the console.
pub fn describe(error: &JsValue) -> String {
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return format!("{}: {}", error.name(), error.message());
    }
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}
