//! The purpose (用途) of a plan line or an expenditure: 设施设备, 科普教育基地,
//! 宣传, 活动, 其他. For an expenditure the options mark purposes outside the
//! plan (计划外) and a line under the field says what the plan sets aside
//! for the chosen one, so that choosing a purpose links the expenditure to
//! its plan line.

use leptos::prelude::*;
use starcheck_core::{Money, Purpose};

use crate::i18n::{Lang, use_lang};
use crate::state::AppState;

/// A labelled select of the five purposes.
#[component]
pub fn LedgerPurposeSelect(
    /// The element's id, stable for the row's lifetime.
    #[prop(into)]
    id: String,
    /// The stable name for tests, e.g. `ledger.purpose.0`.
    #[prop(into)]
    field: Signal<String>,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The model's purpose.
    #[prop(into)]
    value: Signal<Purpose>,
    /// Receives each chosen purpose.
    on_change: Callback<Purpose>,
    /// Name each option's planned amount (for expenditures).
    #[prop(optional)]
    with_plan: bool,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();

    // Planned amounts by purpose, only when the options show them.
    let planned = Memo::new(move |_| {
        if !with_plan {
            return Vec::new();
        }
        state.assessment.with(|a| {
            Purpose::ALL
                .into_iter()
                .map(|purpose| {
                    let lines =
                        a.ledger.plan.iter().filter(|l| l.purpose == purpose);
                    let count = lines.clone().count();
                    let sum: Money = lines.map(|l| l.planned).sum();
                    (purpose, (count > 0).then_some(sum))
                })
                .collect::<Vec<_>>()
        })
    });
    let has_plan = Memo::new(move |_| {
        state.assessment.with(|a| !a.ledger.plan.is_empty())
    });

    // What the plan sets aside for the chosen purpose.
    let link = move || {
        if !with_plan || !has_plan.get() {
            return None;
        }
        let chosen = value.get();
        let sum = planned.with(|p| {
            p.iter().find(|(p, _)| *p == chosen).and_then(|(_, sum)| *sum)
        });
        Some(match (sum, lang.get()) {
            (Some(sum), Lang::Zh) => {
                format!("计划中此用途 {}", sum.format_yuan())
            }
            (Some(sum), Lang::En) => {
                format!("Planned for this purpose: {}", sum.format_yuan())
            }
            (None, lang) => lang
                .pick(
                    "此用途不在资金使用计划内",
                    "This purpose is not in the funding plan",
                )
                .to_string(),
        })
    };

    let options = Purpose::ALL.map(|purpose| {
        let text = move || {
            let lang = lang.get();
            let name = lang.pick(purpose.label_zh(), purpose.label_en());
            if !with_plan || !has_plan.get() {
                return name.to_string();
            }
            let sum = planned.with(|p| {
                p.iter().find(|(p, _)| *p == purpose).and_then(|(_, sum)| *sum)
            });
            match sum {
                Some(_) => name.to_string(),
                None => match lang {
                    Lang::Zh => format!("{name}(计划外)"),
                    Lang::En => format!("{name} (not planned)"),
                },
            }
        };
        view! {
            <option
                value=purpose_key(purpose)
                prop:selected=move || value.get() == purpose
            >
                {text}
            </option>
        }
    });

    view! {
        <div class="field field-select">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                data-field=move || field.get()
                prop:value=move || purpose_key(value.get())
                on:change=move |ev| {
                    if let Some(purpose) = purpose_from_key(&event_target_value(&ev)) {
                        on_change.run(purpose);
                    }
                }
            >
                {Vec::from(options)}
            </select>
            <span class="field-hint" data-plan-link="">{link}</span>
        </div>
    }
}

/// A purpose's stable name, as the core serialises it: `science_base`.
pub fn purpose_key(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::Facilities => "facilities",
        Purpose::ScienceBase => "science_base",
        Purpose::Publicity => "publicity",
        Purpose::Activities => "activities",
        Purpose::Other => "other",
    }
}

/// The purpose a stable name stands for.
pub fn purpose_from_key(key: &str) -> Option<Purpose> {
    Purpose::ALL.into_iter().find(|p| purpose_key(*p) == key)
}
