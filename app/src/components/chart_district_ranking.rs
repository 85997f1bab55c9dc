//! The district ranking as a chart: one bar per ranked community in rank
//! order, on the 0–109 scale, in front of a band per tier (五星, 四星,
//! 三星, no star) that spans the ranks the quotas give it. Each band is
//! named in text at its side, each bar has its rank, name, total and tier
//! written out, and a table under the chart repeats them: colour is never
//! the only signal. Communities that fail a gate are not ranked and are
//! not drawn; the district table lists them. A big district's chart
//! draws its first [`MOST_BARS`] ranks and says so: a thousand bars are
//! neither readable nor quick to draw (the page would stall for half a
//! second at the end of a bulk load).

use leptos::prelude::*;
use leptos::task::spawn_local;
use starcheck_core::district::{Row, RowKind};
use starcheck_core::{ScoreRange, tenths};

use crate::components::chart_range_bar::ChartRangeBar;
use crate::district::DistrictState;
use crate::district::worker::next_task;
use crate::i18n::{Lang, tier_in, tr, use_lang};

/// Width of the bar track in SVG units.
pub const TRACK: f64 = 260.0;

/// Where the track starts (rank and name sit to its left).
const TRACK_X: f64 = 170.0;

/// Height of one row.
const ROW: f64 = 22.0;

/// The end of the scale when the rubric is not at hand.
const SCALE: u32 = 109;

/// The most bars drawn, from rank 1.
pub const MOST_BARS: usize = 50;

/// One ranked community as drawn.
#[derive(Clone, Debug, PartialEq)]
struct Bar {
    rank: u32,
    name: String,
    total: ScoreRange,
    tier: String,
    stars: u8,
}

/// The ranked rows, in rank order.
fn bars(rows: &[Row]) -> Vec<Bar> {
    let mut bars: Vec<Bar> = rows
        .iter()
        .filter(|r| r.kind == RowKind::Ranked)
        .filter_map(|r| {
            Some(Bar {
                rank: r.rank?,
                name: r.community.clone(),
                total: r.total?,
                tier: if r.tier.is_empty() {
                    "无星级".to_string()
                } else {
                    r.tier.clone()
                },
                stars: r.stars.unwrap_or(0),
            })
        })
        .collect();
    bars.sort_by_key(|b| b.rank);
    bars
}

/// Runs of consecutive bars with the same tier: (tier, stars, first
/// index, count).
fn bands(bars: &[Bar]) -> Vec<(String, u8, usize, usize)> {
    let mut bands: Vec<(String, u8, usize, usize)> = Vec::new();
    for (i, bar) in bars.iter().enumerate() {
        match bands.last_mut() {
            Some(last) if last.0 == bar.tier => last.3 += 1,
            _ => bands.push((bar.tier.clone(), bar.stars, i, 1)),
        }
    }
    bands
}

/// A name cut to fit beside the bars (the table has it whole).
fn short(name: &str) -> String {
    if name.chars().count() <= 10 {
        return name.to_string();
    }
    let mut cut: String = name.chars().take(9).collect();
    cut.push('…');
    cut
}

/// A width on the track for `points` out of `max`.
pub fn rank_width(points: u32, max: u32) -> f64 {
    if max == 0 {
        return 0.0;
    }
    let share = f64::from(points.min(max)) / f64::from(max);
    (share * TRACK * 10.0).round() / 10.0
}

/// The ranking chart of the loaded district set.
#[component]
pub fn ChartDistrictRanking() -> impl IntoView {
    let district = DistrictState::expect();
    let lang = use_lang();
    let rubric = district.rubric();
    let scale = rubric.with_value(|r| r.base_max() + r.bonus_max());
    let scale = if scale == 0 { SCALE } else { scale };
    // Drawn a task after the table changes, so that a big district's
    // table and chart are laid out in frames of their own.
    let ranked = RwSignal::new(Vec::<Bar>::new());
    Effect::new(move |_| {
        let drawn = district.table.with(|t| match t {
            Ok(table) => bars(&table.rows),
            Err(_) => Vec::new(),
        });
        spawn_local(async move {
            next_task().await;
            if ranked.with_untracked(|r| *r != drawn) {
                ranked.set(drawn);
            }
        });
    });

    move || {
        let list = ranked.get();
        if list.is_empty() {
            return ().into_any();
        }
        let drawn = &list[..list.len().min(MOST_BARS)];
        chart(drawn, list.len(), scale, lang.get()).into_any()
    }
}

