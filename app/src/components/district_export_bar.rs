//! Exports of the district table: CSV for Excel on Chinese Windows (UTF-8
//! with a byte-order mark, CRLF, formula-safe cells: the core's
//! `starcheck_core::district::table_csv`) and JSON (the ranking result).
//! Both hold every loaded community, whatever the filter shows.

use leptos::prelude::*;
use starcheck_core::district::{ranking_json, table_csv};

use crate::date::today_local;
use crate::district::DistrictState;
use crate::file_io::download;
use crate::i18n::{Lang, tr, use_lang};

/// The two export buttons and what happened.
#[component]
pub fn DistrictExportBar() -> impl IntoView {
    let district = DistrictState::expect();
    let lang = use_lang();
    let message = RwSignal::new(None::<(bool, String)>);

    // One download of the table in a format; the message says which file.
    let export = move |csv: bool| {
        let made = district.table.with_untracked(|t| {
            let table = t.as_ref().ok()?;
            Some(if csv {
                table_csv(table)
            } else {
                district.rubric().with_value(|r| ranking_json(r, table))
            })
        });
        let Some(text) = made else {
            return;
        };
        let (extension, mime) = if csv {
            ("csv", "text/csv")
        } else {
            ("json", "application/json")
        };
        let name = format!("全区对照_{}.{extension}", today_local());
        message.set(Some(match download(&name, mime, &text) {
            Ok(()) => (
                true,
                match lang.get_untracked() {
                    Lang::Zh => format!("已下载 {name}"),
                    Lang::En => format!("Downloaded {name}"),
                },
            ),
            Err(error) => (false, error.message(lang.get_untracked())),
        }));
    };

    view! {
        <div class="district-export" data-export-bar="">
            <button
                type="button"
                class="button"
                data-action="export-csv"
                on:click=move |_| export(true)
            >
                {tr("导出 CSV(Excel)", "Export CSV (Excel)")}
            </button>
            <button
                type="button"
                class="button secondary"
                data-action="export-json"
                on:click=move |_| export(false)
            >
                {tr("导出 JSON", "Export JSON")}
            </button>
            <span
                class=move || match message.get() {
                    Some((false, _)) => "district-export-note status-error",
                    _ => "district-export-note muted",
                }
                role="status"
            >
                {move || message.get().map(|(_, text)| text)}
            </span>
        </div>
    }
}
