//! StarCheck's single-page app. `main.rs` only mounts [`App`]; everything
//! lives here so that browser tests can import it.
//!
//! Every visible string follows the language chosen in the header
//! ([`i18n`]): Chinese by default, English on request.
//!
//! Map: [`state`] holds the shared state (rubric, assessment, the core's
//! evaluation); [`route`] follows the URL hash; [`components`] holds one
//! component per file, pages included; [`date`] reads today's local date.
//! What people type is parsed by the core (`parse_count`,
//! `Money::parse_input`).

pub mod attach;
pub mod components;
pub mod date;
pub mod district;
pub mod edition;
pub mod evidence_store;
pub mod file_io;
pub mod i18n;
pub mod labels;
pub mod offline;
pub mod route;
pub mod shrink;
pub mod state;
pub mod storage;

use leptos::prelude::*;

use crate::components::app_header::AppHeader;
use crate::components::assess_page::AssessPage;
use crate::components::district_elsewhere::DistrictElsewhere;
use crate::components::drafts_bar::DraftsBar;
use crate::components::drafts_page::DraftsPage;
use crate::components::ledger_page::LedgerPage;
use crate::components::nav_bar::NavBar;
use crate::components::report_page::ReportPage;
use crate::components::rubric_page::RubricPage;
use crate::components::update_prompt::UpdatePrompt;
use crate::edition::Edition;
use crate::offline::Updates;
use crate::route::{Route, use_route};
use crate::state::AppState;
use crate::storage::Drafts;

/// The whole app: header, tabs and the page the hash names.
///
/// Each page of the site mounts it with its own edition (see [`edition`]):
/// `index.html` with [`Edition::Community`], `district.html` and the
/// single-file edition with [`Edition::full`]. Only the full page's entry
/// point names [`Edition::full`]: were the library to name it as well,
/// the optimiser could keep the district page in the community's build.
#[component]
pub fn App(
    /// The pages this build carries.
    edition: Edition,
) -> impl IntoView {
    provide_context(edition);

    // The language first: every label reads it.
    i18n::provide_lang();

    // Shared state next: every page reads it from context.
    let state = AppState::new();
    provide_context(state);

    // Drafts load explicitly here (never inside Default), then autosave.
    provide_context(Drafts::start(state));

    // The district page's loaded set outlives visits to other tabs; the
    // community's page reads the stored set for the likely tier.
    match edition {
        Edition::Full { start, .. } => start(),
        Edition::Community => district::peers::from_storage(state),
    }

    // The offline copy and the prompt for a new version (release builds).
    provide_context(Updates::start());

    // Back or forward between the site's two pages may bring one back from
    // the browser's back-forward cache as it was left: its draft, language
    // and district set would be out of date, and other tabs' edits would
    // look like a conflict. It was flushed when left (pagehide), so it is
    // loaded afresh.
    let restored = window_event_listener(leptos::ev::pageshow, |event| {
        if event.persisted() {
            let _ = window().location().reload();
        }
    });
    on_cleanup(move || restored.remove());

    // The page follows the hash, so links, back and forward all work.
    let route = use_route();

    // Effects run once the view is in the document: the end-to-end
    // harness waits for this marker before it acts, and the benchmarks
    // (tests/bench/) time the first load up to the performance mark.
    let (mounted, set_mounted) = signal(false);
    Effect::new(move |_| {
        set_mounted.set(true);
        mark_interactive();
    });

    view! {
        <div class="app" data-app-ready=move || mounted.get().then_some("true")>
            <AppHeader />
            <DraftsBar />
            <UpdatePrompt />
            <NavBar route=route />
            <main class="app-main">{move || page(edition, route.get())}</main>
        </div>
    }
}

/// Marks the moment the mounted app takes input, as the performance entry
/// `starcheck:interactive` that `cargo xtask bench` reads.
fn mark_interactive() {
    if let Some(performance) = window().performance() {
        // Without the mark only the benchmark loses its figure.
        let _ = performance.mark("starcheck:interactive");
    }
}

/// The view of one page.
fn page(edition: Edition, route: Route) -> AnyView {
    match route {
        Route::Rubric => view! { <RubricPage /> }.into_any(),
        Route::Assess => view! { <AssessPage /> }.into_any(),
        Route::Ledger => view! { <LedgerPage /> }.into_any(),
        Route::Drafts => view! { <DraftsPage /> }.into_any(),
        Route::District => match edition {
            Edition::Full { page, .. } => page(),
            Edition::Community => view! { <DistrictElsewhere /> }.into_any(),
        },
        Route::Report => view! { <ReportPage /> }.into_any(),
    }
}
