//! The rubric page (#/rubric): the whole official rubric as the core holds
//! it: 13 scored items in 4 categories with their official wording, rule
//! lines, maxima and 考核方式; the bonus items with caps; the penalty and
//! the gates; the subsidy and tiers. Nothing here is written in the
//! markup: change the rubric data and this page follows.

use leptos::prelude::*;
use starcheck_core::{BonusItem, Item, Method, Rubric, format_yuan};

use crate::components::community_picker::CommunityPicker;
use crate::components::gloss_line::GlossLine;
use crate::components::readings_note::ReadingsNote;
use crate::i18n::{Lang, gloss, tier_in, tr, use_lang};
use crate::state::AppState;

/// The official rubric and the community picker.
#[component]
pub fn RubricPage() -> impl IntoView {
    let state = AppState::expect();

    // The rubric never changes while the page is open: read it once.
    let (categories, bonus, penalty, gates, money) =
        state.rubric.with_value(|rubric| {
            (
                category_sections(rubric),
                bonus_section(rubric),
                penalty_row(rubric),
                gate_rows(rubric),
                money_section(rubric),
            )
        });

    view! {
        <section class="page page-rubric" data-page="rubric">
            <h2>{tr("评分细则", "Rubric")}</h2>
            <div class="card">
                <CommunityPicker />
            </div>
            <p class="muted">
                {tr("以下为通知附件2《“党建+”邻里中心垃圾分类星级社区创建考评细则》原文。", "Below is the original text of Attachment 2 of the notice (the assessment rules), in Chinese, with English glosses.")}
                {tr("指标分值扣完为止。", "Deductions stop when the item's points are used up.")}
            </p>
            {categories}
            {bonus}
            <section class="rubric-category" data-section="penalties">
                <h3>{tr("减分项", "Penalties")}</h3>
                {penalty}
                {gates}
            </section>
            {money}
            <ReadingsNote />
        </section>
    }
}

/// `5分` or `5 points`, following the language.
fn points_text(points: u32) -> impl Fn() -> String + use<> {
    let lang = use_lang();
    move || match lang.get() {
        Lang::Zh => format!("{points}分"),
        Lang::En => format!("{points} points"),
    }
}

/// One section per category, its items in the rubric's order.
fn category_sections(rubric: &Rubric) -> Vec<AnyView> {
    rubric
        .categories()
        .iter()
        .map(|category| {
            let items = rubric
                .items()
                .iter()
                .filter(|item| item.category == category.name)
                .map(item_card)
                .collect::<Vec<_>>();
            view! {
                <section class="rubric-category" data-category=category.name.clone()>
                    <h3>
                        {category.name.clone()}
                        <span class="category-max">{points_text(category.max)}</span>
                        <GlossLine zh=category.name.clone() />
                    </h3>
                    {items}
                </section>
            }
            .into_any()
        })
        .collect()
}

/// One scored item, with stable attributes for tests.
fn item_card(item: &Item) -> AnyView {
    let rules = item
        .rule_lines
        .iter()
        .map(|line| view! { <li>{line.clone()}<GlossLine zh=line.clone() /></li> })
        .collect::<Vec<_>>();
    let materials = item
        .materials
        .iter()
        .map(|material| {
            let zh = material.clone();
            let lang = use_lang();
            let text = move || match lang.get() {
                Lang::Zh => zh.clone(),
                Lang::En => gloss(&zh).unwrap_or(&zh).to_string(),
            };
            view! { <li>{text}</li> }
        })
        .collect::<Vec<_>>();

    view! {
        <article
            class="card rubric-item"
            data-item=item.number
            data-max=item.max
        >
            <header class="rubric-item-head">
                <span class="item-number">{format!("{}", item.number)}</span>
                <span class="item-title">
                    {item.title.clone()}
                    <GlossLine zh=item.title.clone() />
                </span>
                <span class="item-max">{points_text(item.max)}</span>
            </header>
            <dl class="rubric-facts">
                <dt>{tr("具体内容及要求", "Content and requirements")}</dt>
                <dd class="official" data-official="requirement">
                    {item.requirement.clone()}
                    <GlossLine zh=item.requirement.clone() />
                </dd>
                <dt>{tr("评分细则", "Rubric")}</dt>
                <dd>
                    <ul class="rule-lines official" data-official="rules">
                        {rules}
                    </ul>
                </dd>
                <dt>{tr("考核方式", "Checked by")}</dt>
                <dd data-methods="">
                    {
                        let methods = item.methods.clone();
                        let lang = use_lang();
                        move || match lang.get() {
                            Lang::Zh => methods_text(&methods),
                            Lang::En => methods_text_en(&methods),
                        }
                    }
                </dd>
                <dt>
                    {tr("检查时可能查看的材料", "Materials an inspection may ask for")}
                    " "
                    <small>{tr("(参考,非官方)", "(our reference, not official)")}</small>
                </dt>
                <dd>
                    <ul class="materials">{materials}</ul>
                </dd>
            </dl>
        </article>
    }
    .into_any()
}

/// The bonus items with their caps.
fn bonus_section(rubric: &Rubric) -> AnyView {
    let cards = rubric.bonus_items().iter().map(bonus_card).collect::<Vec<_>>();
    view! {
        <section class="rubric-category" data-section="bonus">
            <h3>
                {tr("加分项", "Bonus items")}
                <span class="category-max">
                    {
                        let most = rubric.bonus_max();
                        let lang = use_lang();
                        move || match lang.get() {
                            Lang::Zh => format!("最多{most}分"),
                            Lang::En => format!("at most {most} points"),
                        }
                    }
                </span>
            </h3>
            {cards}
        </section>
    }
    .into_any()
}

