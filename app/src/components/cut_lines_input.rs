//! Cut lines the user enters as an own reference for the likely tier (the
//! lowest total that still reaches a tier, e.g. from last year's results).
//! They are the user's, never presented as official: the notice sets
//! tiers by rank quota, not by score.

use leptos::prelude::*;
use starcheck_core::cut_lines_out_of_order;

use crate::components::count_input::CountInput;
use crate::i18n::{Lang, tier_in, tr, use_lang};
use crate::state::AppState;

/// One field per tier but the last, top first.
#[component]
pub fn CutLinesInput() -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let (tiers, most) = state.rubric.with_value(|r| {
        let tiers =
            r.tiers().iter().map(|t| t.name.clone()).collect::<Vec<_>>();
        (tiers, r.base_max() + r.bonus_max())
    });
    let lines = tiers.len().saturating_sub(1);

    // A higher tier's line below a lower one's is a slip, said at once.
    let out_of_order = {
        let tiers = tiers.clone();
        move || {
            let (high, low) =
                state.cut_lines.with(|l| cut_lines_out_of_order(l))?;
            let line = |i: usize| {
                state.cut_lines.with(|l| l.get(i).copied().flatten())
            };
            let (high_line, low_line) = (line(high)?, line(low)?);
            let (high_tier, low_tier) = (tiers.get(high)?, tiers.get(low)?);
            Some(match lang.get() {
                Lang::Zh => format!(
                    "{high_tier}参考线({high_line}分)低于{low_tier}参考线({low_line}分),请检查;改正前不按参考线估计星级。"
                ),
                Lang::En => format!(
                    "The {} line ({high_line}) is below the {} line ({low_line}): please check; the tier is not estimated from these lines until then.",
                    tier_in(high_tier, Lang::En),
                    tier_in(low_tier, Lang::En),
                ),
            })
        }
    };

    let fields = tiers
        .into_iter()
        .take(lines)
        .enumerate()
        .map(|(index, tier)| {
            let value = Memo::new(move |_| {
                state.cut_lines.with(|l| l.get(index).copied().flatten())
            });
            let commit = Callback::new(move |line: Option<u32>| {
                state.cut_lines.update(|l| {
                    if let Some(slot) = l.get_mut(index) {
                        *slot = line;
                    }
                });
            });
            view! {
                <CountInput
                    field=format!("cut_line.{index}")
                    label={
                        let tier = tier.clone();
                        Signal::derive(move || match lang.get() {
                            Lang::Zh => format!("{tier}参考线(总分)"),
                            Lang::En => format!(
                                "{} cut line (total)",
                                tier_in(&tier, Lang::En)
                            ),
                        })
                    }
                    value=value
                    on_commit=commit
                    max=most
                />
            }
        })
        .collect::<Vec<_>>();

    view! {
        <details class="cut-lines">
            <summary>{tr("填写我的参考分数线(自行估计,非官方)", "Enter my own cut lines (my estimate, not official)")}</summary>
            <p class="field-hint">
                {tr("星级按名次名额评定,没有官方分数线。若您有自己的估计(例如参考往年结果),可填在这里;填齐后按此估计星级,并注明“按您填写的参考线”。", "Tiers go by rank within quotas; there are no official cut lines. If you have your own estimate (e.g. from past results), enter it here; once complete, the tier is estimated from it and says so.")}
            </p>
            <div class="cut-line-fields">{fields}</div>
            <p class="field-error" role="alert" data-cut-lines-error="">{out_of_order}</p>
        </details>
    }
}
