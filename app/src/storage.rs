//! Drafts in the browser's local storage (gloo-storage), saved a moment
//! after each change and never lost to a refresh, a full or missing
//! storage, a damaged record or a second tab.
//!
//! Layout: one key per draft, `starcheck.draft.<community>` (the full
//! community name, `#<label>` added for a copy), so each community has one
//! draft of its own; and `starcheck.drafts`, the index: the last open draft
//! and one line per draft (community, as-of date, saved time, revision) for
//! other tools to read. The page lists drafts from the keys themselves, so
//! an index left stale by a failed write never hides a draft.
//!
//! A draft's value is an [`Envelope`] (`format_version` 1) around the
//! export document of `starcheck_core::file`, which carries its own schema
//! version and checksum; loading goes through the same import as a file.
//! Loading happens once at start-up in [`Drafts::start`], never inside
//! `Default`.
//!
//! Rules that keep work from being lost:
//!
//! - a key is written only when what it holds now is the revision this tab
//!   last loaded or wrote; a newer revision (another tab) stops autosaving
//!   and asks, and a value that cannot be read is never written over;
//! - every save carries a revision number and the tab's id, and the
//!   window's `storage` event tells this tab at once when another tab saved
//!   its open draft;
//! - a full or unavailable storage (private mode, disabled: reading
//!   `localStorage` throws) leaves the page working; the header says "未保存"
//!   and the page offers export right there;
//! - a draft that cannot be read (damaged, or written by an older or newer
//!   app) is left exactly as it is: the page offers to recover what still
//!   reads into a new draft, or to download the raw text.
//!
//! Known gap: a draft written by an older format version that the core can
//! still upgrade is re-saved in the current version on the next change,
//! without keeping the older text; with version 1 the first format, no such
//! draft exists yet.

use std::time::Duration;

use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage};
use jiff::civil::DateTime;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::logging::warn;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use starcheck_core::file::{self, Recovered};
use starcheck_core::{Assessment, Community, Lang, Text};
use thiserror::Error;

use crate::attach;
use crate::date::today_local;
use crate::file_io::{self, hour_minute, now_local};
use crate::state::AppState;

/// The prefix of every draft's key.
pub const DRAFT_PREFIX: &str = "starcheck.draft.";

/// The key of the draft index.
pub const INDEX_KEY: &str = "starcheck.drafts";

/// What an [`Envelope`] says it is.
const ENVELOPE_FORMAT: &str = "starcheck-draft";

/// The envelope version this app writes and reads.
const ENVELOPE_VERSION: u32 = 1;

/// How long after the last change the draft is saved.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(800);

/// The stored form of one draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// Always `starcheck-draft`.
    pub format: String,
    pub format_version: u32,
    /// Counts every save of this draft, from 1.
    pub revision: u64,
    /// The tab that saved it.
    pub tab: String,
    /// Local civil time of the save.
    #[serde(deserialize_with = "starcheck_core::dates::de_date_time")]
    pub saved_at: DateTime,
    /// Empty for a community's own draft; e.g. `副本` for a copy.
    #[serde(default)]
    pub label: String,
    /// The export document (`starcheck_core::file`), as text.
    pub document: String,
}

/// The index of drafts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Index {
    format_version: u32,
    /// The draft to open at start-up.
    #[serde(default)]
    last_open: Option<String>,
    #[serde(default)]
    drafts: Vec<IndexLine>,
}

/// One draft in the index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct IndexLine {
    key: String,
    community: String,
    label: String,
    as_of: String,
    #[serde(deserialize_with = "starcheck_core::dates::de_date_time")]
    saved_at: DateTime,
    revision: u64,
}

/// Why storage did not take a write.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StorageError {
    /// `localStorage` is missing or throws (private mode, disabled).
    #[error("local storage is unavailable")]
    Unavailable,
    /// The origin's quota is used up.
    #[error("local storage is full")]
    Full,
    /// Anything else the browser said.
    #[error("local storage refused the write: {0}")]
    Other(String),
}

/// What the header says about saving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing entered yet, nothing to save.
    Idle,
    /// A change waits for the autosave: 正在保存….
    Saving,
    /// Saved at this local time: 已保存 14:32.
    Saved(DateTime),
    /// Not saved, and why: 未保存.
    NotSaved(Fault),
}

/// Why the current content is not saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Storage is unavailable.
    Unavailable,
    /// Storage is full.
    Full,
    /// Storage refused the write for another reason.
    Refused,
    /// Another tab saved a newer revision of this draft.
    Conflict,
    /// Another draft, or an unreadable one, holds this community's key.
    Blocked,
}

impl Fault {
    /// The explanation shown beside 未保存.
    pub fn message_zh(self) -> &'static str {
        match self {
            Fault::Unavailable | Fault::Full => {
                "浏览器存储不可用/已满,当前内容未保存"
            }
            Fault::Refused => "浏览器拒绝保存,当前内容未保存",
            Fault::Conflict => {
                "此草稿已在另一个标签页中修改,本页已停止自动保存"
            }
            Fault::Blocked => "该社区已有另一份草稿,为免覆盖,本页内容暂未保存",
        }
    }

    /// The explanation in both languages.
    pub fn text(self) -> Text {
        Text::new(self.message(Lang::Zh), self.message(Lang::En))
    }

    /// The explanation in `lang`.
    pub fn message(self, lang: starcheck_core::Lang) -> &'static str {
        if lang == starcheck_core::Lang::Zh {
            return self.message_zh();
        }
        match self {
            Fault::Unavailable | Fault::Full => {
                "Browser storage is unavailable or full; the current content is not saved"
            }
            Fault::Refused => {
                "The browser refused to save; the current content is not saved"
            }
            Fault::Conflict => {
                "This draft was changed in another tab; this page stopped saving automatically"
            }
            Fault::Blocked => {
                "The community already has another draft; so as not to overwrite it, this page is not saved for now"
            }
        }
    }
}

