//! The band under the page header that every page shows: the save state
//! and, when something needs the user, the storage, two-tab, occupied-key
//! and recovery notices.

use leptos::prelude::*;

use crate::components::drafts_blocked_notice::DraftsBlockedNotice;
use crate::components::drafts_conflict_notice::DraftsConflictNotice;
use crate::components::drafts_recovery_notice::DraftsRecoveryNotice;
use crate::components::drafts_save_status::DraftsSaveStatus;
use crate::components::drafts_storage_notice::DraftsStorageNotice;
use crate::i18n::tr;

/// Save state and draft notices.
#[component]
pub fn DraftsBar() -> impl IntoView {
    view! {
        <section class="drafts-bar" aria-label=tr("草稿保存状态", "Draft saving status") data-component="drafts-bar">
            <DraftsSaveStatus />
            <DraftsStorageNotice />
            <DraftsConflictNotice />
            <DraftsBlockedNotice />
            <DraftsRecoveryNotice />
        </section>
    }
}
