//! The district office's view (区垃分办全区对照, `#/district`): the state
//! its components share, provided once by [`crate::App`] so the loaded set
//! outlives a visit to another tab even when storage is unavailable.
//!
//! The set, the table, the comparison and the exports are the core's
//! (`starcheck_core::district`); this module has the chosen files read,
//! keeps the set in storage ([`storage`]) and hands the loaded
//! evaluations to [`AppState::peers`], where the assessment page uses them
//! as the likely tier's reference (the user's own community left out).
//!
//! Chosen files are read, checked, scored and ranked in a web worker on
//! the JavaScript build of the core ([`worker`]), with progress after
//! every file and a cancel button, so the page answers clicks throughout;
//! the table it ranked is shown as long as the set is the one it ranked
//! ([`Ranked`]). Where no worker can run, and always in the single-file
//! edition (no worker script beside it, see [`crate::offline`]), they are
//! read on the page as before ([`DistrictState::load_on_page`], with
//! [`crate::file_io`]'s
//! GB18030 retry, which the worker repeats). While a load runs, removing
//! a community and clearing the set wait for it to end. A stored set is
//! still read back on the page at start-up: a few hundred files (what
//! local storage holds) take a moment there.

pub mod peers;
pub mod storage;
pub mod worker;

use std::collections::BTreeSet;
use std::rc::Rc;

use leptos::logging::warn;
use leptos::prelude::*;
use leptos::task::spawn_local;
use starcheck_core::district::{
    DistrictSet, DistrictTable, FileStamp, Loaded, build_table,
};
use starcheck_core::{FileError, Lang, Text};

use crate::file_io::{self, now_local, read_assessment, read_bytes};
use crate::state::AppState;
use storage::{SetEnvelope, Stored, StoredFile};
use worker::{Answer, Job, Spare};

/// How the set stands with storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreStatus {
    /// Nothing loaded, nothing stored.
    Idle,
    /// Saved, with the number of files.
    Saved(usize),
    /// Not saved, and why. The page works in memory.
    NotSaved(Text),
    /// The stored set cannot be read; kept untouched, saving stopped until
    /// the user decides.
    Unreadable { raw: String, reason: Text },
}

/// What the last load did, for the page's summary line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadSummary {
    /// Files read in this load.
    pub files: usize,
    /// How many were accepted (new or replacing an older file).
    pub accepted: usize,
    pub duplicates: usize,
    pub refused: usize,
    /// Still reading: files done so far.
    pub reading: Option<usize>,
    /// Every file read; the set being rebuilt from the worker's answer.
    pub finishing: bool,
    /// Cancelled after this many files were read: none of them was kept.
    pub cancelled: Option<usize>,
}

/// A table ranked in the worker, with the files (key and stamp, in
/// order) and the quotas it was ranked for: the table memo shows it while
/// the set holds exactly those files, instead of ranking again here.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    files: Vec<(String, FileStamp)>,
    quotas: Option<Vec<u32>>,
    table: Result<DistrictTable, String>,
}

impl Ranked {
    /// The key and stamp of every file of `set`, in order.
    pub fn stamps_of(set: &DistrictSet) -> Vec<(String, FileStamp)> {
        set.files.iter().map(|f| (f.key(), f.stamp())).collect()
    }

    /// Whether this table is the one of `set` under `quotas`.
    fn fits(&self, set: &DistrictSet, quotas: &Option<Vec<u32>>) -> bool {
        self.quotas == *quotas
            && self.files.len() == set.files.len()
            && set.files.iter().zip(&self.files).all(|(file, (key, stamp))| {
                file.file_name == stamp.file_name
                    && file.imported.assessment.as_of == stamp.as_of
                    && file.imported.meta.exported_at == stamp.exported_at
                    && file.key() == *key
            })
    }
}