/// The figure for a non-empty ranking: the first bars of `ranked`.
fn chart(
    list: &[Bar],
    ranked: usize,
    scale: u32,
    lang: Lang,
) -> impl IntoView + use<> {
    let height = ROW * list.len() as f64 + 8.0;
    let summary = list
        .iter()
        .map(|b| match lang {
            Lang::Zh => {
                format!("第{}名 {} {}分 {}", b.rank, b.name, b.total, b.tier)
            }
            Lang::En => format!(
                "rank {}: {} {} points {}",
                b.rank,
                b.name,
                b.total,
                tier_in(&b.tier, lang)
            ),
        })
        .collect::<Vec<_>>()
        .join(lang.pick(";", "; "));

    // Bands first, so the bars are drawn in front of them.
    let band_views = bands(list)
        .into_iter()
        .map(|(tier, stars, first, count)| {
            let y = ROW * first as f64 + 2.0;
            let h = ROW * count as f64;
            view! {
                <g class=format!("chart-band chart-band-{stars}") data-band=tier.clone()>
                    <rect x="0" y=tenths(y) width="710" height=tenths(h) />
                    <text x="706" y=tenths(y + 15.0) text-anchor="end" class="chart-band-label">
                        {tier_in(&tier, lang)}
                    </text>
                </g>
            }
        })
        .collect::<Vec<_>>();
    let bar_views = list
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = ROW * i as f64 + 5.0;
            let low = rank_width(b.total.low, scale);
            let high = rank_width(b.total.high, scale);
            view! {
                <g class="chart-row" data-rank=b.rank>
                    <text x="0" y=tenths(y + 12.0) class="chart-label">
                        {format!("{}. {}", b.rank, short(&b.name))}
                    </text>
                    <ChartRangeBar x=TRACK_X y=y low=low high=high height=15.0 />
                    <text x=tenths(TRACK_X + high + 4.0) y=tenths(y + 12.0) class="chart-figure">
                        {b.total.to_string()}
                    </text>
                </g>
            }
        })
        .collect::<Vec<_>>();
    let table = list
        .iter()
        .map(|b| {
            view! {
                <tr data-chart-row="">
                    <td>{b.rank.to_string()}</td>
                    <th scope="row">{b.name.clone()}</th>
                    <td>{b.total.to_string()}</td>
                    <td>{tier_in(&b.tier, lang)}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();

    view! {
        <figure class="chart chart-ranking" data-chart="district-ranking">
            <h3>{tr("名次与星级", "Rank and tier")}</h3>
            <svg
                viewBox=format!("0 0 710 {}", tenths(height))
                role="img"
                aria-labelledby="chart-ranking-title chart-ranking-desc"
            >
                <title id="chart-ranking-title">{tr("全区名次与星级段", "District ranks and tier bands")}</title>
                <desc id="chart-ranking-desc">{summary}</desc>
                {band_views}
                {bar_views}
            </svg>
            <figcaption>
                {match lang {
                    Lang::Zh => format!(
                        "按名次排列,条长为总分(0–{scale}),斜线段为尚未确定的分;底色段为按名额划分的星级,右侧写明星级。考核不通过的社区不参与排名,未画出。"
                    ),
                    Lang::En => format!(
                        "In rank order; a bar's length is the total (0–{scale}), its hatched part the points still open; the shaded bands are the tiers by quota, named at the right. Communities that fail are not ranked and not drawn."
                    ),
                }}
                {(ranked > list.len()).then(|| match lang {
                    Lang::Zh => format!(
                        "共 {ranked} 个社区参与排名,图中画出前 {} 个,其余见全区对照表。",
                        list.len()
                    ),
                    Lang::En => format!(
                        " {ranked} communities are ranked; the first {} are drawn, the rest are in the district table.",
                        list.len()
                    ),
                })}
            </figcaption>
            <table class="chart-data">
                <thead>
                    <tr>
                        <th scope="col">{tr("名次", "Rank")}</th>
                        <th scope="col">{tr("社区", "Community")}</th>
                        <th scope="col">{tr("总分", "Total")}</th>
                        <th scope="col">{tr("星级", "Tier")}</th>
                    </tr>
                </thead>
                // No tbody: the district table's rows stay the page's only
                // `tbody tr`, as its tests and scripts count them.
                {table}
            </table>
        </figure>
    }
}
