//! A chart of spending toward the spending line: a bar of the designated
//! spending on the scale of the base subsidy (¥80,000), the line (75%,
//! ¥60,000.00) drawn across it and named, and the amounts in words: spent,
//! percent, and what is still to spend or how far above the line it is.

use crate::i18n::{Lang, tr, use_lang};
use leptos::prelude::*;
use starcheck_core::{Money, format_yuan, tenths};

/// Width of the bar track in SVG units.
pub const TRACK: f64 = 480.0;

/// Where the track starts.
const TRACK_X: f64 = 20.0;

/// An amount as a float of yuan, for drawing only (never for sums).
fn yuan(amount: Money) -> f64 {
    amount.as_decimal().to_string().parse().unwrap_or(0.0)
}

/// The width on the track for `amount` out of `whole` (capped at the
/// whole), to 0.1 unit.
pub fn money_width(amount: Money, whole: Money) -> f64 {
    let whole = yuan(whole);
    if whole <= 0.0 {
        return 0.0;
    }
    let share = (yuan(amount) / whole).clamp(0.0, 1.0);
    (share * TRACK * 10.0).round() / 10.0
}

/// Spending against the base subsidy and the line.
#[component]
pub fn ChartSpending(
    /// Designated spending so far.
    spent: Money,
    /// The base subsidy, the scale's end (¥80,000).
    subsidy: Money,
    /// The spending line (¥60,000.00).
    line: Money,
    /// The line as a share, in words (`75%`).
    ratio: String,
    /// `spent` as a percentage of the subsidy (`74.99`).
    percent: String,
    /// What is still to spend (zero once reached).
    to_line: Money,
) -> impl IntoView {
    let width = money_width(spent, subsidy);
    let line_x = TRACK_X + money_width(line, subsidy);
    let reached = to_line.is_zero();
    // The parent section re-renders on a language switch.
    let lang = use_lang().get_untracked();
    let (spent_yuan, to_yuan, line_yuan) =
        (format_yuan(spent), format_yuan(to_line), format_yuan(line));
    let words = match (reached, lang) {
        (true, Lang::Zh) => format!(
            "已支出 {spent_yuan}(占 {percent}%),已达到 {ratio} 达标线 {line_yuan}"
        ),
        (false, Lang::Zh) => format!(
            "已支出 {spent_yuan}(占 {percent}%),还差 {to_yuan} 达到 {ratio} 达标线 {line_yuan}"
        ),
        (true, Lang::En) => format!(
            "Spent {spent_yuan} ({percent}%), the {ratio} line of {line_yuan} reached"
        ),
        (false, Lang::En) => format!(
            "Spent {spent_yuan} ({percent}%), {to_yuan} short of the {ratio} line of {line_yuan}"
        ),
    };

    view! {
        <figure class="chart chart-spending" data-chart="spending">
            <svg
                viewBox="0 0 520 76"
                role="img"
                aria-labelledby="chart-spending-title chart-spending-desc"
            >
                <title id="chart-spending-title">{tr("实际支出进度", "Spending progress")}</title>
                <desc id="chart-spending-desc">{words.clone()}</desc>
                <rect
                    class="chart-track"
                    x=tenths(TRACK_X)
                    y="20"
                    width=tenths(TRACK)
                    height="22"
                />
                <rect
                    class=if reached { "chart-low" } else { "chart-low chart-short" }
                    data-bar="spent"
                    x=tenths(TRACK_X)
                    y="20"
                    width=tenths(width)
                    height="22"
                />
                <line
                    class="chart-mark"
                    data-mark="line"
                    x1=tenths(line_x)
                    y1="12"
                    x2=tenths(line_x)
                    y2="50"
                />
                <text x=tenths(line_x) y="10" text-anchor="middle" class="chart-tick">
                    {format!("{ratio} {}", format_yuan(line))}
                </text>
                <text x=tenths(TRACK_X) y="64" class="chart-tick">"¥0"</text>
                <text x=tenths(TRACK_X + TRACK) y="64" text-anchor="end" class="chart-tick">
                    {format_yuan(subsidy)}
                </text>
            </svg>
            <figcaption data-chart-text="spending">{words}</figcaption>
        </figure>
    }
}
