//! The district office's page (全区对照, `#/district`): load many exported
//! files at once, see ranks, tiers, gate failures and money in one table,
//! compare communities item by item, and export the table. The state lives
//! in [`crate::district::DistrictState`]; each part is its own component.

use leptos::prelude::*;
use starcheck_core::RANKING_READINGS;

use crate::components::chart_district_ranking::ChartDistrictRanking;
use crate::components::district_compare::DistrictCompare;
use crate::components::district_load_report::DistrictLoadReport;
use crate::components::district_loader::DistrictLoader;
use crate::components::district_overlaps::DistrictOverlaps;
use crate::components::district_quotas::DistrictQuotas;
use crate::components::district_storage_notice::DistrictStorageNotice;
use crate::components::district_table::DistrictTable;
use crate::components::readings_note::ReadingsNote;
use crate::i18n::tr;

/// The whole district page.
#[component]
pub fn DistrictPage() -> impl IntoView {
    view! {
        <section class="page district-page" data-page="district">
            <h2>{tr("全区对照", "District comparison")}</h2>
            <p class="district-intro">
                {tr("载入各社区导出的自评文件(可一次选择多个,也可拖放),每个文件按导入的同样规则检查;", "Load the files the communities exported (several at once, or drop them here); each is checked as an import is; ")}
                {tr("按名额排出名次和星级,列出考核不通过的社区,并合计补助资金。", "Ranks and tiers by quota, the communities that fail, and the subsidy totals.")}
                {tr("文件只在本机浏览器中处理,不会上传。", "Files are processed in this browser only and never uploaded.")}
            </p>
            <DistrictStorageNotice />
            <DistrictLoader />
            <DistrictLoadReport />
            <DistrictQuotas />
            // The ranking's own assumptions, beside the table they shape.
            <ReadingsNote only=RANKING_READINGS />
            <DistrictOverlaps />
            <DistrictTable />
            <ChartDistrictRanking />
            <DistrictCompare />
        </section>
    }
}
