//! Item 13's information reports (信息报送): which month each report is
//! for and the date it was sent. The core decides on time (by the 25th),
//! late, missing or pending against the as-of date.

use jiff::civil::Date;
use leptos::prelude::*;
use starcheck_core::{Fact, Holder, Report, YearMonth};

use crate::attach::{ids_of, release};
use crate::components::date_input::DateInput;
use crate::components::evidence_block::EvidenceBlock;
use crate::components::list_answer_buttons::ListAnswerButtons;
use crate::components::month_lines::MonthLines;
use crate::i18n::{Lang, tr, trs, use_lang};
use crate::state::AppState;

/// The reports list with add, remove, "none sent" and clear.
#[component]
pub fn ReportsInput(
    item: u32,
    /// The rule's id within the item.
    rule: String,
    /// The question the core asks for the rule.
    #[prop(into)]
    question: Signal<String>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let fact = state.fact(item, &rule);
    let rule_id = StoredValue::new(rule.clone());
    let entry_materials = StoredValue::new(
        state.rubric.with_value(|r| r.entry_materials().report.clone()),
    );
    let campaign = state.rubric.with_value(|r| r.campaign_months().to_vec());
    let due_day = state.rubric.with_value(|r| r.report_due_day());

    // The answered list, or None while unanswered.
    let reports = Memo::new(move |_| match fact.get() {
        Some(Fact::Reports(list)) => Some(list),
        _ => None,
    });
    let count =
        Memo::new(move |_| reports.with(|r| r.as_ref().map_or(0, Vec::len)));

    // Every change writes the whole list back, in month order.
    let write = move |list: Option<Vec<Report>>| {
        let fact = list.map(|mut list| {
            list.sort();
            Fact::Reports(list)
        });
        rule_id.with_value(|rule| state.set_fact(item, rule, fact));
    };
    let edit = move |change: &dyn Fn(&mut Vec<Report>)| {
        let mut list = reports.get_untracked().unwrap_or_default();
        change(&mut list);
        write(Some(list));
    };

    // The report waiting to be added: its month and sent date.
    let first_month = campaign.first().copied();
    let new_month = RwSignal::new(first_month);
    let new_date = RwSignal::new(None::<Date>);
    let add_error = RwSignal::new(None::<(&'static str, &'static str)>);
    let add =
        move |_| match (new_month.get_untracked(), new_date.get_untracked()) {
            (Some(month), Some(sent_on)) => {
                edit(&|list| {
                    list.push(Report {
                        month,
                        sent_on,
                        evidence: Default::default(),
                    })
                });
                new_date.set(None);
                add_error.set(None);
            }
            (None, _) => add_error.set(Some((
                "请先选择报送的是哪个月的信息",
                "Choose which month the report is for first",
            ))),
            (_, None) => add_error
                .set(Some(("请先选择报送日期", "Choose the date sent first"))),
        };

    let field = format!("item{item}.{rule}");
    let row_field = field.clone();
    let month_options = campaign
        .iter()
        .map(|month| {
            let month = *month;
            let name = move || match lang.get() {
                Lang::Zh => month.long_label_zh(),
                Lang::En => format!("{} {}", month.label_en(), month.year()),
            };
            view! { <option value=month.to_string()>{name}</option> }
        })
        .collect::<Vec<_>>();
    let status = move || match (reports.get(), lang.get()) {
        (None, lang) => lang.pick("未填写", "Unanswered").to_string(),
        (Some(list), lang) if list.is_empty() => {
            lang.pick("已填写:一次也未报送", "Answered: none sent").to_string()
        }
        (Some(list), Lang::Zh) => format!("已填写 {} 次", list.len()),
        (Some(list), Lang::En) => format!("Answered: {} sent", list.len()),
    };
    let month_id = format!("f-item{item}-{rule}-month");

    view! {
        <fieldset class="field field-list" data-rule=rule>
            <legend>{question}</legend>
            <span class="field-hint">
                {move || match lang.get() {
                    Lang::Zh => format!("每月{due_day}日前报送;逾期报送的,得分下限按缺报计。"),
                    Lang::En => format!(
                        "Due by day {due_day} of each month; a late report counts as missing at the low end."
                    ),
                }}
            </span>
            <p class="list-status" data-status=field.clone()>{status}</p>
            <ol class="entry-list">
                <For each=move || 0..count.get() key=|index| *index let(index)>
                    <li class="entry-row">
                        <span class="entry-label">
                            {move || {
                                reports.with(|r| {
                                    r.as_ref()
                                        .and_then(|r| r.get(index))
                                        .map(|r| match lang.get() {
                                            Lang::Zh => format!("{}的信息", r.month.long_label_zh()),
                                            Lang::En => format!("Report for {} {}", r.month.label_en(), r.month.year()),
                                        })
                                        .unwrap_or_default()
                                })
                            }}
                        </span>
                        <DateInput
                            field=format!("{row_field}.{index}")
                            label=trs("报送日期", "Date sent")
                            value=Signal::derive(move || {
                                reports.with(|r| r.as_ref().and_then(|r| r.get(index)).map(|r| r.sent_on))
                            })
                            on_commit=Callback::new(move |date: Option<Date>| {
                                if let Some(date) = date {
                                    edit(&|list| {
                                        if let Some(report) = list.get_mut(index) {
                                            report.sent_on = date;
                                        }
                                    });
                                }
                            })
                            required=true
                        />
                        <button
                            type="button"
                            class="secondary small"
                            data-action=format!("{row_field}.remove.{index}")
                            on:click=move |_| {
                                let files = ids_of(state, Holder::Report(index));
                                edit(&|list| {
                                    if index < list.len() {
                                        list.remove(index);
                                    }
                                });
                                release(files);
                            }
                        >
                            {tr("删除", "Delete")}
                        </button>
                        <EvidenceBlock
                            holder=Holder::Report(index)
                            materials=entry_materials.get_value()
                            field=format!("{row_field}.{index}.evidence")
                            title="本次报送的材料"
                            title_en="This report's materials"
                        />
                    </li>
                </For>
            </ol>
            <div class="entry-add">
                <div class="field">
                    <label for=month_id.clone()>{tr("报送的是哪个月的信息", "Which month the report is for")}</label>
                    <select
                        id=month_id
                        data-field=format!("{field}.month")
                        prop:value=move || new_month.get().map(|m| m.to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            new_month.set(event_target_value(&ev).parse::<YearMonth>().ok());
                        }
                    >
                        {month_options}
                    </select>
                </div>
                <DateInput
                    field=format!("{field}.sent")
                    label=trs("报送日期", "Date sent")
                    value=new_date
                    on_commit=Callback::new(move |date| {
                        new_date.set(date);
                        add_error.set(None);
                    })
                />
                <button type="button" data-action=format!("{field}.add") on:click=add>
                    {tr("添加报送记录", "Add a report")}
                </button>
                <span class="field-error" role="alert">{move || add_error.get().map(|(zh, en)| lang.get().pick(zh, en))}</span>
            </div>
            <ListAnswerButtons
                field=field.clone()
                none=("一次也未报送", "None sent")
                unanswered=Signal::derive(move || reports.with(Option::is_none))
                on_none=Callback::new(move |()| write(Some(Vec::new())))
                on_clear=Callback::new(move |()| write(None))
            />
            <MonthLines item=item />
        </fieldset>
    }
}