/// Another tab saved a newer revision of the open draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub key: String,
    pub revision: u64,
    pub saved_at: Option<DateTime>,
}

/// The community's key is taken by another draft (or an unreadable one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocked {
    pub key: String,
    pub community: String,
    /// The draft there can be opened (false: it cannot be read).
    pub readable: bool,
}

/// A stored draft that could not be read; kept untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    /// The stored text, exactly as found.
    pub raw: String,
    /// Why it could not be read.
    pub reason: Text,
    /// What could still be read from it, if anything.
    pub recovered: Option<Recovered>,
}

/// Which draft an imported file would replace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    /// The open draft: the file is for the community on screen.
    Current,
    /// Another community's stored draft, with its content.
    Existing(Box<Assessment>),
    /// No draft yet for the file's community: a new one.
    New,
    /// That community's draft cannot be read; it is left alone and the
    /// page asks before saving (see [`Blocked`]).
    Unreadable,
}

/// One draft as the drafts page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftEntry {
    pub key: String,
    /// The community's full name, `未命名社区` when empty.
    pub community: String,
    pub label: String,
    pub as_of: Option<String>,
    pub saved_at: Option<DateTime>,
    pub revision: Option<u64>,
    /// Why it cannot be read, when it cannot.
    pub unreadable: Option<Text>,
}

/// What a key holds now.
enum Stored {
    Absent,
    Draft(Envelope),
    Unreadable(Text),
}

/// Handles to the drafts; provided through context by [`crate::App`].
#[derive(Clone, Copy)]
pub struct Drafts {
    state: AppState,
    /// The save state for the header.
    pub status: RwSignal<SaveStatus>,
    /// Every stored draft, for the drafts page.
    pub list: RwSignal<Vec<DraftEntry>>,
    /// The key of the draft being edited, once it is stored.
    pub open_key: RwSignal<Option<String>>,
    /// Set while another tab's newer save waits for a decision.
    pub conflict: RwSignal<Option<Conflict>>,
    /// Set while this community's key is taken by another draft.
    pub blocked: RwSignal<Option<Blocked>>,
    /// A draft that could not be read, with the recovery offer.
    pub unreadable: RwSignal<Option<Unreadable>>,
    /// This tab's id, written with every save.
    tab: StoredValue<String>,
    /// The label of the open draft (empty for a community's own).
    label: StoredValue<String>,
    /// The revision of the open draft this tab last loaded or wrote.
    known_revision: StoredValue<u64>,
    /// The content last loaded or saved: a change is anything else.
    saved: StoredValue<Assessment>,
    /// The pending autosave.
    timer: StoredValue<Option<TimeoutHandle>>,
    /// The drafts page is shown: only then is the list kept current.
    list_shown: StoredValue<bool>,
    /// The language shown, for the labels this module gives copies.
    lang: Signal<Lang>,
}

impl Drafts {
    /// Opens the last open draft (the one explicit load), then saves a
    /// moment after each change and listens for other tabs.
    pub fn start(state: AppState) -> Drafts {
        let drafts = Drafts {
            state,
            status: RwSignal::new(SaveStatus::Idle),
            list: RwSignal::new(Vec::new()),
            open_key: RwSignal::new(None),
            conflict: RwSignal::new(None),
            blocked: RwSignal::new(None),
            unreadable: RwSignal::new(None),
            tab: StoredValue::new(new_tab_id()),
            label: StoredValue::new(String::new()),
            known_revision: StoredValue::new(0),
            saved: StoredValue::new(state.assessment.get_untracked()),
            timer: StoredValue::new(None),
            list_shown: StoredValue::new(false),
            lang: crate::i18n::use_lang(),
        };

        // The explicit load: the draft open when the page was last used.
        if storage_available() {
            if let Some(key) = read_index().last_open {
                if matches!(read(&key), Stored::Absent) {
                    warn!("starcheck: last open draft `{key}` is gone");
                } else {
                    drafts.open(&key);
                }
            }
        } else {
            warn!("starcheck: {}", StorageError::Unavailable);
            drafts.status.set(SaveStatus::NotSaved(Fault::Unavailable));
        }

        // Autosave: a change waits AUTOSAVE_DELAY, then one save.
        Effect::new(move |_| {
            let changed = state
                .assessment
                .with(|a| drafts.saved.with_value(|saved| saved != a));
            if changed {
                drafts.schedule_save();
            }
        });

        // A page being left (reload, tab closed, switched away on a phone,
        // where the tab may be killed unseen) never runs the timer: the
        // pending change is written at once, with the same checks.
        let hidden = window_event_listener(leptos::ev::pagehide, move |_| {
            drafts.flush();
        });
        let switched =
            window_event_listener(leptos::ev::visibilitychange, move |_| {
                if document().hidden() {
                    drafts.flush();
                }
            });
        on_cleanup(move || {
            hidden.remove();
            switched.remove();
        });

        // Another tab's writes arrive as `storage` events.
        let listener =
            window_event_listener(leptos::ev::storage, move |event| {
                drafts.on_storage_event(&event);
            });
        on_cleanup(move || listener.remove());

        drafts
    }

