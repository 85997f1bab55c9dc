//! The assumptions the scoring makes where the notice is silent ("our
//! reading"), listed from the core's data and always labelled as
//! assumptions, never as official text.

use crate::i18n::{tr, use_lang};
use leptos::prelude::*;
use starcheck_core::our_readings;

/// A box of 说明/假设 notes; folded when `folded` (the long form page).
#[component]
pub fn ReadingsNote(
    /// Start folded, opened by a click on its heading.
    #[prop(optional)]
    folded: bool,
    /// Show only the readings with these ids (e.g. the ranking's on the
    /// district page); every reading when absent.
    #[prop(optional)]
    only: Option<&'static [&'static str]>,
) -> impl IntoView {
    let lang = use_lang();
    let readings = our_readings()
        .iter()
        .filter(|reading| only.is_none_or(|ids| ids.contains(&reading.id)))
        .map(|reading| {
            let text = move || reading.text(lang.get());
            view! { <li data-reading=reading.id>{text}</li> }
        })
        .collect::<Vec<_>>();

    view! {
        <details class="readings notice" data-component="readings" open=!folded>
            <summary>
                <h3>{tr("说明与假设(本工具的理解,非官方文字)", "Notes and assumptions (this tool's reading, not official text)")}</h3>
            </summary>
            <p class="muted">
                {tr("通知未写明的地方,本工具按下列理解计分;以检查组的实际认定为准。", "Where the notice is silent, this tool scores by the readings below; the inspectors' decision prevails.")}
            </p>
            <ul>
                {readings}
                {only.is_none().then(|| view! {
                    <li>
                        {tr("各项“检查时可能查看的材料”是本工具整理的参考清单,非通知原文。", "Each item's “materials an inspection may ask for” is this tool's reference list, not text of the notice.")}
                    </li>
                })}
            </ul>
        </details>
    }
}