/// Handles to the district page's state; cheap to copy.
#[derive(Clone, Copy)]
pub struct DistrictState {
    pub set: RwSignal<DistrictSet>,
    /// The quotas the office set, one per tier; `None`: the rubric's.
    pub quotas: RwSignal<Option<Vec<u32>>>,
    /// The table, or why it cannot be built.
    pub table: Memo<Result<DistrictTable, Text>>,
    pub status: RwSignal<StoreStatus>,
    pub last_load: RwSignal<LoadSummary>,
    /// Communities (keys) chosen for the comparison.
    pub selected: RwSignal<BTreeSet<String>>,
    /// A load is running (reading or rebuilding the set).
    pub loading: Memo<bool>,
    rubric: StoredValue<starcheck_core::Rubric>,
    ranked: RwSignal<Option<Ranked>>,
    job: StoredValue<Option<Job>, LocalStorage>,
    jobs: StoredValue<u64>,
    /// A worker started ahead of the next load ([`DistrictState::prepare_worker`]).
    spare: StoredValue<Option<Spare>, LocalStorage>,
}

impl DistrictState {
    /// Reads the stored set once (never inside `Default`), and keeps the
    /// assessment page's peers in step with the set.
    pub fn start() -> DistrictState {
        let app = AppState::expect();
        let rubric = StoredValue::new(app.rubric.get_value());
        let set = RwSignal::new(DistrictSet::new());
        let quotas = RwSignal::new(None::<Vec<u32>>);
        let status = RwSignal::new(StoreStatus::Idle);
        let ranked = RwSignal::new(None::<Ranked>);
        let last_load = RwSignal::new(LoadSummary::default());

        // The table is the core's: the worker's while the set is the one
        // it ranked, else ranked here. The memo keeps unchanged tables
        // from re-rendering.
        let table = Memo::new(move |_| {
            let quotas = quotas.get();
            let worker = set.with(|s| {
                ranked.with(|r| {
                    r.as_ref()
                        .filter(|r| r.fits(s, &quotas))
                        .map(|r| r.table.clone())
                })
            });
            // The worker says why in Chinese only.
            if let Some(table) = worker {
                return table.map_err(|zh| Text { en: zh.clone(), zh });
            }
            rubric.with_value(|r| {
                set.with(|s| build_table(r, s, quotas.as_deref())).map_err(
                    |e| {
                        Text::new(
                            format!("无法排名:{}", e.message_zh()),
                            format!("Cannot rank: {}", e.message(Lang::En)),
                        )
                    },
                )
            })
        });

        let state = DistrictState {
            set,
            quotas,
            table,
            status,
            last_load,
            selected: RwSignal::new(BTreeSet::new()),
            loading: Memo::new(move |_| {
                last_load.with(|l| l.reading.is_some())
            }),
            rubric,
            ranked,
            job: StoredValue::new_local(None),
            jobs: StoredValue::new(0),
            spare: StoredValue::new_local(None),
        };
        state.restore();

        // Peers for the likely tier: every loaded community but the one
        // being assessed.
        peers::follow(app, set.into());
        state
    }

    /// The state provided by [`crate::App`]; panics only when used outside
    /// it, a programming error.
    pub fn expect() -> DistrictState {
        expect_context::<DistrictState>()
    }

    /// Loads the stored set at start-up.
    fn restore(self) {
        match storage::load() {
            Stored::Absent => {}
            Stored::Unavailable => self.status.set(StoreStatus::NotSaved(
                storage::save_error(&storage::StorageError::Unavailable),
            )),
            Stored::Unreadable { raw, reason } => {
                warn!("starcheck: stored district set unreadable: {reason}");
                self.status.set(StoreStatus::Unreadable { raw, reason });
            }
            Stored::Set(envelope) => self.restore_envelope(envelope),
        }
    }

    fn restore_envelope(self, envelope: SetEnvelope) {
        let raw = serde_json::to_string(&envelope).unwrap_or_default();
        let (set, failed) = self
            .rubric
            .with_value(|rubric| peers::read_envelope(rubric, &envelope));
        self.quotas.set(envelope.quotas);
        self.set.set(set);

        // A stored file that no longer imports must not vanish on the next
        // save: keep the stored set as it is until the user decides.
        if failed.is_empty() {
            self.status.set(StoreStatus::Saved(envelope.files.len()));
        } else {
            self.status.set(StoreStatus::Unreadable {
                raw,
                reason: Text::new(
                    format!(
                        "保存的文件集中有 {} 个文件无法再读取({})",
                        failed.len(),
                        failed.join("、")
                    ),
                    format!(
                        "{} file(s) of the stored set can no longer be read \
                         ({})",
                        failed.len(),
                        failed.join(", ")
                    ),
                ),
            });
        }
    }