    /// The drafts provided by [`crate::App`].
    pub fn expect() -> Drafts {
        expect_context::<Drafts>()
    }

    /// Whether autosave is halted until the user decides something.
    fn halted(self) -> Option<Fault> {
        if self.conflict.with_untracked(Option::is_some) {
            return Some(Fault::Conflict);
        }
        if self.blocked.with_untracked(Option::is_some) {
            return Some(Fault::Blocked);
        }
        None
    }

    fn schedule_save(self) {
        // A block is about one key: a community changed again (typing
        // on) may no longer collide.
        let target = self
            .state
            .assessment
            .with_untracked(|a| self.target_key(&a.community));
        if self
            .blocked
            .with_untracked(|b| b.as_ref().is_some_and(|b| b.key != target))
        {
            self.blocked.set(None);
        }
        if let Some(fault) = self.halted() {
            self.status.set(SaveStatus::NotSaved(fault));
            return;
        }
        if !storage_available() {
            self.status.set(SaveStatus::NotSaved(Fault::Unavailable));
            return;
        }

        // A storage fault stays on screen (with its export button) until a
        // save succeeds, rather than flickering with every keystroke.
        let faulted = matches!(
            self.status.get_untracked(),
            SaveStatus::NotSaved(
                Fault::Unavailable | Fault::Full | Fault::Refused
            )
        );
        if !faulted {
            self.status.set(SaveStatus::Saving);
        }
        if let Some(handle) =
            self.timer.try_update_value(Option::take).flatten()
        {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                self.timer.set_value(None);
                self.save_now();
            },
            AUTOSAVE_DELAY,
        );
        match handle {
            Ok(handle) => self.timer.set_value(Some(handle)),
            Err(error) => {
                warn!("starcheck: no timer: {}", file_io::describe(&error));
                self.save_now();
            }
        }
    }

    /// Writes a change not yet saved at once, instead of after
    /// AUTOSAVE_DELAY. `save_now` still refuses to overwrite a newer save
    /// from another tab, and a storage fault is kept and logged as usual.
    /// Also called before the page reloads for a new version.
    pub fn flush(self) {
        if self.timer.is_disposed() {
            return;
        }
        let changed = self
            .state
            .assessment
            .with_untracked(|a| self.saved.with_value(|saved| saved != a));
        if changed {
            self.cancel_pending();
            self.save_now();
        }
    }

    /// Whether the content on screen differs from what was last loaded or
    /// saved: a reload now would lose it.
    pub fn unsaved(self) -> bool {
        if self.timer.is_disposed() {
            return false;
        }
        self.state
            .assessment
            .with_untracked(|a| self.saved.with_value(|saved| saved != a))
    }

    /// Saves the current content now, unless that would overwrite newer or
    /// unreadable work.
    pub fn save_now(self) {
        if let Some(fault) = self.halted() {
            self.status.set(SaveStatus::NotSaved(fault));
            return;
        }
        if !storage_available() {
            self.status.set(SaveStatus::NotSaved(Fault::Unavailable));
            return;
        }
        let assessment = self.state.assessment.get_untracked();
        let label = self.label.get_value();
        let open = self.open_key.get_untracked();
        let known = self.known_revision.get_value();
        let key = self.target_key(&assessment.community);

        // What the key holds decides whether writing is safe.
        let is_open = open.as_deref() == Some(key.as_str());
        let revision = match read(&key) {
            Stored::Absent if is_open => known + 1,
            Stored::Absent => 1,
            Stored::Draft(stored) if is_open && stored.revision <= known => {
                known + 1
            }
            Stored::Draft(stored) if is_open => {
                self.raise_conflict(&key, &stored);
                return;
            }
            Stored::Draft(_) => {
                self.block(&key, &assessment.community, true);
                return;
            }
            Stored::Unreadable(reason) => {
                warn!("starcheck: not writing over `{key}`: {reason}");
                self.block(&key, &assessment.community, false);
                return;
            }
        };

        let saved_at = now_local();
        let envelope = Envelope {
            format: ENVELOPE_FORMAT.to_string(),
            format_version: ENVELOPE_VERSION,
            revision,
            tab: self.tab.get_value(),
            saved_at,
            label: label.clone(),
            document: self
                .state
                .rubric
                .with_value(|r| file_io::export_text(r, &assessment)),
        };
        if let Err(error) = write(&key, &envelope) {
            warn!("starcheck: draft `{key}` not saved: {error}");
            let fault = match error {
                StorageError::Unavailable => Fault::Unavailable,
                StorageError::Full => Fault::Full,
                StorageError::Other(_) => Fault::Refused,
            };
            self.status.set(SaveStatus::NotSaved(fault));
            return;
        }

        // A changed community moves the draft: the old key goes, but only
        // when it still holds this tab's own last save.
        if let Some(old) = open.filter(|old| *old != key) {
            let ours =
                matches!(read(&old), Stored::Draft(e) if e.revision == known);
            if ours {
                LocalStorage::delete(&old);
            }
        }

        self.open_key.set(Some(key.clone()));
        self.known_revision.set_value(revision);
        self.saved.set_value(assessment);
        self.status.set(SaveStatus::Saved(saved_at));
        self.write_index();
        self.refresh_list();
    }

    /// The key the content goes to: its community's draft (with the open
    /// draft's label). While the community is empty (the picker switched
    /// to free entry, nothing typed yet) an open draft keeps its key
    /// rather than moving to the unnamed one.
    fn target_key(self, community: &Community) -> String {
        let empty = community.full_name().trim().is_empty();
        match self.open_key.get_untracked() {
            Some(open) if empty => open,
            _ => draft_key(community, &self.label.get_value()),
        }
    }

    /// Opens a stored draft in place of the current content; a draft that
    /// cannot be read is offered for recovery instead.
    pub fn open(self, key: &str) {
        match self.load(key) {
            Ok((assessment, envelope)) => {
                self.cancel_pending();
                self.saved.set_value(assessment.clone());
                self.label.set_value(envelope.label.clone());
                self.known_revision.set_value(envelope.revision);
                self.open_key.set(Some(key.to_string()));
                self.conflict.set(None);
                self.blocked.set(None);
                self.unreadable.set(None);
                self.state.replace_assessment(assessment);
                self.status.set(SaveStatus::Saved(envelope.saved_at));
                self.write_index();
            }
            Err(unreadable) => {
                warn!(
                    "starcheck: draft `{key}` cannot be read: {}",
                    unreadable.reason
                );
                self.unreadable.set(Some(*unreadable));
            }
        }
    }

    /// Whether `community` already has a stored draft of its own.
    pub fn has_draft(self, community: &Community) -> bool {
        !matches!(read(&draft_key(community, "")), Stored::Absent)
    }

    /// Whether renaming the open draft to `community` would meet another
    /// draft already stored under that community's key.
    pub fn rename_taken(self, community: &Community) -> bool {
        let key = draft_key(community, &self.label.get_value());
        let open = self.open_key.get_untracked();
        open.as_deref() != Some(key.as_str())
            && !matches!(read(&key), Stored::Absent)
    }

    /// Leaves the open draft saved under its own community and goes to
    /// `community`'s draft: the stored one when there is one (`Ok(true)`),
    /// else a new, empty one (`Ok(false)`). Refused, with the reason,
    /// while the open draft has changes that could not be saved: leaving
    /// would lose them.
    pub fn switch_to(self, community: &Community) -> Result<bool, Text> {
        self.flush();
        let unsaved = self
            .state
            .assessment
            .with_untracked(|a| self.saved.with_value(|saved| saved != a));
        if unsaved {
            return Err(Text::new(
                "当前草稿还有未保存的修改,请先处理保存提示或导出文件,再换社区。",
                "The open draft has changes that are not saved: deal with the \
                 saving notice or export a file first, then change the community.",
            ));
        }

        let key = draft_key(community, "");
        if !matches!(read(&key), Stored::Absent) {
            self.open(&key);
            return Ok(true);
        }
        self.new_draft();
        let community = community.clone();
        self.state.update_assessment(|a| a.community = community);
        Ok(false)
    }

    /// Starts a new, empty assessment; the first change stores it.
    pub fn new_draft(self) {
        self.cancel_pending();
        let empty = Assessment::new(Community::default(), today_local());
        self.saved.set_value(empty.clone());
        self.label.set_value(String::new());
        self.known_revision.set_value(0);
        self.open_key.set(None);
        self.conflict.set(None);
        self.blocked.set(None);
        self.state.replace_assessment(empty);
        self.status.set(if storage_available() {
            SaveStatus::Idle
        } else {
            SaveStatus::NotSaved(Fault::Unavailable)
        });
        self.write_index();
    }

    /// Where an imported file for `community` would go, for the preview.
    pub fn import_target(self, community: &Community) -> ImportTarget {
        let same =
            self.state.assessment.with_untracked(|a| a.community == *community);
        if same {
            return ImportTarget::Current;
        }
        let key = draft_key(community, "");
        match self.load(&key) {
            Ok((assessment, _)) => ImportTarget::Existing(Box::new(assessment)),
            Err(_) if matches!(read(&key), Stored::Absent) => ImportTarget::New,
            Err(_) => ImportTarget::Unreadable,
        }
    }

    /// Replaces content with an imported file (the user has confirmed).
    /// A file for the community on screen replaces the open draft's
    /// content; a file for another community goes to that community's
    /// draft (replacing it, as the preview said) or a new one, and the
    /// open draft stays as it is.
    pub fn replace(self, assessment: Assessment) {
        let same = self
            .state
            .assessment
            .with_untracked(|a| a.community == assessment.community);

        // The files of the content replaced, released below once the new
        // content is saved and no other draft names them.
        let mut replaced = if same {
            self.state.assessment.with_untracked(attach::all_ids)
        } else {
            self.load(&draft_key(&assessment.community, ""))
                .map(|(a, _)| attach::all_ids(&a))
                .unwrap_or_default()
        };
        let kept = attach::all_ids(&assessment);
        replaced.retain(|id| !kept.contains(id));

        if !same {
            self.cancel_pending();
            let key = draft_key(&assessment.community, "");
            match read(&key) {
                Stored::Draft(envelope) => {
                    self.open_key.set(Some(key));
                    self.known_revision.set_value(envelope.revision);
                }
                _ => {
                    self.open_key.set(None);
                    self.known_revision.set_value(0);
                }
            }
            self.label.set_value(String::new());
            self.conflict.set(None);
            self.blocked.set(None);
        }
        self.state.replace_assessment(assessment);
        if !replaced.is_empty() {
            self.save_now();
            attach::forget_unused(replaced);
        }
    }

    /// Loads the other tab's newer revision in place of this tab's content.
    pub fn load_theirs(self) {
        if let Some(conflict) = self.conflict.get_untracked() {
            self.conflict.set(None);
            self.open(&conflict.key);
        }
    }

    /// Keeps this tab's content, writing it over the other tab's revision:
    /// the one explicit overwrite.
    pub fn keep_mine(self) {
        let Some(conflict) = self.conflict.get_untracked() else {
            return;
        };
        let stored = match read(&conflict.key) {
            Stored::Draft(envelope) => envelope.revision,
            _ => conflict.revision,
        };
        self.known_revision.set_value(stored);
        self.conflict.set(None);
        self.save_now();
    }

    /// Opens the draft that blocks this community's key (the current
    /// content is replaced).
    pub fn open_blocking(self) {
        if let Some(blocked) = self.blocked.get_untracked() {
            self.blocked.set(None);
            self.open(&blocked.key);
        }
    }

    /// Saves the current content as a labelled copy beside the draft that
    /// blocks its community's key.
    pub fn save_as_copy(self) {
        let community =
            self.state.assessment.with_untracked(|a| a.community.clone());
        let label = free_label(&community, self.copy_word());
        self.label.set_value(label);
        self.open_key.set(None);
        self.known_revision.set_value(0);
        self.blocked.set(None);
        self.save_now();
    }

    /// Starts a new draft from what could be read of an unreadable one;
    /// the unreadable draft stays as it was.
    pub fn recover(self) {
        let Some(unreadable) = self.unreadable.get_untracked() else {
            return;
        };
        let Some(recovered) = unreadable.recovered else {
            return;
        };
        self.cancel_pending();
        let community = recovered.assessment.community.clone();
        let word = self.lang.get_untracked().pick("恢复", "recovered");
        self.label.set_value(free_label(&community, word));
        self.open_key.set(None);
        self.known_revision.set_value(0);
        self.conflict.set(None);
        self.blocked.set(None);
        self.unreadable.set(None);
        self.state.replace_assessment(recovered.assessment);
        self.save_now();
    }

    /// Downloads an unreadable draft's stored text exactly as found.
    pub fn download_raw(self) -> Result<(), file_io::FileIoError> {
        let Some(unreadable) = self.unreadable.get_untracked() else {
            return Ok(());
        };
        let name = format!(
            "星级自评_无法读取的草稿_{}.txt",
            safe_part(unreadable.key.trim_start_matches(DRAFT_PREFIX))
        );
        file_io::download(&name, "text/plain", &unreadable.raw)
    }

    /// Offers a listed draft that cannot be read for recovery.
    pub fn inspect(self, key: &str) {
        if let Err(unreadable) = self.load(key) {
            self.unreadable.set(Some(*unreadable));
        }
    }

    /// Dismisses the recovery offer (the draft stays stored as it is).
    pub fn dismiss_unreadable(self) {
        self.unreadable.set(None);
    }

    /// Gives a draft another label (a copy's name); refused when a draft
    /// with that label exists. Returns the message to show on refusal.
    pub fn rename(self, key: &str, label: &str) -> Result<(), Text> {
        let label = label.trim().to_string();
        let Stored::Draft(mut envelope) = read(key) else {
            return Err(Text::new(
                "无法读取该草稿,不能重命名",
                "This draft cannot be read, so it cannot be renamed",
            ));
        };
        let community =
            self.load(key).map(|(a, _)| a.community).unwrap_or_default();
        let new_key = draft_key(&community, &label);
        if new_key == key {
            return Ok(());
        }
        if !matches!(read(&new_key), Stored::Absent) {
            let name = display_name(&community, &label);
            return Err(Text::new(
                format!("已有名为“{name}”的草稿"),
                format!("A draft named “{name}” already exists"),
            ));
        }

        envelope.label = label.clone();
        envelope.revision += 1;
        envelope.tab = self.tab.get_value();
        write(&new_key, &envelope).map_err(|e| {
            warn!("starcheck: rename of `{key}` not saved: {e}");
            Fault::from(e).text()
        })?;
        LocalStorage::delete(key);
        if self.open_key.get_untracked().as_deref() == Some(key) {
            self.open_key.set(Some(new_key.clone()));
            self.label.set_value(label);
            self.known_revision.set_value(envelope.revision);
        }
        self.write_index();
        self.refresh_list();
        Ok(())
    }

    /// The label of a copy, in the language shown: `副本` or `copy`.
    fn copy_word(self) -> &'static str {
        self.lang.get_untracked().pick("副本", "copy")
    }

    /// Copies a draft under the label `副本` (or `副本 2`, …; `copy` in
    /// English).
    pub fn duplicate(self, key: &str) -> Result<(), Text> {
        let Ok((assessment, mut envelope)) = self.load(key) else {
            return Err(Text::new(
                "无法读取该草稿,不能复制",
                "This draft cannot be read, so it cannot be copied",
            ));
        };
        let label = free_label(&assessment.community, self.copy_word());
        let new_key = draft_key(&assessment.community, &label);
        envelope.label = label;
        envelope.revision = 1;
        envelope.tab = self.tab.get_value();
        envelope.saved_at = now_local();
        write(&new_key, &envelope).map_err(|e| {
            warn!("starcheck: copy of `{key}` not saved: {e}");
            Fault::from(e).text()
        })?;
        self.write_index();
        self.refresh_list();
        Ok(())
    }

    /// Deletes a stored draft (the page has asked for confirmation);
    /// deleting the open draft also clears the form.
    pub fn delete(self, key: &str) {
        if !storage_available() {
            return;
        }
        let files = self
            .load(key)
            .map(|(a, _)| attach::all_ids(&a))
            .unwrap_or_default();

        LocalStorage::delete(key);
        if self.open_key.get_untracked().as_deref() == Some(key) {
            self.new_draft();
        }

        // Its attachments go too, unless a copy of the draft still names
        // them; the content on screen is another draft's or empty.
        attach::forget_unused(files);
        if self
            .unreadable
            .with_untracked(|u| u.as_ref().is_some_and(|u| u.key == key))
        {
            self.unreadable.set(None);
        }
        self.write_index();
        self.refresh_list();
    }

    /// Keeps the list current while the drafts page is shown (reading
    /// every draft costs a parse and a scoring each).
    pub fn show_list(self, shown: bool) {
        self.list_shown.set_value(shown);
        self.refresh_list();
    }

    /// Re-reads the list of drafts from storage, when it is shown.
    pub fn refresh_list(self) {
        if !self.list_shown.get_value() {
            return;
        }
        if !storage_available() {
            self.list.set(Vec::new());
            return;
        }
        let mut entries: Vec<DraftEntry> =
            draft_keys().into_iter().map(|key| self.entry(&key)).collect();
        entries.sort_by(|a, b| {
            b.saved_at.cmp(&a.saved_at).then_with(|| a.key.cmp(&b.key))
        });
        self.list.set(entries);
    }

    fn entry(self, key: &str) -> DraftEntry {
        let name = key.trim_start_matches(DRAFT_PREFIX).to_string();
        match self.load(key) {
            Ok((assessment, envelope)) => DraftEntry {
                key: key.to_string(),
                community: community_name(&assessment.community),
                label: envelope.label,
                as_of: Some(assessment.as_of.to_string()),
                saved_at: Some(envelope.saved_at),
                revision: Some(envelope.revision),
                unreadable: None,
            },
            Err(unreadable) => DraftEntry {
                key: key.to_string(),
                community: name,
                label: String::new(),
                as_of: None,
                saved_at: None,
                revision: None,
                unreadable: Some(unreadable.reason),
            },
        }
    }

    /// A stored draft as an assessment, or why it cannot be read.
    fn load(
        self,
        key: &str,
    ) -> Result<(Assessment, Envelope), Box<Unreadable>> {
        let raw = read_raw(key).unwrap_or_default();
        let unreadable = |reason: Text| {
            Box::new(Unreadable {
                key: key.to_string(),
                raw: raw.clone(),
                reason,
                recovered: None,
            })
        };
        let envelope = match parse_envelope(&raw) {
            Ok(envelope) => envelope,
            Err(reason) => {
                let mut u = unreadable(reason);
                u.recovered = recover_from(&raw);
                return Err(u);
            }
        };
        let imported = self
            .state
            .rubric
            .with_value(|r| file::import_with(r, envelope.document.as_bytes()));
        match imported {
            Ok(imported) => Ok((imported.assessment, envelope)),
            Err(refusal) => {
                let mut u = unreadable(draft_refusal(&refusal));
                u.recovered = file::recover(&envelope.document, today_local());
                Err(u)
            }
        }
    }

    fn raise_conflict(self, key: &str, stored: &Envelope) {
        warn!(
            "starcheck: draft `{key}` has revision {} from another tab; \
             autosave stopped",
            stored.revision
        );
        self.cancel_pending();
        self.conflict.set(Some(Conflict {
            key: key.to_string(),
            revision: stored.revision,
            saved_at: Some(stored.saved_at),
        }));
        self.status.set(SaveStatus::NotSaved(Fault::Conflict));
    }

    fn block(self, key: &str, community: &Community, readable: bool) {
        self.cancel_pending();
        self.blocked.set(Some(Blocked {
            key: key.to_string(),
            community: community_name(community),
            readable,
        }));
        self.status.set(SaveStatus::NotSaved(Fault::Blocked));
    }

    fn cancel_pending(self) {
        if let Some(handle) =
            self.timer.try_update_value(Option::take).flatten()
        {
            handle.clear();
        }
    }

    fn on_storage_event(self, event: &web_sys::StorageEvent) {
        // `clear()` elsewhere has no key; the list is re-read either way.
        let key = event.key();
        let ours = key
            .as_deref()
            .is_none_or(|k| k == INDEX_KEY || k.starts_with(DRAFT_PREFIX));
        if ours {
            self.refresh_list();
        }

        let open = self.open_key.get_untracked();
        if key.is_none() || key != open {
            return;
        }
        let Some(new_value) = event.new_value() else {
            return;
        };
        if let Ok(envelope) = parse_envelope(&new_value)
            && envelope.revision > self.known_revision.get_value()
            && let Some(key) = open
        {
            self.raise_conflict(&key, &envelope);
        }
    }

    /// Writes the index, with this tab's open draft as the one to open
    /// next time; a failure is logged only (the list is read from the
    /// keys, so nothing is hidden by a stale index).
    fn write_index(self) {
        if !storage_available() {
            return;
        }
        let mut drafts = Vec::new();
        for key in draft_keys() {
            let Stored::Draft(envelope) = read(&key) else {
                continue;
            };
            let head: DocumentHead =
                serde_json::from_str(&envelope.document).unwrap_or_default();
            drafts.push(IndexLine {
                key,
                community: community_name(&head.community),
                label: envelope.label,
                as_of: head.as_of,
                saved_at: envelope.saved_at,
                revision: envelope.revision,
            });
        }
        let index = Index {
            format_version: 1,
            last_open: self.open_key.get_untracked(),
            drafts,
        };
        if let Err(error) = LocalStorage::set(INDEX_KEY, &index) {
            warn!(
                "starcheck: draft index not saved: {}",
                StorageError::from(error)
            );
        }
    }
}