fn bonus_card(bonus: &BonusItem) -> AnyView {
    let parts = bonus
        .parts
        .iter()
        .map(|part| view! { <li>{part.wording.clone()}<GlossLine zh=part.wording.clone() /></li> })
        .collect::<Vec<_>>();
    view! {
        <article class="card rubric-item" data-bonus=bonus.number data-cap=bonus.cap>
            <header class="rubric-item-head">
                <span class="item-number">{bonus.number.to_string()}</span>
                <span class="item-title">
                    {bonus.title.clone()}
                    <GlossLine zh=bonus.title.clone() />
                </span>
                <span class="item-max">
                    {
                        let cap = bonus.cap;
                        let lang = use_lang();
                        move || match lang.get() {
                            Lang::Zh => format!("封顶{cap}分"),
                            Lang::En => format!("cap {cap}"),
                        }
                    }
                </span>
            </header>
            <ul class="rule-lines official">{parts}</ul>
            <p class="muted">
                {
                    let methods = bonus.methods.clone();
                    let lang = use_lang();
                    move || match lang.get() {
                        Lang::Zh => format!("考核方式:{}", methods_text(&methods)),
                        Lang::En => format!("Checked by: {}", methods_text_en(&methods)),
                    }
                }
            </p>
        </article>
    }
    .into_any()
}

/// Item 16: falsification zeroes the item concerned.
fn penalty_row(rubric: &Rubric) -> AnyView {
    let penalty = rubric.falsification();
    view! {
        <article class="card rubric-item" data-penalty=penalty.number>
            <header class="rubric-item-head">
                <span class="item-number">{penalty.number.to_string()}</span>
                <span class="item-title">"发现弄虚作假的"<GlossLine zh="发现弄虚作假的" /></span>
            </header>
            <p class="official">{penalty.wording.clone()}</p>
            <GlossLine zh=penalty.wording.clone() />
        </article>
    }
    .into_any()
}

/// Item 17: the two pass/fail gates.
fn gate_rows(rubric: &Rubric) -> AnyView {
    let gates = rubric.gates();
    view! {
        <article class="card rubric-item gate" data-gate=gates.number>
            <header class="rubric-item-head">
                <span class="item-number">{gates.number.to_string()}</span>
                <span class="item-title">
                    "补助资金未专款专用,实际支出未达标的"
                    <GlossLine zh="补助资金未专款专用,实际支出未达标的" />
                </span>
                <span class="item-max">{tr("否决项", "Gates (veto items)")}</span>
            </header>
            <ul class="rule-lines official">
                <li data-gate-kind="designated">
                    {gates.designated_use_wording.clone()}
                    <GlossLine zh=gates.designated_use_wording.clone() />
                </li>
                <li data-gate-kind="spending">
                    {gates.spending_wording.clone()}
                    <GlossLine zh=gates.spending_wording.clone() />
                </li>
            </ul>
            <p class="muted">
                {
                    let line = format_yuan(rubric.spending_line());
                    let base = format_yuan(rubric.base_subsidy());
                    let lang = use_lang();
                    move || match lang.get() {
                        Lang::Zh => {
                            format!("即实际支出须不低于 {line}(基础补助资金 {base} 的75%)。")
                        }
                        Lang::En => format!(
                            "That is, actual spending must be at least {line} (75% of the \
                             {base} base subsidy)."
                        ),
                    }
                }
            </p>
        </article>
    }
    .into_any()
}

/// 奖励标准: base subsidy and the star tiers by rank quota.
fn money_section(rubric: &Rubric) -> AnyView {
    let rows = rubric
        .tiers()
        .iter()
        .map(|tier| {
            view! {
                <tr data-tier=tier.name.clone()>
                    <td>{tier_name(&tier.name)}</td>
                    <td class="num">{quota_text(tier.quota)}</td>
                    <td class="num">{format_yuan(tier.extra)}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <section class="rubric-category" data-section="tiers">
            <h3>{tr("奖励标准", "Award")}</h3>
            <p>
                {
                    let base = format_yuan(rubric.base_subsidy());
                    let lang = use_lang();
                    move || match lang.get() {
                        Lang::Zh => format!(
                            "每个创建社区基础补助资金 {base}。中心市区按评估结果分档(按名次名额,不是分数线):"
                        ),
                        Lang::En => format!(
                            "Every community taking part gets a base subsidy of {base}. In the \
                             central city the tiers follow the ranking (a number of places \
                             per tier, not a score line):"
                        ),
                    }
                }
            </p>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th>{tr("星级", "Tier")}</th>
                            <th class="num">{tr("名额", "Quota")}</th>
                            <th class="num">{tr("追加补助(每个)", "Extra subsidy (each)")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// A tier's name: `五星` in Chinese, `5-star` in English.
fn tier_name(zh: &str) -> impl Fn() -> String + use<> {
    let lang = use_lang();
    let zh = zh.to_string();
    move || tier_in(&zh, lang.get())
}

/// A tier's number of places: `2个`, or `2` in English.
fn quota_text(quota: u32) -> impl Fn() -> String + use<> {
    let lang = use_lang();
    move || match lang.get() {
        Lang::Zh => format!("{quota}个"),
        Lang::En => quota.to_string(),
    }
}

/// 考核方式 as the notice writes them, joined.
pub fn methods_text(methods: &[Method]) -> String {
    methods.iter().map(Method::label_zh).collect::<Vec<_>>().join("、")
}

/// The same in English, the official term kept in brackets.
pub fn methods_text_en(methods: &[Method]) -> String {
    methods
        .iter()
        .map(|m| match m {
            Method::MaterialCheck => "checking materials (材料核查)",
            Method::SiteCheck => "site inspection (现场检查)",
        })
        .collect::<Vec<_>>()
        .join(", ")
}
