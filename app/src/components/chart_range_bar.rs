//! A score range drawn on a bar chart's track: solid up to the lowest
//! score, hatched from there to the highest (the points still open), so
//! an exact score is one solid bar. Shared by the category chart and the
//! district ranking.

use leptos::prelude::*;
use starcheck_core::tenths;

/// The two bars of a range starting at `x`; widths in chart units.
#[component]
pub fn ChartRangeBar(
    x: f64,
    y: f64,
    /// Width of the lowest score.
    low: f64,
    /// Width of the highest score.
    high: f64,
    height: f64,
) -> impl IntoView {
    let open = ((high - low) * 10.0).round() / 10.0;
    view! {
        <rect
            class="chart-low"
            data-bar="low"
            x=tenths(x)
            y=tenths(y)
            width=tenths(low)
            height=tenths(height)
        />
        <rect
            class="chart-open"
            data-bar="open"
            x=tenths(x + low)
            y=tenths(y)
            width=tenths(open)
            height=tenths(height)
        />
    }
}