impl From<StorageError> for Fault {
    fn from(error: StorageError) -> Fault {
        match error {
            StorageError::Unavailable => Fault::Unavailable,
            StorageError::Full => Fault::Full,
            StorageError::Other(_) => Fault::Refused,
        }
    }
}

/// The parts of an export document the index needs.
#[derive(Default, Deserialize)]
struct DocumentHead {
    #[serde(default)]
    community: Community,
    #[serde(default)]
    as_of: String,
}

/// The key of a community's draft (`label` empty) or of a labelled copy.
pub fn draft_key(community: &Community, label: &str) -> String {
    let name = community_name(community);
    if label.is_empty() {
        return format!("{DRAFT_PREFIX}{name}");
    }
    format!("{DRAFT_PREFIX}{name}#{label}")
}

/// What an assessment without a community is called, in keys and files.
const UNNAMED: &str = "未命名社区";

/// `鲤城区开元街道新春社区`, or `未命名社区`: a draft's key and file name
/// use it.
pub fn community_name(community: &Community) -> String {
    let name = community.full_name();
    if name.trim().is_empty() {
        return UNNAMED.to_string();
    }
    name
}

/// [`community_name`] as shown in `lang`: `Unnamed community` in English.
pub fn community_name_in(community: &Community, lang: Lang) -> String {
    shown_name(&community_name(community), lang)
}

