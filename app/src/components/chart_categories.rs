//! A chart of the category scores against their maxima: one horizontal
//! bar per category, the points it can count on solid, the points still
//! open (low..high) as a lighter hatched band, the maximum as the bar's
//! outline. The numbers are written beside every bar and again in a table
//! under the chart, so nothing depends on colour or on seeing the chart.

use leptos::prelude::*;
use starcheck_core::{CategoryResult, tenths};

use crate::components::chart_range_bar::ChartRangeBar;
use crate::components::gloss_line::GlossLine;
use crate::i18n::{Lang, gloss, tr, use_lang};

/// Width of the bar track in SVG units; bars are scaled to it.
pub const TRACK: f64 = 300.0;

/// Where the track starts (the labels sit to its left).
const TRACK_X: f64 = 150.0;

/// Height of one row.
const ROW: f64 = 30.0;

/// A width on the track for `points` out of `max` (0 when `max` is 0).
pub fn bar_width(points: u32, max: u32) -> f64 {
    if max == 0 {
        return 0.0;
    }
    let share = f64::from(points.min(max)) / f64::from(max);
    (share * TRACK * 10.0).round() / 10.0
}

/// The category bars with their numbers.
#[component]
pub fn ChartCategories(
    /// The categories, in the rubric's order.
    categories: Vec<CategoryResult>,
) -> impl IntoView {
    let height = ROW * categories.len() as f64 + 10.0;
    let lang = use_lang();

    // The official category names stay Chinese on the bars; the
    // description read out gives their English in English mode.
    let lines: Vec<(String, String)> = categories
        .iter()
        .map(|c| {
            let en = gloss(&c.name).map_or_else(
                || c.name.clone(),
                |g| format!("{} ({g})", c.name),
            );
            (
                format!("{} {} / {}", c.name, c.score, c.max),
                format!("{en} {} / {}", c.score, c.max),
            )
        })
        .collect();
    let summary = move || match lang.get() {
        Lang::Zh => {
            lines.iter().map(|l| l.0.as_str()).collect::<Vec<_>>().join(";")
        }
        Lang::En => {
            lines.iter().map(|l| l.1.as_str()).collect::<Vec<_>>().join("; ")
        }
    };

    // One row per category: label, outline of the maximum, solid low,
    // hatched open part, and the figures in words.
    let rows = categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let y = ROW * i as f64 + 6.0;
            let low = bar_width(c.score.low, c.max);
            let high = bar_width(c.score.high, c.max);
            let figures = format!("{} / {}", c.score, c.max);
            view! {
                <g class="chart-row" data-chart-category=c.name.clone()>
                    <text x="0" y=tenths(y + 14.0) class="chart-label" lang="zh-CN">
                        {c.name.clone()}
                    </text>
                    <rect
                        class="chart-track"
                        x=tenths(TRACK_X)
                        y=tenths(y)
                        width=tenths(TRACK)
                        height="18"
                    />
                    <ChartRangeBar x=TRACK_X y=y low=low high=high height=18.0 />
                    <text x=tenths(TRACK_X + TRACK + 8.0) y=tenths(y + 14.0) class="chart-figure">
                        {figures}
                    </text>
                </g>
            }
        })
        .collect::<Vec<_>>();

    let table = categories
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">
                        <span lang="zh-CN">{c.name.clone()}</span>
                        <GlossLine zh=c.name.clone() />
                    </th>
                    <td>{c.score.low.to_string()}</td>
                    <td>{c.score.high.to_string()}</td>
                    <td>{c.max.to_string()}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();

    view! {
        <figure class="chart chart-categories" data-chart="categories">
            <svg
                viewBox=format!("0 0 540 {}", tenths(height))
                role="img"
                aria-labelledby="chart-categories-title chart-categories-desc"
            >
                <title id="chart-categories-title">{tr("分类得分与满分", "Category scores and maxima")}</title>
                <desc id="chart-categories-desc">{summary}</desc>
                <defs>
                    <pattern
                        id="chart-hatch"
                        width="6"
                        height="6"
                        patternUnits="userSpaceOnUse"
                        patternTransform="rotate(45)"
                    >
                        <rect width="6" height="6" class="chart-hatch-bg" />
                        <line x1="0" y1="0" x2="0" y2="6" class="chart-hatch-line" />
                    </pattern>
                </defs>
                {rows}
            </svg>
            <figcaption>
                {tr("实心为最低分,斜线浅色段为尚未确定的分(最低–最高),外框为满分。", "Solid is the lowest score, the light hatched part the points still open (lowest–highest), the outline the maximum.")}
            </figcaption>
            <table class="chart-data">
                <thead>
                    <tr>
                        <th scope="col">{tr("分类", "Category")}</th>
                        <th scope="col">{tr("最低", "Lowest")}</th>
                        <th scope="col">{tr("最高", "Highest")}</th>
                        <th scope="col">{tr("满分", "Maximum")}</th>
                    </tr>
                </thead>
                <tbody>{table}</tbody>
            </table>
        </figure>
    }
}
