//! The district page's bulk load in a web worker: the chosen files go to
//! `js/district-worker.js` (built beside the JavaScript module
//! `js/starcheck.js` into the site, see `js/` and xtask's `js` step),
//! which reads, checks, scores and ranks them with the same core and
//! reports progress as it goes. The page hands the files over, reads
//! each file the worker took as it arrives ([`Received`]: its bytes or
//! text and the JSON of a `starcheck_core::district::Handed`, scored
//! again here)
//! while the worker reads on, and rebuilds the set from the answer, all
//! a slice at a time with the browser's turn between slices, so a click
//! is handled at once however many files there are.
//!
//! The messages are described in the worker script. The answer names
//! every file of the new set: one the page already held by its number
//! (cloned here, not read again), a new one by its number among the
//! files the worker sent; the table comes ranked, and [`super::Ranked`]
//! lets the table memo take it while the set is unchanged.
//!
//! Cancelling ends the worker (or stops the rebuild) and keeps the set as
//! it was. When the worker cannot start or fails before it answers (a
//! browser without module workers, a site copied without `js/`), the
//! console says why and the files are read on the page instead
//! ([`DistrictState::load_on_page`]): slower with many files, but
//! complete.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint8Array};
use leptos::logging::warn;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use starcheck_core::district::{
    DistrictTable, Duplicate, FileStamp, Handed, Loaded, Refused,
};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::{DistrictState, LoadSummary};
use crate::file_io::{FileIoError, describe};

/// The worker script, relative to the page: under any sub-path the page
/// is served from, `js/` sits beside `index.html`.
pub const WORKER_URL: &str = "js/district-worker.js";

/// Work done on the page between two turns of the browser, in ms: well
/// inside the 100 ms in which a click must be answered.
const SLICE_MS: f64 = 12.0;

/// Files (or held files) per message to the worker: handing a thousand
/// files over in one message holds the page for about a tenth of a
/// second, a hundred for about 10 ms.
const BATCH: usize = 100;

/// A load in progress: in the worker, then rebuilding on the page, or
/// read on the page when the worker could not be used.
pub struct Job {
    /// Tells this load's messages from a cancelled one's.
    pub id: u64,
    /// Set by the cancel button; every step checks it.
    pub cancelled: Rc<Cell<bool>>,
    worker: Option<Running>,
}

impl Job {
    /// A load read on the page.
    pub fn on_page(id: u64) -> Job {
        Job { id, cancelled: Rc::new(Cell::new(false)), worker: None }
    }

    /// Ends the worker, if it still runs.
    pub fn stop_worker(&mut self) {
        if let Some(running) = self.worker.take() {
            running.worker.terminate();
        }
    }
}

/// The worker and the listeners that must live as long as it does.
struct Running {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// What a load sent to the worker, for reading its answer.
#[derive(Clone)]
struct Sent {
    /// The set the answer's file numbers refer to.
    before: Vec<(String, FileStamp)>,
    /// The quotas its table was ranked with.
    quotas: Option<Vec<u32>>,
    /// To read on the page if the worker fails.
    files: Rc<Vec<web_sys::File>>,
    /// The files the worker took, as they arrive.
    received: Rc<Received>,
}

/// The files the worker sends as it takes them, read here a slice at a
/// time while it goes on: by their number, as the answer names them.
struct Received {
    /// Files chosen: no number reaches it.
    chosen: usize,
    /// Sent, not yet read.
    waiting: RefCell<VecDeque<JsValue>>,
    /// Read, by number; taken out as the set is rebuilt.
    read: RefCell<Vec<Option<Loaded>>>,
    /// A task is reading the waiting files.
    busy: Cell<bool>,
    /// The first file that could not be read, and why.
    failed: RefCell<Option<String>>,
}

impl Received {
    fn new(chosen: usize) -> Received {
        Received {
            chosen,
            waiting: RefCell::default(),
            read: RefCell::default(),
            busy: Cell::new(false),
            failed: RefCell::default(),
        }
    }

