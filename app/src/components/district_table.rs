//! The district table: a filter by district, headings that sort, one
//! [`DistrictRow`] per row (ranked communities, empty slots, gate
//! failures), the ties for a person to settle above it and the money at
//! its foot ([`DistrictTableFoot`]), with the exports
//! ([`DistrictExportBar`]). Rows, order and money are the core's
//! (`starcheck_core::district::view`). A district of hundreds shows its
//! first [`PAGE_ROWS`] rows in the order chosen and more on request, so
//! that a sort or a load never renders a thousand rows in one go.

use leptos::prelude::*;
use starcheck_core::district::{Row, SortKey, view as rows_view};

use crate::components::district_export_bar::DistrictExportBar;
use crate::components::district_row::DistrictRow;
use crate::components::district_table_foot::DistrictTableFoot;
use crate::district::DistrictState;
use crate::i18n::{Lang, tr, use_lang};

/// Rows rendered at first, and added by each "more".
pub const PAGE_ROWS: usize = 50;

/// How many rows the view has, and the first `limit` of them in order.
fn shown(
    district: DistrictState,
    filter: Option<String>,
    key: SortKey,
    ascending: bool,
    limit: usize,
) -> (usize, Vec<Row>) {
    district.table.with(|table| match table {
        Ok(table) => {
            let rows = rows_view(table, filter.as_deref(), key, ascending);
            let first = rows.iter().take(limit).map(|&r| r.clone()).collect();
            (rows.len(), first)
        }
        Err(_) => (0, Vec::new()),
    })
}

