//! Item 5's meetings (联席会): a list of dates, added and removed one by
//! one. "None held" is an answer of its own, distinct from "not filled in".
//! Which months count as held, missing or still pending is the core's
//! reading of these dates against the as-of date; a meeting dated outside
//! the campaign's months is kept but says at once that it does not count.

use jiff::civil::Date;
use leptos::prelude::*;
use starcheck_core::{Fact, Holder, Meeting, YearMonth};

use crate::attach::{ids_of, release};
use crate::components::date_input::DateInput;
use crate::components::evidence_block::EvidenceBlock;
use crate::components::list_answer_buttons::ListAnswerButtons;
use crate::components::month_lines::MonthLines;
use crate::i18n::{Lang, tr, trs, use_lang};
use crate::state::AppState;

/// The dated meetings list with add, remove, "none held" and clear.
#[component]
pub fn MeetingsInput(
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
        state.rubric.with_value(|r| r.entry_materials().meeting.clone()),
    );

    // The answered list, or None while unanswered.
    let meetings = Memo::new(move |_| match fact.get() {
        Some(Fact::Meetings(list)) => Some(list),
        _ => None,
    });
    let count =
        Memo::new(move |_| meetings.with(|m| m.as_ref().map_or(0, Vec::len)));

    // Meetings outside the campaign's months count for none of them.
    let campaign = StoredValue::new(
        state.rubric.with_value(|r| r.campaign_months().to_vec()),
    );
    let outside = move |index: usize| {
        let date = meetings
            .with(|m| m.as_ref().and_then(|m| m.get(index)).map(|m| m.date))?;
        let month = YearMonth::of(date);
        campaign.with_value(|months| {
            let (first, last) = (months.first()?, months.last()?);
            (!months.contains(&month)).then(|| match lang.get() {
                Lang::Zh => format!(
                    "这一天不在创建期({}至{})内,不计入任何月份",
                    first.long_label_zh(),
                    last.long_label_zh()
                ),
                Lang::En => format!(
                    "This date is outside the campaign ({} to {} {}) and \
                     counts for no month",
                    first.label_en(),
                    last.label_en(),
                    last.year()
                ),
            })
        })
    };

    // Every change writes the whole list back, sorted by date.
    let write = move |list: Option<Vec<Meeting>>| {
        let fact = list.map(|mut list| {
            list.sort();
            Fact::Meetings(list)
        });
        rule_id.with_value(|rule| state.set_fact(item, rule, fact));
    };
    let edit = move |change: &dyn Fn(&mut Vec<Meeting>)| {
        let mut list = meetings.get_untracked().unwrap_or_default();
        change(&mut list);
        write(Some(list));
    };

    // The date waiting to be added; not part of the model until added.
    let new_date = RwSignal::new(None::<Date>);
    let add_error = RwSignal::new(None::<(&'static str, &'static str)>);
    let listed = move |date: Date| {
        meetings.with_untracked(|m| {
            m.as_ref().is_some_and(|m| m.iter().any(|m| m.date == date))
        })
    };
    let add = move |_| match new_date.get_untracked() {
        // The same meeting entered twice would count once anyway; say so
        // rather than list it twice.
        Some(date) if listed(date) => add_error.set(Some((
            "这一天的会议已在列表中",
            "A meeting on this date is already listed",
        ))),
        Some(date) => {
            edit(&|list| {
                list.push(Meeting {
                    date,
                    note: String::new(),
                    evidence: Default::default(),
                })
            });
            new_date.set(None);
            add_error.set(None);
        }
        None => add_error
            .set(Some(("请先选择会议日期", "Choose the meeting's date first"))),
    };

    let field = format!("item{item}.{rule}");
    let row_field = field.clone();
    let status = move || match (meetings.get(), lang.get()) {
        (None, lang) => lang.pick("未填写", "Unanswered").to_string(),
        (Some(list), lang) if list.is_empty() => {
            lang.pick("已填写:一次也未召开", "Answered: none held").to_string()
        }
        (Some(list), Lang::Zh) => format!("已填写 {} 次", list.len()),
        (Some(list), Lang::En) => format!("Answered: {} held", list.len()),
    };

    view! {
        <fieldset class="field field-list" data-rule=rule>
            <legend>{question}</legend>
            <p class="list-status" data-status=field.clone()>{status}</p>
            <ol class="entry-list">
                <For each=move || 0..count.get() key=|index| *index let(index)>
                    <li class="entry-row">
                        <DateInput
                            field=format!("{row_field}.{index}")
                            label=Signal::derive(move || match lang.get() {
                                Lang::Zh => format!("第{}次会议日期", index + 1),
                                Lang::En => format!("Date of meeting {}", index + 1),
                            })
                            value=Signal::derive(move || {
                                meetings.with(|m| m.as_ref().and_then(|m| m.get(index)).map(|m| m.date))
                            })
                            on_commit=Callback::new(move |date: Option<Date>| {
                                if let Some(date) = date {
                                    edit(&|list| {
                                        if let Some(meeting) = list.get_mut(index) {
                                            meeting.date = date;
                                        }
                                    });
                                }
                            })
                            required=true
                        />
                        {move || {
                            outside(index).map(|text| view! {
                                <p class="field-error" data-note="outside-campaign">{text}</p>
                            })
                        }}
                        <button
                            type="button"
                            class="secondary small"
                            data-action=format!("{row_field}.remove.{index}")
                            on:click=move |_| {
                                let files = ids_of(state, Holder::Meeting(index));
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
                            holder=Holder::Meeting(index)
                            materials=entry_materials.get_value()
                            field=format!("{row_field}.{index}.evidence")
                            title="本次会议的材料"
                            title_en="This meeting's materials"
                        />
                    </li>
                </For>
            </ol>
            <div class="entry-add">
                <DateInput
                    field=format!("{field}.new")
                    label=trs("新增一次会议的日期", "Date of a new meeting")
                    value=new_date
                    on_commit=Callback::new(move |date| {
                        new_date.set(date);
                        add_error.set(None);
                    })
                />
                <button type="button" data-action=format!("{field}.add") on:click=add>
                    {tr("添加会议", "Add a meeting")}
                </button>
                <span class="field-error" role="alert">{move || add_error.get().map(|(zh, en)| lang.get().pick(zh, en))}</span>
            </div>
            <ListAnswerButtons
                field=field.clone()
                none=("一次也未召开", "None held")
                unanswered=Signal::derive(move || meetings.with(Option::is_none))
                on_none=Callback::new(move |()| write(Some(Vec::new())))
                on_clear=Callback::new(move |()| write(None))
            />
            <MonthLines item=item />
        </fieldset>
    }
}
