//! One scored item on the assessment page: its official wording, maximum,
//! 考核方式 and the materials an inspector asks for; an input for each rule;
//! and, beside it, the live score and every deduction.

use leptos::prelude::*;
use starcheck_core::{Holder, Item};

use crate::components::evidence_block::EvidenceBlock;
use crate::components::falsified_toggle::FalsifiedToggle;
use crate::components::gloss_line::GlossLine;
use crate::components::item_result::{ItemFindings, ItemScore};
use crate::components::rubric_page::{methods_text, methods_text_en};
use crate::components::rule_input::RuleInput;
use crate::i18n::{Lang, listed_name, tr, use_lang};
use crate::state::AppState;

/// The card of one item.
#[component]
pub fn ItemCard(item: Item) -> impl IntoView {
    let number = item.number;
    let max = item.max;
    let lang = use_lang();

    // Official text first: users are checked against that wording.
    let rule_lines = item
        .rule_lines
        .iter()
        .map(|line| view! { <li>{line.clone()}<GlossLine zh=line.clone() /></li> })
        .collect::<Vec<_>>();
    let materials_zh = item.materials.join("、");
    let materials_en = AppState::expect().rubric.with_value(|r| {
        item.materials
            .iter()
            .map(|m| listed_name(m, r.quotes(m), Lang::En))
            .collect::<Vec<_>>()
            .join("; ")
    });
    let materials =
        move || lang.get().pick(materials_zh.clone(), materials_en.clone());
    let methods = item.methods.clone();
    let meta = Memo::new(move |_| match lang.get() {
        Lang::Zh => (
            format!("分值 {max}分"),
            format!("考核方式:{}", methods_text(&methods)),
        ),
        Lang::En => (
            format!("Worth {max} points"),
            format!("Checked by: {}", methods_text_en(&methods)),
        ),
    });
    let evidence = (!item.materials.is_empty()).then(|| {
        view! {
            <EvidenceBlock
                holder=Holder::Item(number)
                materials=item.materials.clone()
                field=format!("item{number}.evidence")
            />
        }
    });
    let inputs = item
        .rules
        .into_iter()
        .map(|rule| {
            view! {
                <div class="rule-block">
                    <RuleInput item=number max=max rule=rule />
                </div>
            }
        })
        .collect::<Vec<_>>();

    view! {
        <article class="card item-card" id=format!("item-{number}") data-assess-item=number>
            <header class="item-card-head">
                <h3>
                    <span class="item-number">{number.to_string()}</span>
                    {item.title.clone()}
                    <GlossLine zh=item.title.clone() />
                </h3>
                <ItemScore item=number />
            </header>
            <div class="item-official">
                <p class="official" data-official="requirement">{item.requirement.clone()}</p>
                <GlossLine zh=item.requirement.clone() />
                <ul class="rule-lines official">{rule_lines}</ul>
                <p class="item-meta">
                    <span>{move || meta.get().0}</span>
                    <span>{move || meta.get().1}</span>
                </p>
                <p class="item-materials">
                    <span class="muted">
                        {tr(
                            "检查时可能查看的材料(参考,非官方):",
                            "Materials an inspection may ask for (our list, not official): ",
                        )}
                    </span>
                    {materials}
                </p>
            </div>
            <div class="item-inputs">{inputs}</div>
            {evidence}
            <FalsifiedToggle item=number />
            <ItemFindings item=number />
        </article>
    }
}