    /// Queues the files of a progress message and has them read.
    fn arrive(
        self: &Rc<Self>,
        district: DistrictState,
        files: &JsValue,
        cancelled: &Rc<Cell<bool>>,
    ) {
        let Some(files) = files.dyn_ref::<Array>() else {
            return;
        };
        self.waiting.borrow_mut().extend(files.iter());
        if !self.busy.replace(true) {
            let received = Rc::clone(self);
            let cancelled = Rc::clone(cancelled);
            spawn_local(async move {
                received.read_waiting(district, &cancelled).await;
                received.busy.set(false);
            });
        }
    }

    /// Reads the waiting files, a slice at a time. Stops once cancelled.
    async fn read_waiting(
        &self,
        district: DistrictState,
        cancelled: &Cell<bool>,
    ) {
        let mut pace = Pace::new();
        loop {
            let next = self.waiting.borrow_mut().pop_front();
            let Some(file) = next else { return };
            if let Err(reason) = self.read_one(district, &file) {
                self.failed.borrow_mut().get_or_insert(reason);
            }
            pace.step().await;
            if cancelled.get() {
                return;
            }
        }
    }

    /// `{number, file_name, text, data, bytes?}` (see
    /// `Cohort.takenForPage` and the worker script).
    fn read_one(
        &self,
        district: DistrictState,
        file: &JsValue,
    ) -> Result<(), String> {
        let number = field(file, "number")
            .as_f64()
            .map(|n| n as usize)
            .filter(|&n| n < self.chosen)
            .ok_or("a file the worker took has no right number")?;
        let data = field(file, "data")
            .dyn_into::<Uint8Array>()
            .map_err(|_| "a file the worker took has no data".to_string())?;
        let handed: Handed =
            json_of(&data).map_err(|e| format!("a file's data: {e}"))?;
        let name = text(file, "file_name");
        let text = match field(file, "text").as_string() {
            Some(text) => text,
            None => text_of_bytes(&field(file, "bytes"))?,
        };
        let loaded = district
            .rubric()
            .with_value(|rubric| handed.into_loaded(rubric, name, text));
        let mut read = self.read.borrow_mut();
        if read.len() <= number {
            read.resize_with(number + 1, || None);
        }
        if let Some(slot) = read.get_mut(number) {
            *slot = Some(loaded);
        }
        Ok(())
    }

