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
use crate::components::district_page::DistrictPage;
use crate::components::drafts_bar::DraftsBar;
use crate::components::drafts_page::DraftsPage;
use crate::components::ledger_page::LedgerPage;
use crate::components::nav_bar::NavBar;
use crate::components::report_page::ReportPage;
use crate::components::rubric_page::RubricPage;
use crate::components::update_prompt::UpdatePrompt;
use crate::district::DistrictState;
use crate::offline::Updates;
use crate::route::{Route, use_route};
use crate::state::AppState;
use crate::storage::Drafts;

/// The whole app: header, tabs and the page the hash names.
#[component]
pub fn App() -> impl IntoView {
    // The language first: every label reads it.
    i18n::provide_lang();

    // Shared state next: every page reads it from context.
    let state = AppState::new();
    provide_context(state);

    // Drafts load explicitly here (never inside Default), then autosave.
    provide_context(Drafts::start(state));

    // The district page's loaded set outlives visits to other tabs.
    provide_context(DistrictState::start());

    // The offline copy and the prompt for a new version (release builds).
    provide_context(Updates::start());

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
            <main class="app-main">{move || page(route.get())}</main>
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
fn page(route: Route) -> AnyView {
    match route {
        Route::Rubric => view! { <RubricPage /> }.into_any(),
        Route::Assess => view! { <AssessPage /> }.into_any(),
        Route::Ledger => view! { <LedgerPage /> }.into_any(),
        Route::Drafts => view! { <DraftsPage /> }.into_any(),
        Route::District => view! { <DistrictPage /> }.into_any(),
        Route::Report => view! { <ReportPage /> }.into_any(),
    }
}
