//! A chart of the total score's range on the whole scale (0 to the base
//! maximum plus the bonus maximum, 0–109): the points the community can
//! count on as a solid bar, the rest of its range as a hatched band, the
//! base maximum (100) marked on the axis. Every figure is written out.

use crate::i18n::{Lang, tr, use_lang};
use leptos::prelude::*;
use starcheck_core::{ScoreRange, tenths};

/// Width of the axis in SVG units.
pub const AXIS: f64 = 480.0;

/// Where the axis starts.
const AXIS_X: f64 = 20.0;

/// The x position of `points` on an axis of `0..=max`.
pub fn axis_x(points: u32, max: u32) -> f64 {
    if max == 0 {
        return AXIS_X;
    }
    let share = f64::from(points.min(max)) / f64::from(max);
    ((AXIS_X + share * AXIS) * 10.0).round() / 10.0
}

/// The total's range on the 0..=`axis_max` scale.
#[component]
pub fn ChartScoreRange(
    /// The total (base plus bonus) at both ends.
    total: ScoreRange,
    /// The base maximum (100), marked on the axis.
    base_max: u32,
    /// The end of the scale: base maximum plus bonus maximum (109).
    axis_max: u32,
) -> impl IntoView {
    let low_x = axis_x(total.low, axis_max);
    let high_x = axis_x(total.high, axis_max);
    let low_width = ((low_x - AXIS_X) * 10.0).round() / 10.0;
    let open_width = ((high_x - low_x) * 10.0).round() / 10.0;
    // The parent section re-renders on a language switch.
    let lang = use_lang().get_untracked();
    let words = match (total.is_exact(), lang) {
        (true, Lang::Zh) => format!("总分 {} 分(满分 {axis_max})", total.low),
        (false, Lang::Zh) => {
            format!("总分 {}–{} 分(满分 {axis_max})", total.low, total.high)
        }
        (true, Lang::En) => {
            format!("Total {} points (out of {axis_max})", total.low)
        }
        (false, Lang::En) => format!(
            "Total {}–{} points (out of {axis_max})",
            total.low, total.high
        ),
    };

    // Ticks every 10 points, plus the base maximum and the scale's end.
    let mut marks: Vec<u32> = (0..=axis_max).step_by(20).collect();
    for extra in [base_max, axis_max] {
        if !marks.contains(&extra) {
            marks.push(extra);
        }
    }
    marks.retain(|m| *m == base_max || *m == axis_max || *m + 6 < base_max);
    let ticks = marks
        .into_iter()
        .map(|m| {
            let x = axis_x(m, axis_max);
            view! {
                <line x1=tenths(x) y1="44" x2=tenths(x) y2="50" class="chart-axis" />
                <text x=tenths(x) y="64" text-anchor="middle" class="chart-tick">
                    {m.to_string()}
                </text>
            }
        })
        .collect::<Vec<_>>();
    let base_line = axis_x(base_max, axis_max);

    view! {
        <figure class="chart chart-score-range" data-chart="score-range">
            <svg
                viewBox="0 0 520 72"
                role="img"
                aria-labelledby="chart-range-title chart-range-desc"
            >
                <title id="chart-range-title">{tr("总分区间", "Total range")}</title>
                <desc id="chart-range-desc">{words.clone()}</desc>
                <rect
                    class="chart-track"
                    x=tenths(AXIS_X)
                    y="18"
                    width=tenths(AXIS)
                    height="22"
                />
                <rect
                    class="chart-low"
                    data-bar="low"
                    x=tenths(AXIS_X)
                    y="18"
                    width=tenths(low_width)
                    height="22"
                />
                <rect
                    class="chart-open"
                    data-bar="open"
                    x=tenths(low_x)
                    y="18"
                    width=tenths(open_width)
                    height="22"
                />
                <line
                    class="chart-mark"
                    x1=tenths(base_line)
                    y1="12"
                    x2=tenths(base_line)
                    y2="44"
                />
                <text x=tenths(base_line) y="10" text-anchor="end" class="chart-tick">
                    {match lang {
                        Lang::Zh => format!("基础分满分 {base_max}"),
                        Lang::En => format!("base maximum {base_max}"),
                    }}
                </text>
                <line x1=tenths(AXIS_X) y1="44" x2=tenths(AXIS_X + AXIS) y2="44" class="chart-axis" />
                {ticks}
            </svg>
            <figcaption data-chart-text="score-range">{words}</figcaption>
        </figure>
    }
}
