//! The self-assessment page (#/assess): the community and the as-of date,
//! then a card for every rubric item grouped by category, the bonus items
//! and the gates; beside them the live summary. The page only asks for
//! facts and shows what the core makes of them.

use jiff::civil::Date;
use leptos::prelude::*;

use crate::components::bonus_card::BonusCard;
use crate::components::community_picker::CommunityPicker;
use crate::components::date_input::DateInput;
use crate::components::gates_card::GatesCard;
use crate::components::gloss_line::GlossLine;
use crate::components::item_card::ItemCard;
use crate::components::readings_note::ReadingsNote;
use crate::components::storage_usage::StorageUsage;
use crate::components::summary_panel::SummaryPanel;
use crate::date::{date_zh, today_local};
use crate::i18n::{Lang, tr, trs, use_lang};
use crate::state::AppState;

/// The form and its summary.
#[component]
pub fn AssessPage() -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();

    // The as-of date decides which months are pending rather than missing.
    let as_of = Memo::new(move |_| Some(state.assessment.with(|a| a.as_of)));

    // A date after today counts every dated meeting and report before it
    // as done: allowed (a plan can be tried out), but said.
    let ahead = move || {
        // Today as of this drawing: a page left open past midnight.
        let today = today_local();
        let date = as_of.get().filter(|date| *date > today)?;
        let text = match lang.get() {
            Lang::Zh => format!(
                "自评日期晚于今天({}):这一天之前的会议和报送都按已发生计分。",
                date_zh(today)
            ),
            Lang::En => format!(
                "The assessment date is after today ({today}): every meeting \
                 and report dated before {date} is scored as done."
            ),
        };
        Some(
            view! { <p class="field-error" role="status" data-note="as-of-ahead">{text}</p> },
        )
    };
    let set_as_of = Callback::new(move |date: Option<Date>| {
        if let Some(date) = date {
            state.update_assessment(|a| a.as_of = date);
        }
    });

    // The cards are built once from the rubric; each reads its own facts.
    let sections = state.rubric.with_value(|rubric| {
        rubric
            .categories()
            .iter()
            .map(|category| {
                let cards = rubric
                    .items()
                    .iter()
                    .filter(|item| item.category == category.name)
                    .map(|item| view! { <ItemCard item=item.clone() /> })
                    .collect::<Vec<_>>();
                let max = category.max;
                let max = move || match lang.get() {
                    Lang::Zh => format!("{max}分"),
                    Lang::En => format!("{max} points"),
                };
                view! {
                    <section class="assess-category" data-category=category.name.clone()>
                        <h2>
                            {category.name.clone()}
                            <span class="category-max">{max}</span>
                            <GlossLine zh=category.name.clone() />
                        </h2>
                        {cards}
                    </section>
                }
            })
            .collect::<Vec<_>>()
    });
    let bonus = state.rubric.with_value(|rubric| {
        rubric
            .bonus_items()
            .iter()
            .map(|bonus| view! { <BonusCard bonus=bonus.clone() /> })
            .collect::<Vec<_>>()
    });
    let bonus_max = state.rubric.with_value(|r| r.bonus_max());

    view! {
        <section class="page page-assess" data-page="assess">
            <div class="assess-layout">
                <div class="assess-form">
                    <h2 class="visually-hidden">{tr("自评", "Self-assessment")}</h2>
                    <div class="card assess-setup">
                        <CommunityPicker />
                        <DateInput
                            field="as_of"
                            label=trs("自评日期(截至)", "Assessment date (as of)")
                            value=as_of
                            on_commit=set_as_of
                            required=true
                        />
                        {ahead}
                        <StorageUsage />
                        <p class="field-hint">
                            {tr(
                                "默认为今天。尚未结束的月份按“待完成”计,不算缺少。",
                                "Today by default. Months not yet ended count as pending, not missing.",
                            )}
                        </p>
                    </div>
                    {sections}
                    <section class="assess-category" data-category="加分项">
                        <h2>
                            {tr("加分项", "Bonus items")}
                            <span class="category-max">
                                {move || match lang.get() {
                                    Lang::Zh => format!("最多{bonus_max}分"),
                                    Lang::En => format!("at most {bonus_max} points"),
                                }}
                            </span>
                        </h2>
                        {bonus}
                    </section>
                    <section class="assess-category" data-category="减分项">
                        <h2>{tr("减分项与否决项", "Penalties and gates")}</h2>
                        <p class="muted">
                            {tr(
                                "发现弄虚作假的扣除相应考核项分数:可在各项中勾选“假设检查发现本项弄虚作假”查看影响。",
                                "Falsification found (弄虚作假) costs the item's points: tick \u{201c}suppose the inspection finds this item falsified\u{201d} on any item to see the effect.",
                            )}
                        </p>
                        <GatesCard />
                    </section>
                    <ReadingsNote folded=true />
                </div>
                <SummaryPanel />
            </div>
        </section>
    }
}