    /// Reads `files`: each accepted, flagged as a duplicate or refused
    /// with its reason; a bad file never stops the rest. In the worker
    /// when one can run, else on the page. One load at a time: files
    /// chosen while one runs are ignored (the picker is disabled then).
    pub fn load_files(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        if self.loading.get_untracked() {
            warn!(
                "starcheck: a load is running; the files chosen now are ignored"
            );
            return;
        }
        self.last_load.set(LoadSummary {
            files: files.len(),
            reading: Some(0),
            ..LoadSummary::default()
        });

        // The single-file edition has no worker script beside it (and a
        // worker cannot load from `file://`): read on the page at once.
        if crate::offline::single_file_edition() {
            self.load_on_page(files);
            return;
        }
        let id = self.next_job();
        let spare = self.spare.try_update_value(Option::take).flatten();
        match worker::start(self, id, files.clone(), spare) {
            Ok(job) => self.set_job(job),
            Err(error) => {
                warn!(
                    "starcheck: no worker for the district load ({}); \
                     reading the files on the page",
                    file_io::describe(&error)
                );
                self.load_on_page(files);
            }
        }
    }

    /// Starts the next load's worker now (the page is open), so that its
    /// module loads while the office chooses files. Not in the
    /// single-file edition, which has no worker script.
    pub fn prepare_worker(self) {
        if crate::offline::single_file_edition() {
            return;
        }
        let none = self.spare.with_value(Option::is_none);
        if none && let Some(spare) = Spare::start() {
            self.spare.set_value(Some(spare));
        }
    }

    /// Ends the worker started ahead, if no load took it (the page is
    /// left).
    pub fn drop_spare_worker(self) {
        if let Some(spare) = self.spare.try_update_value(Option::take).flatten()
        {
            spare.end();
        }
    }

    /// Reads `files` on the page, one after the other, saving once at the
    /// end; the way without a worker. Cancelling puts the set back as it
    /// was before.
    pub fn load_on_page(self, files: Vec<web_sys::File>) {
        let total = files.len();
        let id = self.next_job();
        let job = Job::on_page(id);
        let cancelled = Rc::clone(&job.cancelled);
        self.set_job(job);
        self.last_load.set(LoadSummary {
            files: total,
            reading: Some(0),
            ..LoadSummary::default()
        });
        let before = self.set.get_untracked();

        spawn_local(async move {
            let mut summary =
                LoadSummary { files: total, ..Default::default() };
            for (done, chosen) in files.into_iter().enumerate() {
                let name = chosen.name();
                let bytes = read_bytes(&chosen).await;
                if cancelled.get() {
                    self.set.set(before);
                    return;
                }
                match bytes {
                    Ok(bytes) => self.take(&name, &bytes, &mut summary),
                    Err(error) => {
                        let reason = error.message_zh();
                        let reason_en = error.message(starcheck_core::Lang::En);
                        self.set.update(|s| {
                            s.refused.push(starcheck_core::district::Refused {
                                file_name: name.clone(),
                                code: "read_failed".to_string(),
                                reason,
                                reason_en,
                            })
                        });
                        summary.refused += 1;
                    }
                }
                summary.reading = Some(done + 1);
                self.last_load.set(summary.clone());
            }
            summary.reading = None;
            self.last_load.set(summary);
            self.end_job(id);
            self.persist();
        });
    }

    /// Stops the running load; the set stays as it was before it.
    pub fn cancel_load(self) {
        let Some(mut job) = self.job.try_update_value(Option::take).flatten()
        else {
            return;
        };
        job.cancelled.set(true);
        job.stop_worker();
        self.last_load.update(|l| {
            l.cancelled = Some(l.reading.unwrap_or(0));
            l.reading = None;
            l.finishing = false;
        });
    }

