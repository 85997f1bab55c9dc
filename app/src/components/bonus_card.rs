//! One bonus item (加分项): a count per part (commendations, media
//! reports, hosted meetings), and the points after the cap as the core
//! counts them, with what the cap cut off.

use leptos::prelude::*;
use starcheck_core::{BonusItem, Holder};

use crate::components::count_input::CountInput;
use crate::components::evidence_block::EvidenceBlock;
use crate::components::gloss_line::GlossLine;
use crate::components::rubric_page::{methods_text, methods_text_en};
use crate::i18n::{Lang, gloss, use_lang};
use crate::state::AppState;

/// The card of one bonus item.
#[component]
pub fn BonusCard(bonus: BonusItem) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let number = bonus.number;

    // Each claimed part needs its proof: the parts name the materials.
    let proof: Vec<String> =
        bonus.parts.iter().map(|p| p.label.clone()).collect();

    let cap = bonus.cap;

    // The core's count of this item: points after the cap and the excess.
    let result = Memo::new(move |_| {
        state.evaluation.with(|e| {
            e.bonus
                .items
                .iter()
                .find(|b| b.number == number)
                .map(|b| (b.points, b.raw, b.excess))
        })
    });

    let parts = bonus
        .parts
        .into_iter()
        .map(|part| {
            let id = StoredValue::new(part.id.clone());
            let value = Memo::new(move |_| {
                id.with_value(|id| {
                    state.assessment.with(|a| {
                        a.bonus
                            .get(&number)
                            .and_then(|parts| parts.get(id))
                            .copied()
                    })
                })
            });
            let commit = Callback::new(move |count: Option<u32>| {
                id.with_value(|id| {
                    state.update_assessment(|a| {
                        a.set_bonus(number, id, count.unwrap_or(0))
                    });
                });
            });
            view! {
                <div class="bonus-part">
                    <p class="official">{part.wording.clone()}</p>
                    <GlossLine zh=part.wording.clone() />
                    <CountInput
                        field=format!("item{number}.{}", part.id)
                        label={
                            let label = part.label.clone();
                            Signal::derive(move || match lang.get() {
                                Lang::Zh => format!("{label}(篇/次)"),
                                Lang::En => format!(
                                    "{label} ({}; pieces or times)",
                                    gloss(&label).unwrap_or("count")
                                ),
                            })
                        }
                        value=value
                        on_commit=commit
                        hint={
                            let each = part.points_each;
                            Signal::derive(move || match lang.get() {
                                Lang::Zh => format!("每篇(次)得{each}分"),
                                Lang::En => format!("+{each} points each"),
                            })
                        }
                        placeholder="0"
                    />
                </div>
            }
        })
        .collect::<Vec<_>>();

    let score = move || {
        let (points, raw, excess) = result.get().unwrap_or_default();
        let cut = (excess > 0).then(|| {
            view! {
                <span class="bonus-excess" data-bonus-excess=number>
                    {move || match lang.get() {
                        Lang::Zh => format!("合计{raw}分,超出封顶{excess}分不计"),
                        Lang::En => format!("{raw} in all; {excess} above the cap not counted"),
                    }}
                </span>
            }
        });
        view! {
            <span class="score-value">
                <span data-bonus-score=number>{points.to_string()}</span>
                <span class="score-max">
                    {move || match lang.get() {
                        Lang::Zh => format!(" / 封顶{cap}分"),
                        Lang::En => format!(" / cap {cap}"),
                    }}
                </span>
            </span>
            {cut}
        }
    };

    view! {
        <article
            class="card item-card bonus-card"
            id=format!("item-{number}")
            data-assess-bonus=number
        >
            <header class="item-card-head">
                <h3>
                    <span class="item-number">{number.to_string()}</span>
                    {bonus.title.clone()}
                    <GlossLine zh=bonus.title.clone() />
                </h3>
                <div class="item-score">{score}</div>
            </header>
            {parts}
            <p class="item-meta">
                {
                    let methods = bonus.methods.clone();
                    move || match lang.get() {
                        Lang::Zh => format!("考核方式:{}", methods_text(&methods)),
                        Lang::En => format!("Checked by: {}", methods_text_en(&methods)),
                    }
                }
            </p>
            <EvidenceBlock
                holder=Holder::Item(number)
                materials=proof
                field=format!("item{number}.evidence")
                marks=false
                title="佐证材料(表扬批示、报道、现场会通知等)"
                title_en="Evidence (commendations, reports, meeting notices)"
            />
        </article>
    }
}