/// A name made by [`community_name`] or [`display_name`] as shown in
/// `lang`: the user's names as typed, ours in the language.
pub fn shown_name(name: &str, lang: Lang) -> String {
    match (lang, name.strip_prefix(UNNAMED)) {
        (Lang::En, Some(rest)) => format!("Unnamed community{rest}"),
        _ => name.to_string(),
    }
}

/// How a draft is called in the list: `新春社区 · 副本`.
pub fn display_name(community: &Community, label: &str) -> String {
    let name = community_name(community);
    if label.is_empty() { name } else { format!("{name} · {label}") }
}

/// `base`, or `base 2`, `base 3`, … whichever has no draft yet.
fn free_label(community: &Community, base: &str) -> String {
    let mut label = base.to_string();
    let mut n = 2;
    while !matches!(read(&draft_key(community, &label)), Stored::Absent) {
        label = format!("{base} {n}");
        n += 1;
    }
    label
}

/// Whether `localStorage` can be reached at all. Reading it throws in
/// some private modes and when storage is disabled; gloo-storage would
/// then throw too, so every use goes through this check first.
pub fn storage_available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

/// The stored text of a key.
fn read_raw(key: &str) -> Option<String> {
    if !storage_available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn read(key: &str) -> Stored {
    match read_raw(key) {
        None => Stored::Absent,
        Some(raw) => match parse_envelope(&raw) {
            Ok(envelope) => Stored::Draft(envelope),
            Err(reason) => Stored::Unreadable(reason),
        },
    }
}

fn write(key: &str, envelope: &Envelope) -> Result<(), StorageError> {
    if !storage_available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::set(key, envelope).map_err(StorageError::from)
}

/// How the browser refused a write: full, switched off, or otherwise.
impl From<GlooError> for StorageError {
    fn from(error: GlooError) -> StorageError {
        match error {
            GlooError::JsError(js) if js.name == "QuotaExceededError" => {
                StorageError::Full
            }
            GlooError::JsError(js) if js.name == "SecurityError" => {
                StorageError::Unavailable
            }
            other => StorageError::Other(other.to_string()),
        }
    }
}

/// Why a stored draft's document is refused, said of a draft: the import's
/// words speak of a file someone sent, and advise asking for it again.
fn draft_refusal(refusal: &file::FileError) -> Text {
    match refusal {
        file::FileError::ChecksumMismatch { .. }
        | file::FileError::MissingChecksum => Text::new(
            "草稿的校验码不符:它在浏览器存储中被改动过或已损坏",
            "The draft's checksum does not match: it was changed in the \
             browser's storage or is damaged",
        ),
        other => Text::new(
            format!("草稿内容无法读取:{}", other.message(Lang::Zh)),
            format!(
                "The draft's content cannot be read: {}",
                other.message(Lang::En)
            ),
        ),
    }
}

/// An envelope of the version this app reads, or why not.
fn parse_envelope(raw: &str) -> Result<Envelope, Text> {
    #[derive(Deserialize)]
    struct Head {
        format: Option<String>,
        format_version: Option<u64>,
    }
    let head: Head = serde_json::from_str(raw).map_err(|_| {
        Text::new(
            "存储的内容已损坏,不是有效的草稿",
            "The stored text is damaged and is not a valid draft",
        )
    })?;
    if head.format.as_deref() != Some(ENVELOPE_FORMAT) {
        return Err(Text::new(
            "存储的内容不是星级自评的草稿",
            "The stored text is not a StarCheck draft",
        ));
    }
    match head.format_version {
        Some(v) if v == u64::from(ENVELOPE_VERSION) => {}
        Some(v) if v > u64::from(ENVELOPE_VERSION) => {
            return Err(Text::new(
                format!(
                    "草稿由更新版本的星级自评保存(第 {v} 版),本程序无法读取"
                ),
                format!(
                    "The draft was saved by a newer StarCheck (version {v}); \
                     this one cannot read it"
                ),
            ));
        }
        _ => {
            return Err(Text::new(
                "草稿的版本号无效,本程序无法读取",
                "The draft's version number is not valid; it cannot be read",
            ));
        }
    }
    serde_json::from_str(raw).map_err(|_| {
        Text::new(
            "存储的草稿已损坏,部分内容无法读取",
            "The stored draft is damaged; part of it cannot be read",
        )
    })
}

/// What can be read of a damaged envelope: the document inside it when
/// that is still a string, else the text itself as a document.
fn recover_from(raw: &str) -> Option<Recovered> {
    let inner = serde_json::from_str::<serde_json::Value>(raw)
        .ok()
        .and_then(|v| v.get("document")?.as_str().map(str::to_string));
    let text = inner.as_deref().unwrap_or(raw);
    file::recover(text, today_local())
}

/// Whether any stored draft names `id` (an attachment's), so its
/// contents must stay. When storage cannot be read, the answer is yes:
/// keeping a file too long costs space, deleting it too early loses it.
pub fn stored_drafts_mention(id: &str) -> bool {
    if !storage_available() {
        return true;
    }
    draft_keys()
        .iter()
        .any(|key| read_raw(key).is_none_or(|text| text.contains(id)))
}

/// Every draft key in storage, sorted.
fn draft_keys() -> Vec<String> {
    if !storage_available() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(DRAFT_PREFIX))
        .collect();
    keys.sort();
    keys
}

