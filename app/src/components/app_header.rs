//! The page header: the product's name and the title of the rubric the
//! whole app is judged against, so a printout or screenshot says which
//! rubric it refers to.

use leptos::prelude::*;

use crate::components::gloss_line::GlossLine;
use crate::components::lang_toggle::LangToggle;
use crate::state::AppState;

/// 星级自评 StarCheck, with the rubric's official title beneath.
#[component]
pub fn AppHeader() -> impl IntoView {
    // The title comes from the rubric data, never from the markup.
    let state = AppState::expect();
    let title = state.rubric.with_value(|rubric| rubric.title().to_string());
    let source = state.rubric.with_value(|rubric| rubric.source().to_string());

    view! {
        <header class="app-header">
            <LangToggle />
            <h1 class="app-title">
                <span lang="zh-CN">"星级自评"</span>
                " "
                <span class="app-title-en" lang="en">"StarCheck"</span>
            </h1>
            <p class="rubric-title" data-rubric-title="" lang="zh-CN">
                {title.clone()}<span class="rubric-source">{source.clone()}</span>
            </p>
            <GlossLine zh=title />
        </header>
    }
}
