//! The likely tier's reference: the evaluations of the loaded district set
//! without the community being assessed ([`AppState::peers`]).
//!
//! The full page keeps them in step with its set ([`super::DistrictState`]);
//! the community's page, which has no district page (see
//! [`crate::edition`]), reads the set the full page stored, at start-up
//! and again whenever another tab changes it, and never writes it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use starcheck_core::Rubric;
use starcheck_core::district::{DistrictSet, Loaded, community_key};

use crate::file_io::read_assessment;
use crate::state::AppState;

use super::storage::{self, SetEnvelope, Stored};
use super::worker;

/// The set a stored envelope holds, and the names of its files that no
/// longer import (refused in the set as well).
pub fn read_envelope(
    rubric: &Rubric,
    envelope: &SetEnvelope,
) -> (DistrictSet, Vec<String>) {
    let mut set = DistrictSet::new();
    let mut failed = Vec::new();
    for file in &envelope.files {
        match read_assessment(rubric, file.document.as_bytes()) {
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
    (set, failed)
}

/// Keeps [`AppState::peers`] at `set`'s communities but the one being
/// assessed, recomputed only when either side changes. A thousand
/// evaluations take a moment to copy: in a task of their own, after the
/// page has drawn the change.
pub fn follow(app: AppState, set: Signal<DistrictSet>) {
    let own = Memo::new(move |_| {
        app.assessment.with(|a| community_key(&a.community))
    });
    Effect::new(move |_| {
        own.track();
        set.track();
        spawn_local(async move {
            worker::next_task().await;
            let own = own.get_untracked();
            let peers = set.with_untracked(|s| {
                s.files
                    .iter()
                    .filter(|f| !f.has_key(&own))
                    .map(|f| f.imported.evaluation.clone())
                    .collect()
            });
            app.peers.set(peers);
        });
    });
}

/// The community's page: peers from the stored set, if one is stored and
/// readable. Files that no longer import are left out here; the full
/// page says so.
pub fn from_storage(app: AppState) {
    let read = move || match storage::load() {
        Stored::Set(envelope) => {
            app.rubric.with_value(|rubric| read_envelope(rubric, &envelope).0)
        }
        _ => DistrictSet::new(),
    };
    let set = RwSignal::new(read());

    // The full page open in another tab loads or clears the set.
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(storage::SET_KEY) {
            set.set(read());
        }
    });
    on_cleanup(move || handle.remove());

    follow(app, set.into());
}