    /// The file with `number`, read: once.
    fn take(&self, number: usize) -> Option<Loaded> {
        self.read.borrow_mut().get_mut(number).and_then(Option::take)
    }
}

/// A worker started when the district page opens, so that its module
/// has loaded (about 150 ms) by the time the office has chosen files:
/// the next load takes it. Until then it only notes whether it failed.
pub struct Spare {
    worker: web_sys::Worker,
    failed: Rc<Cell<bool>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Spare {
    /// Starts a worker; `None` where none can be made.
    pub fn start() -> Option<Spare> {
        let worker = new_worker().ok()?;
        let failed = Rc::new(Cell::new(false));
        let on_message = {
            let failed = Rc::clone(&failed);
            Closure::<dyn FnMut(_)>::new(move |event: web_sys::MessageEvent| {
                if text(&event.data(), "kind") == "failed" {
                    failed.set(true);
                }
            })
        };
        let on_error = {
            let failed = Rc::clone(&failed);
            Closure::<dyn FnMut(_)>::new(move |_: web_sys::Event| {
                failed.set(true);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Spare {
            worker,
            failed,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// The worker for a load, unless its module failed to load (then it
    /// is ended and the load starts one of its own, which says why).
    fn take(self) -> Option<web_sys::Worker> {
        if self.failed.get() {
            self.worker.terminate();
            return None;
        }
        Some(self.worker)
    }

    /// Ends the worker (the page is left).
    pub fn end(self) {
        self.worker.terminate();
    }
}

/// A module worker running the worker script.
fn new_worker() -> Result<web_sys::Worker, JsValue> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    web_sys::Worker::new_with_options(WORKER_URL, &options)
}

/// Starts the load in a worker (`spare`, if there is one) and hands the
/// files over in batches. An error means no worker could be made: the
/// caller reads the files on the page.
pub fn start(
    district: DistrictState,
    id: u64,
    files: Vec<web_sys::File>,
    spare: Option<Spare>,
) -> Result<Job, JsValue> {
    // The spare's listeners are replaced below, in this same task: no
    // message of its falls between them.
    let worker = match spare.and_then(Spare::take) {
        Some(worker) => worker,
        None => new_worker()?,
    };

    let sent = Sent {
        before: district.set.with_untracked(super::Ranked::stamps_of),
        quotas: district.quotas.get_untracked(),
        received: Rc::new(Received::new(files.len())),
        files: Rc::new(files),
    };
    let cancelled = Rc::new(Cell::new(false));
    let on_message = {
        let sent = sent.clone();
        let cancelled = Rc::clone(&cancelled);
        Closure::<dyn FnMut(_)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            match text(&data, "kind").as_str() {
                "progress" => {
                    let files = field(&data, "files");
                    sent.received.arrive(district, &files, &cancelled);
                    district.progress(id, number(&data, "done"));
                }
                "done" => spawn_local(finish(district, id, data, sent.clone())),
                "failed" => {
                    let reason = text(&data, "message");
                    fall_back(district, id, &sent.files, &reason);
                }
                _ => {}
            }
        })
    };
    let on_error = {
        let files = Rc::clone(&sent.files);
        Closure::<dyn FnMut(_)>::new(move |event: web_sys::Event| {
            let reason = event
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .unwrap_or_else(|| event.type_());
            fall_back(district, id, &files, &reason);
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));

    let head = message("load")?;
    Reflect::set(&head, &"total".into(), &sent.files.len().into())?;
    let quotas: JsValue = match &sent.quotas {
        Some(quotas) => {
            quotas.iter().map(|&q| JsValue::from(q)).collect::<Array>().into()
        }
        None => JsValue::NULL,
    };
    Reflect::set(&head, &"quotas".into(), &quotas)?;
    worker.post_message(&head)?;

    let job = Job {
        id,
        cancelled,
        worker: Some(Running {
            worker: worker.clone(),
            _on_message: on_message,
            _on_error: on_error,
        }),
    };
    spawn_local(hand_over(district, worker, Rc::clone(&job.cancelled), sent));
    Ok(job)
}

/// Sends the held files, then the chosen ones, a batch per task.
async fn hand_over(
    district: DistrictState,
    worker: web_sys::Worker,
    cancelled: Rc<Cell<bool>>,
    sent: Sent,
) {
    let held = district.set.with_untracked(|s| s.files.len());
    let mut start = 0;
    while start < held && !cancelled.get() {
        let end = (start + BATCH).min(held);
        let kept = district.set.with_untracked(|s| {
            let batch = Array::new();
            for file in s.files.get(start..end).unwrap_or_default() {
                let entry = Object::new();
                let _ = Reflect::set(
                    &entry,
                    &"file_name".into(),
                    &file.file_name.as_str().into(),
                );
                let _ = Reflect::set(
                    &entry,
                    &"text".into(),
                    &file.text.as_str().into(),
                );
                batch.push(&entry);
            }
            batch
        });
        post(&worker, "kept", &kept);
        start = end;
        next_task().await;
    }
    for chunk in sent.files.chunks(BATCH) {
        if cancelled.get() {
            return;
        }
        post(&worker, "files", &chunk.iter().collect::<Array>());
        next_task().await;
    }
}

/// Posts `{kind, <kind>: list}`. A failure shows as the worker's
/// `messageerror`, which falls back to reading on the page.
fn post(worker: &web_sys::Worker, kind: &str, list: &Array) {
    let sent = message(kind).and_then(|m| {
        Reflect::set(&m, &kind.into(), list)?;
        worker.post_message(&m)
    });
    if let Err(error) = sent {
        warn!(
            "starcheck: a message to the district worker failed: {}",
            describe(&error)
        );
    }
}

fn message(kind: &str) -> Result<Object, JsValue> {
    let message = Object::new();
    Reflect::set(&message, &"kind".into(), &kind.into())?;
    Ok(message)
}

/// The worker failed: say why, end it, and read the files on the page
/// (outside the listener that called, which this drops).
fn fall_back(
    district: DistrictState,
    id: u64,
    files: &Rc<Vec<web_sys::File>>,
    reason: &str,
) {
    warn!(
        "starcheck: the district worker failed ({reason}); reading the files \
         on the page instead"
    );
    let files = files.as_ref().clone();
    spawn_local(async move {
        if district.end_job(id).is_some() {
            district.load_on_page(files);
        }
    });
}

/// The worker's answer, read and applied a slice at a time.
async fn finish(district: DistrictState, id: u64, data: JsValue, sent: Sent) {
    let Some(cancelled) = district.worker_done(id) else {
        return;
    };
    match read_answer(district, &data, &sent.received, &cancelled).await {
        Ok(answer) if !cancelled.get() => {
            district.rebuild(answer, &sent.before, sent.quotas).await;

            // Ending a worker frees its memory: a task of its own too.
            next_task().await;
            district.end_job(id);
        }
        Err(reason) if !cancelled.get() => {
            fall_back(district, id, &sent.files, &format!("answer: {reason}"));
        }
        _ => {}
    }
}

/// The worker's answer, read: the new set's files in order (with which
/// of them are new), the new flags and refusals, the table and the
/// counts.
pub struct Answer {
    pub files: Vec<Loaded>,
    pub read_here: Vec<bool>,
    pub duplicates: Vec<Duplicate>,
    pub refused: Vec<Refused>,
    pub table: Result<DistrictTable, String>,
    pub summary: LoadSummary,
}

/// Reads the answer (after the files sent before it), a slice at a
/// time. Stops once cancelled.
async fn read_answer(
    district: DistrictState,
    data: &JsValue,
    received: &Received,
    cancelled: &Cell<bool>,
) -> Result<Answer, String> {
    received.read_waiting(district, cancelled).await;
    if cancelled.get() {
        return Err("cancelled".to_string());
    }
    if let Some(reason) = received.failed.borrow_mut().take() {
        return Err(reason);
    }

    let mut pace = Pace::new();
    let listed = field(data, "files")
        .dyn_into::<Array>()
        .map_err(|_| "the answer has no list of files".to_string())?;
    let mut files = Vec::with_capacity(listed.length() as usize);
    let mut read_here = Vec::with_capacity(files.capacity());
    for entry in listed.iter() {
        // Numbers as whole indices, also in the messages: formatting an
        // f64 would link the float formatter for a log line.
        if let Some(number) = entry.as_f64().map(|n| n as usize) {
            let held = district
                .set
                .with_untracked(|s| s.files.get(number).cloned())
                .ok_or_else(|| format!("no file number {number}"))?;
            files.push(held);
            read_here.push(false);
        } else if let Some(number) = entry
            .is_object()
            .then(|| field(&entry, "read").as_f64())
            .flatten()
            .map(|n| n as usize)
        {
            let loaded = received
                .take(number)
                .ok_or_else(|| format!("no file read number {number}"))?;
            files.push(loaded);
            read_here.push(true);
        } else {
            return Err("a file of the answer is neither".to_string());
        }
        pace.step().await;
        if cancelled.get() {
            return Err("cancelled".to_string());
        }
    }

    let json = |name: &str| field(data, name).as_string().unwrap_or_default();
    let duplicates = serde_json::from_str(&json("duplicates"))
        .map_err(|e| format!("the duplicates: {e}"))?;
    let mut refused: Vec<Refused> = serde_json::from_str(&json("refused"))
        .map_err(|e| format!("the refusals: {e}"))?;
    let unread = field(data, "unread").dyn_into::<Array>().unwrap_or_default();
    for name in unread.iter().filter_map(|n| n.as_string()) {
        let error = FileIoError::Read("the worker could not read it".into());
        refused.push(Refused {
            file_name: name,
            code: "read_failed".to_string(),
            reason: error.message_zh(),
            reason_en: error.message(starcheck_core::Lang::En),
        });
    }

    // The table without its rows, then the rows a slice at a time.
    let table = field(data, "table");
    let pieces = field(&table, "Ok");
    let table = match field(&pieces, "rest").dyn_into::<Uint8Array>() {
        Ok(rest) => {
            next_task().await;
            let mut table: DistrictTable =
                json_of(&rest).map_err(|e| format!("the table: {e}"))?;
            let rows =
                field(&pieces, "rows").dyn_into::<Array>().unwrap_or_default();
            for row in rows.iter() {
                let row = row.dyn_into::<Uint8Array>().map_err(|_| {
                    "a row of the table is not bytes".to_string()
                })?;
                let row = json_of(&row)
                    .map_err(|e| format!("a row of the table: {e}"))?;
                table.rows.push(row);
                pace.step().await;
            }
            Ok(table)
        }
        Err(_) => Err(text(&table, "Err")),
    };
    if cancelled.get() {
        return Err("cancelled".to_string());
    }

    let counts = field(data, "summary");
    let summary = LoadSummary {
        files: number(&counts, "files"),
        accepted: number(&counts, "accepted"),
        duplicates: number(&counts, "duplicates"),
        refused: number(&counts, "refused"),
        ..LoadSummary::default()
    };
    Ok(Answer { files, read_here, duplicates, refused, table, summary })
}

/// A value from the JSON the worker wrote into bytes. Read as text, like
/// every other JSON the app reads: one string reader in the wasm instead
/// of a second one for bytes.
fn json_of<T: DeserializeOwned>(bytes: &Uint8Array) -> Result<T, String> {
    let bytes = bytes.to_vec();
    let text = std::str::from_utf8(&bytes).map_err(|e| e.to_string())?;
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// A file's text from its bytes as read (UTF-8), less a byte-order mark.
fn text_of_bytes(bytes: &JsValue) -> Result<String, String> {
    let bytes = bytes
        .dyn_ref::<Uint8Array>()
        .ok_or("a file the worker took has neither text nor bytes")?;
    let mut text = String::from_utf8(bytes.to_vec())
        .map_err(|_| "a file the worker took is not UTF-8".to_string())?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// Counts the work done since the browser's last turn, and gives it one
/// when a slice is used up.
pub struct Pace {
    since: f64,
}

impl Pace {
    pub fn new() -> Pace {
        Pace { since: js_sys::Date::now() }
    }

    pub async fn step(&mut self) {
        if js_sys::Date::now() - self.since >= SLICE_MS {
            next_task().await;
            self.since = js_sys::Date::now();
        }
    }
}

impl Default for Pace {
    fn default() -> Self {
        Pace::new()
    }
}

/// Resolves in a later task (a zero timeout): input waiting since is
/// handled first.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled =
            web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
        if !matches!(scheduled, Some(Ok(_))) {
            // No timer (no window): go on at once rather than never.
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    if let Err(error) = JsFuture::from(promise).await {
        warn!("starcheck: a pause failed: {}", describe(&error));
    }
}

fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn text(value: &JsValue, name: &str) -> String {
    field(value, name).as_string().unwrap_or_default()
}

fn number(value: &JsValue, name: &str) -> usize {
    field(value, name).as_f64().map_or(0, |n| n as usize)
}