    /// Makes `job` the running load; a worker still left from the last
    /// one is ended.
    fn set_job(self, job: Job) {
        let old = self.job.try_update_value(|j| j.replace(job)).flatten();
        if let Some(mut old) = old {
            old.stop_worker();
        }
    }

    fn next_job(self) -> u64 {
        self.jobs.update_value(|n| *n += 1);
        self.jobs.get_value()
    }

    /// The worker read `done` files of load `id`.
    fn progress(self, id: u64, done: usize) {
        if !self.is_job(id) {
            return;
        }
        self.last_load.update(|l| {
            if l.reading.is_some() {
                l.reading = Some(done);
            }
        });
    }

    /// The worker of load `id` answered: the set is rebuilt next (the
    /// worker is ended after). The cancel flag, or `None` when `id` is
    /// not the running load.
    fn worker_done(self, id: u64) -> Option<Rc<std::cell::Cell<bool>>> {
        let cancelled = self.job.with_value(|job| match job {
            Some(job) if job.id == id => Some(Rc::clone(&job.cancelled)),
            _ => None,
        })?;
        self.last_load.update(|l| l.finishing = true);
        Some(cancelled)
    }

    /// Load `id` is over: forgets it (and ends its worker).
    fn end_job(self, id: u64) -> Option<Job> {
        if !self.is_job(id) {
            return None;
        }
        let mut job = self.job.try_update_value(Option::take).flatten()?;
        job.stop_worker();
        Some(job)
    }

    fn is_job(self, id: u64) -> bool {
        self.job.with_value(|job| job.as_ref().is_some_and(|j| j.id == id))
    }

    /// Rebuilds the set from the worker's answer, with the table it
    /// ranked, and saves it in a later task. `before` is the set the
    /// answer's file numbers refer to; should the set have changed since
    /// (nothing in the page changes it while a load runs), the new files
    /// are added to it one by one instead and the table is ranked here.
    async fn rebuild(
        self,
        answer: Answer,
        before: &[(String, FileStamp)],
        quotas: Option<Vec<u32>>,
    ) {
        let Answer {
            files,
            read_here,
            duplicates,
            refused,
            table,
            mut summary,
        } = answer;
        let unchanged =
            self.set.with_untracked(|s| Ranked::stamps_of(s) == before);

        if unchanged {
            let mut next = self.set.with_untracked(|s| DistrictSet {
                files,
                duplicates: s.duplicates.clone(),
                refused: s.refused.clone(),
            });
            next.duplicates.extend(duplicates);
            next.refused.extend(refused);
            // A good file for a community clears its earlier refusals.
            next.drop_superseded_refusals();
            self.ranked.set(Some(Ranked {
                files: Ranked::stamps_of(&next),
                quotas,
                table,
            }));
            self.set.set(next);
        } else {
            self.set.update(|s| {
                let new = files.into_iter().zip(read_here);
                for (loaded, _) in new.filter(|(_, read)| *read) {
                    s.add(loaded);
                }
                s.refused.extend(refused);
            });
        }
        summary.reading = None;
        self.last_load.set(summary);

        // Saving writes every file's text: a task of its own, after the
        // table is shown.
        worker::next_task().await;
        self.persist();
    }

    /// Checks one file's bytes as import does and adds it to the set.
    pub fn take(self, name: &str, bytes: &[u8], summary: &mut LoadSummary) {
        let read = self.rubric.with_value(|r| read_assessment(r, bytes));
        match read {
            Ok(read) => {
                // The stored set is UTF-8: a file read as GB18030 is kept
                // as the export of what it holds, which imports the same.
                let text = match std::str::from_utf8(bytes) {
                    Ok(text) if read.decoded_from.is_none() => {
                        text.trim_start_matches('\u{feff}').to_string()
                    }
                    _ => self.rubric.with_value(|r| {
                        starcheck_core::file::export(
                            r,
                            &read.imported.assessment,
                            &read.imported.meta,
                        )
                    }),
                };
                let loaded = Loaded {
                    file_name: name.to_string(),
                    text,
                    imported: read.imported,
                };
                let duplicate =
                    self.set.try_update(|s| s.add(loaded)).flatten();
                match duplicate {
                    Some(d) if !d.replaced => summary.duplicates += 1,
                    Some(_) => {
                        summary.duplicates += 1;
                        summary.accepted += 1;
                    }
                    None => summary.accepted += 1,
                }
            }
            Err(error) => {
                self.refuse(name, &error);
                summary.refused += 1;
            }
        }
    }