/// The index, or an empty one when missing or unreadable.
fn read_index() -> Index {
    if !storage_available() {
        return Index::default();
    }
    match LocalStorage::get::<Index>(INDEX_KEY) {
        Ok(index) => index,
        Err(GlooError::KeyNotFound(_)) => Index::default(),
        Err(error) => {
            warn!("starcheck: draft index unreadable, ignored: {error}");
            Index::default()
        }
    }
}

/// A random id for this tab, e.g. `t-k3j9x2`.
fn new_tab_id() -> String {
    let n = (js_sys::Math::random() * 2_176_782_336.0) as u64;
    format!("t-{}", base36(n))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Only letters, digits and `-` of a key, for a file name.
fn safe_part(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' })
        .collect()
}

/// The header's words for a save status.
pub fn status_text(status: &SaveStatus, lang: starcheck_core::Lang) -> String {
    use starcheck_core::Lang;
    match (status, lang) {
        (SaveStatus::Idle, Lang::Zh) => "尚未保存草稿".to_string(),
        (SaveStatus::Idle, Lang::En) => "No draft saved yet".to_string(),
        (SaveStatus::Saving, Lang::Zh) => "正在保存…".to_string(),
        (SaveStatus::Saving, Lang::En) => "Saving…".to_string(),
        (SaveStatus::Saved(at), Lang::Zh) => {
            format!("已保存 {}", hour_minute(*at))
        }
        (SaveStatus::Saved(at), Lang::En) => {
            format!("Saved {}", hour_minute(*at))
        }
        (SaveStatus::NotSaved(_), Lang::Zh) => "未保存".to_string(),
        (SaveStatus::NotSaved(_), Lang::En) => "Not saved".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_keys_follow_the_community() {
        let c = Community::new("鲤城区", "开元街道", "新春社区");
        assert_eq!(draft_key(&c, ""), "starcheck.draft.鲤城区开元街道新春社区");
        assert_eq!(
            draft_key(&c, "副本"),
            "starcheck.draft.鲤城区开元街道新春社区#副本"
        );
        assert_eq!(
            draft_key(&Community::default(), ""),
            "starcheck.draft.未命名社区"
        );
        assert_eq!(display_name(&c, "副本"), "鲤城区开元街道新春社区 · 副本");
    }

    #[test]
    fn ok_envelope_versions() {
        assert!(parse_envelope("garbage").is_err());
        assert!(parse_envelope("{\"format\":\"x\"}").is_err());
        let newer = r#"{"format":"starcheck-draft","format_version":2}"#;
        assert_eq!(
            parse_envelope(newer).err().as_deref(),
            Some("草稿由更新版本的星级自评保存(第 2 版),本程序无法读取")
        );
    }

    #[test]
    fn ok_base36() {
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
    }
}
