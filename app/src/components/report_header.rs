//! The report's heading: community, the as-of date, the rubric by the
//! notice it comes from (泉城管〔2024〕120号 附件2) and its version, and
//! the date of printing, with the print button (hidden on paper). The
//! rubric's id is for files, not for readers.

use leptos::prelude::*;

use crate::date::{date_zh, today_local};
use crate::i18n::{Lang, tr, use_lang};
use crate::state::AppState;

/// The heading of the printed report.
#[component]
pub fn ReportHeader() -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let heading = Memo::new(move |_| {
        let lang = lang.get();
        state.evaluation.with(|e| {
            let who = e.community.full_name();
            let who = if who.is_empty() {
                lang.pick("未选择社区", "No community chosen").to_string()
            } else {
                who
            };
            let as_of = match lang {
                Lang::Zh => date_zh(e.as_of),
                Lang::En => e.as_of.to_string(),
            };
            (who, as_of, e.rubric_version)
        })
    });
    let title = state.rubric.with_value(|r| r.title().to_string());
    let source = state.rubric.with_value(|r| r.source().to_string());
    let today = today_local();
    let printed = move || match lang.get() {
        Lang::Zh => date_zh(today),
        Lang::En => today.to_string(),
    };

    // Printing is the browser's: “save as PDF” is one of its printers.
    let print = move |_| {
        let _ = window().print();
    };

    view! {
        <header class="report-header" data-report="header">
            <div class="report-actions">
                <button type="button" class="button" data-action="print" on:click=print>
                    {tr("打印 / 导出PDF", "Print / save as PDF")}
                </button>
            </div>
            <h1 data-report="community">{move || heading.get().0}</h1>
            <p class="report-title">
                <span lang="zh-CN">{title.clone()}</span>
                {move || lang.get().pick(" · 自评报告", " · self-assessment report")}
            </p>
            <dl class="report-meta">
                <div>
                    <dt>{tr("截至", "As of")}</dt>
                    <dd data-report="as-of">{move || heading.get().1}</dd>
                </div>
                <div>
                    <dt>{tr("评分细则", "Rubric")}</dt>
                    <dd data-report="rubric">
                        <span lang="zh-CN">{source}</span>
                        {move || {
                            let version = heading.get().2;
                            match lang.get() {
                                Lang::Zh => format!(" 第{version}版"),
                                Lang::En => format!(", version {version}"),
                            }
                        }}
                    </dd>
                </div>
                <div>
                    <dt>{tr("打印日期", "Printed on")}</dt>
                    <dd data-report="printed">{printed}</dd>
                </div>
            </dl>
        </header>
    }
}