    fn refuse(self, name: &str, error: &FileError) {
        self.set.update(|s| s.refuse(name, error));
    }

    /// Takes a community out of the set (not while a load runs).
    pub fn remove(self, key: &str) {
        if self.loading.get_untracked() {
            return;
        }
        self.set.update(|s| s.remove(key));
        self.selected.update(|s| {
            s.remove(key);
        });
        self.persist();
    }

    /// Empties the set (files, flags and refusals); not while a load
    /// runs.
    pub fn clear(self) {
        if self.loading.get_untracked() {
            return;
        }
        self.set.update(DistrictSet::clear);
        self.ranked.set(None);
        self.selected.set(BTreeSet::new());
        self.last_load.set(LoadSummary::default());
        self.persist();
    }

    /// Forgets the refusal and duplicate notices, keeping the files (and
    /// a running load's progress).
    pub fn dismiss_notices(self) {
        self.set.update(|s| {
            s.refused.clear();
            s.duplicates.clear();
        });
        if !self.loading.get_untracked() {
            self.last_load.set(LoadSummary::default());
        }
    }

    /// Sets the quotas (`None`: back to the rubric's) and saves.
    pub fn set_quotas(self, quotas: Option<Vec<u32>>) {
        self.quotas.set(quotas);
        self.persist();
    }

    /// The rubric's tiers: (name, quota).
    pub fn rubric_tiers(self) -> Vec<(String, u32)> {
        self.rubric.with_value(|r| {
            r.tiers().iter().map(|t| (t.name.clone(), t.quota)).collect()
        })
    }

    /// The rubric.
    pub fn rubric(self) -> StoredValue<starcheck_core::Rubric> {
        self.rubric
    }

    /// Saves the set, unless a stored set that cannot be read is waiting
    /// for the user's decision.
    pub fn persist(self) {
        if matches!(self.status.get_untracked(), StoreStatus::Unreadable { .. })
        {
            return;
        }
        let too_large = self.set.with_untracked(|s| {
            storage::surely_too_large(s.files.iter().map(|f| f.text.as_str()))
        });
        if too_large {
            warn!(
                "starcheck: district set not saved: larger than local storage"
            );
            let full = storage::save_error(&storage::StorageError::Full);
            self.status.set(StoreStatus::NotSaved(full));
            return;
        }
        let files: Vec<StoredFile> = self.set.with_untracked(|s| {
            s.files
                .iter()
                .map(|f| StoredFile {
                    file_name: f.file_name.clone(),
                    document: f.text.clone(),
                })
                .collect()
        });
        let count = files.len();
        if count == 0 && self.quotas.with_untracked(Option::is_none) {
            storage::remove();
            self.status.set(StoreStatus::Idle);
            return;
        }
        let envelope =
            SetEnvelope::new(now_local(), self.quotas.get_untracked(), files);
        match storage::save(&envelope) {
            Ok(()) => self.status.set(StoreStatus::Saved(count)),
            Err(error) => {
                warn!("starcheck: district set not saved: {error}");
                self.status
                    .set(StoreStatus::NotSaved(storage::save_error(&error)));
            }
        }
    }

    /// Downloads the unreadable stored set exactly as found.
    pub fn download_unreadable(self) -> Result<(), file_io::FileIoError> {
        let StoreStatus::Unreadable { raw, .. } = self.status.get_untracked()
        else {
            return Ok(());
        };
        file_io::download(
            "全区对照_无法读取的保存内容.json",
            "application/json",
            &raw,
        )
    }

    /// The user chose to discard the unreadable stored set: it is removed
    /// and what is loaded now is saved in its place.
    pub fn discard_unreadable(self) {
        storage::remove();
        self.status.set(StoreStatus::Idle);
        self.persist();
    }
}
