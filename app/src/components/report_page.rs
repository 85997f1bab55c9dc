//! The printable report (自评报告, `#/report`): the heading, the summary
//! with its charts, the items category by category, the ledger, the
//! materials checklist for the inspection and the fix-first list. Made
//! for A4 paper by `style/report.css`; on screen it reads as a page.

use leptos::prelude::*;

use crate::components::report_fix_first::ReportFixFirst;
use crate::components::report_header::ReportHeader;
use crate::components::report_items::ReportItems;
use crate::components::report_ledger::ReportLedger;
use crate::components::report_materials::ReportMaterials;
use crate::components::report_summary::ReportSummary;

/// The whole report.
#[component]
pub fn ReportPage() -> impl IntoView {
    view! {
        <article class="page report-page" data-page="report">
            <ReportHeader />
            <ReportSummary />
            <ReportLedger />
            <ReportFixFirst />
            <ReportItems />
            <ReportMaterials />
        </article>
    }
}