/// The table with its filter, sorting, ties and foot.
#[component]
pub fn DistrictTable() -> impl IntoView {
    let district = DistrictState::expect();
    let lang = use_lang();
    let filter = RwSignal::new(None::<String>);
    let sort = RwSignal::new((SortKey::Rank, true));

    // A district that is no longer loaded stops filtering.
    let districts = Memo::new(move |_| district.set.with(|s| s.districts()));
    Effect::new(move |_| {
        let known = districts.get();
        if filter
            .with_untracked(|f| f.as_ref().is_some_and(|d| !known.contains(d)))
        {
            filter.set(None);
        }
    });

    let limit = RwSignal::new(PAGE_ROWS);
    let rows = Memo::new(move |_| {
        let (key, ascending) = sort.get();
        shown(district, filter.get(), key, ascending, limit.get())
    });
    let hidden = move || rows.with(|(all, first)| all - first.len());
    let more_text = move || {
        let lang = lang.get();
        rows.with(|(all, first)| match lang {
            Lang::Zh => format!("显示前 {} 行,共 {all} 行", first.len()),
            Lang::En => {
                format!("Showing the first {} of {all} rows", first.len())
            }
        })
    };
    let empty = move || district.set.with(|s| s.files.is_empty());

    // Clearing everything takes a second click, so a slip loses nothing.
    let clear_armed = RwSignal::new(false);
    let on_clear = move |_| {
        if clear_armed.get_untracked() {
            clear_armed.set(false);
            district.clear();
        } else {
            clear_armed.set(true);
        }
    };

    // A heading sorts by its column; a second click reverses.
    let heading = move |key: SortKey| {
        let aria = move || match sort.get() {
            (k, true) if k == key => "ascending",
            (k, false) if k == key => "descending",
            _ => "none",
        };
        let arrow = move || match sort.get() {
            (k, true) if k == key => "▲",
            (k, false) if k == key => "▼",
            _ => "",
        };
        let numeric = !matches!(
            key,
            SortKey::District
                | SortKey::Street
                | SortKey::Community
                | SortKey::Gates
                | SortKey::Tier
        );
        let on_click = move |_| {
            sort.update(|(k, ascending)| {
                if *k == key {
                    *ascending = !*ascending;
                } else {
                    *k = key;
                    // Scores and money read best first.
                    *ascending = !numeric || key == SortKey::Rank;
                }
            });
        };
        view! {
            <th scope="col" aria-sort=aria class:num=numeric>
                <button
                    type="button"
                    class="sort-button"
                    data-sort=key.name()
                    on:click=on_click
                >
                    {move || key.heading_in(lang.get())}
                    <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };

    let on_filter = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        filter.set((!value.is_empty()).then_some(value));
    };
    let error = move || {
        let lang = lang.get();
        district
            .table
            .with(|t| t.as_ref().err().map(|e| e.get(lang).to_string()))
    };
    let ties = move || {
        district
            .table
            .with(|t| t.as_ref().map(|t| t.ties.clone()).unwrap_or_default())
    };

    view! {
        <Show
            when=move || !empty()
            fallback=|| view! {
                <p class="muted" data-district-empty="">
                    {tr("还没有载入任何社区的文件。", "No community's file has been loaded yet.")}
                </p>
            }
        >
            <div class="district-toolbar">
                <div class="field district-filter">
                    <label for="f-district-filter">{tr("按区筛选", "Filter by district")}</label>
                    <select
                        id="f-district-filter"
                        data-field="district-filter"
                        on:change=on_filter
                        prop:value=move || filter.get().unwrap_or_default()
                    >
                        <option value="">{tr("全部区", "All districts")}</option>
                        {move || {
                            districts
                                .get()
                                .into_iter()
                                .map(|d| view! { <option value=d.clone()>{d.clone()}</option> })
                                .collect_view()
                        }}
                    </select>
                </div>
                <DistrictExportBar />
                <button
                    type="button"
                    class="button secondary"
                    data-action="clear-set"
                    prop:disabled=move || district.loading.get()
                    on:click=on_clear
                    on:blur=move |_| clear_armed.set(false)
                >
                    {move || {
                        let lang = lang.get();
                        if clear_armed.get() {
                            lang.pick("再点一次,清空全部文件", "Click again to clear all files")
                        } else {
                            lang.pick("清空全部", "Clear all")
                        }
                    }}
                </button>
            </div>
            <p class="field-error" role="alert">{error}</p>
            <Show when=move || !ties().is_empty()>
                <div class="notice district-ties" role="alert" data-ties="">
                    <strong>{tr("同分跨名额,需人工确定:", "Equal scores across a quota boundary, to be settled by a person:")}</strong>
                    <ul>
                        {move || {
                            ties()
                                .into_iter()
                                .map(|t| {
                                    let text = t.message.get(lang.get()).to_string();
                                    view! { <li data-tie="">{text}</li> }
                                })
                                .collect_view()
                        }}
                    </ul>
                </div>
            </Show>
            <div class="table-scroll district-scroll">
                <table class="district-table" data-district-table="">
                    <caption class="visually-hidden">
                        {tr("全区对照表:名次、社区、得分、否决项、星级与补助", "District table: rank, community, score, gates, tier and subsidy")}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">
                                <span class="visually-hidden">{tr("对比", "Compare")}</span>
                            </th>
                            {SortKey::ALL.iter().map(|&k| heading(k)).collect_view()}
                            <th scope="col">
                                <span class="visually-hidden">{tr("操作", "Actions")}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        // A page of rows at most: re-rendered whole on change.
                        {move || {
                            rows.with(|(_, first)| {
                                first
                                    .iter()
                                    .map(|row| view! { <DistrictRow row=row.clone() /> })
                                    .collect_view()
                            })
                        }}
                    </tbody>
                    <DistrictTableFoot filter=filter />
                </table>
            </div>
            <Show when=move || { hidden() > 0 }>
                <p class="district-more" data-rows-hidden=hidden>
                    {more_text}
                    <button
                        type="button"
                        class="button secondary"
                        data-action="show-more-rows"
                        on:click=move |_| limit.update(|l| *l = l.saturating_add(PAGE_ROWS))
                    >
                        {move || match lang.get() {
                            Lang::Zh => format!("再显示 {PAGE_ROWS} 行"),
                            Lang::En => format!("Show {PAGE_ROWS} more rows"),
                        }}
                    </button>
                    <button
                        type="button"
                        class="button secondary"
                        data-action="show-all-rows"
                        on:click=move |_| limit.set(usize::MAX)
                    >
                        {tr("显示全部", "Show all")}
                    </button>
                </p>
            </Show>
        </Show>
    }
}
