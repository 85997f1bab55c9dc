//! The quotas (名额) the ranking uses: the rubric's 2 / 8 / 10 for the
//! central districts, or what the office sets for its own county
//! ("参照中心市区标准"). One number per tier; a value that is not a whole
//! number keeps the last good quotas and says why.

use leptos::prelude::*;

use crate::district::DistrictState;
use crate::i18n::{Lang, tr, use_lang};
use starcheck_core::district::words::tier_en;
use starcheck_core::parse_count;

/// One input per tier, and a button back to the rubric's quotas.
#[component]
pub fn DistrictQuotas() -> impl IntoView {
    let district = DistrictState::expect();
    let lang = use_lang();
    let tiers = district.rubric_tiers();
    let error = RwSignal::new(None::<(&'static str, &'static str)>);

    // The quotas in force: the office's, else the rubric's.
    let defaults: Vec<u32> = tiers.iter().map(|t| t.1).collect();
    let current = {
        let defaults = defaults.clone();
        move || district.quotas.get().unwrap_or_else(|| defaults.clone())
    };
    let is_default = move || district.quotas.with(Option::is_none);

    let inputs = tiers
        .iter()
        .enumerate()
        .map(|(index, (name, _))| {
            let current = current.clone();
            let value = {
                let current = current.clone();
                move || current().get(index).copied().unwrap_or(0).to_string()
            };
            let id = format!("f-quota-{index}");
            let name = name.clone();
            let on_input = move |ev: leptos::ev::Event| {
                let raw = event_target_value(&ev);
                match parse_count(&raw) {
                    Ok(Some(quota)) => {
                        let mut quotas = current();
                        if let Some(slot) = quotas.get_mut(index) {
                            *slot = quota;
                        }
                        error.set(None);
                        district.set_quotas(Some(quotas));
                    }
                    Ok(None) => error.set(Some(("名额不能为空", "A quota cannot be empty"))),
                    Err(_) => error.set(Some((
                        "名额须为不小于 0 的整数,已保留原名额",
                        "A quota must be a whole number of 0 or more; the earlier quota is kept",
                    ))),
                }
            };
            view! {
                <div class="field district-quota">
                    <label for=id.clone()>
                        {
                            let name = name.clone();
                            let name_en =
                                tier_en(&name).unwrap_or_else(|| name.clone());
                            move || match lang.get() {
                                Lang::Zh => format!("{name}名额"),
                                Lang::En => format!("{name_en} quota"),
                            }
                        }
                    </label>
                    <input
                        id=id
                        type="number"
                        inputmode="numeric"
                        min="0"
                        max="999"
                        data-quota=index
                        prop:value=value
                        on:change=on_input
                    />
                </div>
            }
        })
        .collect_view();

    let reset = move |_| {
        error.set(None);
        district.set_quotas(None);
    };
    let rubric_quotas: Vec<String> =
        tiers.iter().map(|(name, quota)| format!("{name}{quota}名")).collect();
    let rubric_quotas = rubric_quotas.join("、");
    let rubric_quotas_en: Vec<String> = tiers
        .iter()
        .map(|(name, quota)| {
            let name = tier_en(name).unwrap_or_else(|| name.clone());
            format!("{name}: {quota}")
        })
        .collect();
    let rubric_quotas_en = rubric_quotas_en.join(", ");
    let source = move || {
        match (is_default(), lang.get()) {
        (true, Lang::Zh) => format!(
            "按评分细则的名额(中心市区标准):{rubric_quotas},依名次从高到低。"
        ),
        (true, Lang::En) => format!(
            "By the rubric's quotas (central city standard): {rubric_quotas_en}, from the top rank down."
        ),
        (false, lang) => lang
            .pick(
                "按区垃分办设定的名额排名(非细则默认名额)。",
                "Ranked by the quotas the district office set (not the rubric's).",
            )
            .to_string(),
    }
    };

    view! {
        <fieldset class="district-quotas" data-quotas="">
            <legend>{tr("星级名额", "Tier quotas")}</legend>
            <div class="district-quota-fields">{inputs}</div>
            <p class="field-hint" data-quota-source="">{source}</p>
            <p class="field-error" role="alert">
                {move || error.get().map(|(zh, en)| lang.get().pick(zh, en))}
            </p>
            <Show when=move || !is_default()>
                <button
                    type="button"
                    class="button secondary"
                    data-action="reset-quotas"
                    on:click=reset
                >
                    {tr("恢复细则名额", "Restore the rubric's quotas")}
                </button>
            </Show>
        </fieldset>
    }
}
