//! The district office's view (区垃分办全区对照, `#/district`): the state
//! its components share, provided once by [`crate::App`] so the loaded set
//! outlives a visit to another tab even when storage is unavailable.
//!
//! The set, the table, the comparison and the exports are the core's
//! (`starcheck_core::district`); this module reads the chosen files (with
//! [`crate::file_io`], whose GB18030 retry it shares with import), keeps
//! the set in storage ([`storage`]) and hands the loaded evaluations to
//! [`AppState::peers`], where the assessment page uses them as the likely
//! tier's reference (the user's own community left out).

pub mod storage;

use std::collections::BTreeSet;

use leptos::logging::warn;
use leptos::prelude::*;
use leptos::task::spawn_local;
use starcheck_core::district::{
    DistrictSet, DistrictTable, Loaded, build_table, community_key,
};
use starcheck_core::{Evaluation, FileError};

use crate::file_io::{self, now_local, read_assessment, read_bytes};
use crate::state::AppState;
use storage::{SetEnvelope, Stored, StoredFile};

/// How the set stands with storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreStatus {
    /// Nothing loaded, nothing stored.
    Idle,
    /// Saved, with the number of files.
    Saved(usize),
    /// Not saved: the Chinese reason. The page works in memory.
    NotSaved(&'static str),
    /// The stored set cannot be read; kept untouched, saving stopped until
    /// the user decides.
    Unreadable { raw: String, reason: String },
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
}

/// Handles to the district page's state; cheap to copy.
#[derive(Clone, Copy)]
pub struct DistrictState {
    pub set: RwSignal<DistrictSet>,
    /// The quotas the office set, one per tier; `None`: the rubric's.
    pub quotas: RwSignal<Option<Vec<u32>>>,
    /// The table, or why it cannot be built (Chinese).
    pub table: Memo<Result<DistrictTable, String>>,
    pub status: RwSignal<StoreStatus>,
    pub last_load: RwSignal<LoadSummary>,
    /// Communities (keys) chosen for the comparison.
    pub selected: RwSignal<BTreeSet<String>>,
    rubric: StoredValue<starcheck_core::Rubric>,
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

        // The table is the core's; the memo keeps unchanged tables from
        // re-rendering.
        let table = Memo::new(move |_| {
            let quotas = quotas.get();
            rubric.with_value(|r| {
                set.with(|s| build_table(r, s, quotas.as_deref()))
                    .map_err(|e| format!("无法排名:{e}"))
            })
        });

        let state = DistrictState {
            set,
            quotas,
            table,
            status,
            last_load: RwSignal::new(LoadSummary::default()),
            selected: RwSignal::new(BTreeSet::new()),
            rubric,
        };
        state.restore();

        // Peers for the likely tier: every loaded community but the one
        // being assessed, recomputed only when either side changes.
        let own = Memo::new(move |_| {
            app.assessment.with(|a| community_key(&a.community))
        });
        Effect::new(move |_| {
            let own = own.get();
            let peers: Vec<Evaluation> = set.with(|s| {
                s.files
                    .iter()
                    .filter(|f| f.key() != own)
                    .map(|f| f.imported.evaluation.clone())
                    .collect()
            });
            app.peers.set(peers);
        });
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
                storage::save_error_zh(&storage::StorageError::Unavailable),
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
        let mut set = DistrictSet::new();
        let mut failed = Vec::new();
        for file in &envelope.files {
            let read = self
                .rubric
                .with_value(|r| read_assessment(r, file.document.as_bytes()));
            match read {
                Ok(read) => {
                    set.add(Loaded {
                        file_name: file.file_name.clone(),
                        text: file.document.clone(),
                        imported: read.imported,
                    });
                }
                Err(error) => {
                    set.refuse(&file.file_name, &error);
                    failed.push(file.file_name.clone());
                }
            }
        }
        self.quotas.set(envelope.quotas);
        self.set.set(set);

        // A stored file that no longer imports must not vanish on the next
        // save: keep the stored set as it is until the user decides.
        if failed.is_empty() {
            self.status.set(StoreStatus::Saved(envelope.files.len()));
        } else {
            self.status.set(StoreStatus::Unreadable {
                raw,
                reason: format!(
                    "保存的文件集中有 {} 个文件无法再读取({})",
                    failed.len(),
                    failed.join("、")
                ),
            });
        }
    }

    /// Reads `files` one after the other: each accepted, flagged as a
    /// duplicate or refused with its reason; a bad file never stops the
    /// rest. Saves once at the end.
    pub fn load_files(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        let total = files.len();
        self.last_load.set(LoadSummary {
            files: total,
            reading: Some(0),
            ..LoadSummary::default()
        });
        spawn_local(async move {
            let mut summary =
                LoadSummary { files: total, ..Default::default() };
            for (done, chosen) in files.into_iter().enumerate() {
                let name = chosen.name();
                match read_bytes(&chosen).await {
                    Ok(bytes) => self.take(&name, &bytes, &mut summary),
                    Err(error) => {
                        let reason = error.message_zh();
                        self.set.update(|s| {
                            s.refused.push(starcheck_core::district::Refused {
                                file_name: name.clone(),
                                code: "read_failed".to_string(),
                                reason,
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
            self.persist();
        });
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

    /// Takes a community out of the set.
    pub fn remove(self, key: &str) {
        self.set.update(|s| s.remove(key));
        self.selected.update(|s| {
            s.remove(key);
        });
        self.persist();
    }

    /// Empties the set (files, flags and refusals).
    pub fn clear(self) {
        self.set.update(DistrictSet::clear);
        self.selected.set(BTreeSet::new());
        self.last_load.set(LoadSummary::default());
        self.persist();
    }

    /// Forgets the refusal and duplicate notices, keeping the files.
    pub fn dismiss_notices(self) {
        self.set.update(|s| {
            s.refused.clear();
            s.duplicates.clear();
        });
        self.last_load.set(LoadSummary::default());
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
                    .set(StoreStatus::NotSaved(storage::save_error_zh(&error)));
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
