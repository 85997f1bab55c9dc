//! Item 6's places: each place with waste-sorting facilities, whether it
//! has a feature that needs a particular container (a canteen or shared
//! kitchen needs kitchen waste, parcel lockers need recyclables), and the
//! containers it has. The core finds the wrongly equipped places.

use leptos::prelude::*;
use starcheck_core::{
    Container, EquipmentRequirement, Fact, Place, count_noun,
};

use crate::components::gloss_line::GlossLine;
use crate::components::list_answer_buttons::ListAnswerButtons;
use crate::components::text_input::TextInput;
use crate::i18n::{Lang, gloss, tr, trs, use_lang};
use crate::state::AppState;

/// The places list with add, remove, "no such places" and clear.
#[component]
pub fn PlacesInput(
    item: u32,
    /// The rule's id within the item.
    rule: String,
    /// The question the core asks for the rule.
    #[prop(into)]
    question: Signal<String>,
    /// Features and the containers they need, from the rubric.
    requirements: Vec<EquipmentRequirement>,
    /// Points lost per wrongly equipped place.
    points_each: u32,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let fact = state.fact(item, &rule);
    let rule_id = StoredValue::new(rule.clone());
    let requirements = StoredValue::new(requirements);

    // The answered list, or None while unanswered.
    let places = Memo::new(move |_| match fact.get() {
        Some(Fact::Places(list)) => Some(list),
        _ => None,
    });
    let count =
        Memo::new(move |_| places.with(|p| p.as_ref().map_or(0, Vec::len)));

    // Every change writes the whole list back, in the order entered.
    let write = move |list: Option<Vec<Place>>| {
        let fact = list.map(Fact::Places);
        rule_id.with_value(|rule| state.set_fact(item, rule, fact));
    };
    let edit = move |change: &dyn Fn(&mut Vec<Place>)| {
        let mut list = places.get_untracked().unwrap_or_default();
        change(&mut list);
        write(Some(list));
    };

    // A new place is named in the language shown; the user renames it.
    let add = move |_| {
        let lang = lang.get_untracked();
        edit(&|list| {
            let number = list.len() + 1;
            let name = match lang {
                Lang::Zh => format!("场所{number}"),
                Lang::En => format!("Place {number}"),
            };
            list.push(Place { name, ..Place::default() });
        })
    };

    let field = format!("item{item}.{rule}");
    let row_field = field.clone();
    let status = move || match (places.get(), lang.get()) {
        (None, lang) => lang.pick("未填写", "Unanswered").to_string(),
        (Some(list), lang) if list.is_empty() => lang
            .pick("已填写:没有需核对的场所", "Answered: no place to check")
            .to_string(),
        (Some(list), Lang::Zh) => format!("已填写 {} 处场所", list.len()),
        (Some(list), Lang::En) => format!(
            "Answered: {}",
            count_noun(list.len() as u64, "place", "places")
        ),
    };
    let hint_zh = requirements.with_value(|reqs| {
        let needs = reqs
            .iter()
            .map(|r| {
                format!(
                    "设有{}的场所应配备{}收集容器",
                    r.feature_label,
                    r.container.label_zh()
                )
            })
            .collect::<Vec<_>>()
            .join(";");
        format!("{needs}。每发现1处配备不当扣{points_each}分。")
    });
    let hint_en = requirements.with_value(|reqs| {
        let needs = reqs
            .iter()
            .map(|r| {
                format!(
                    "a place with {} needs a {} container",
                    term_en(&r.feature_label),
                    term_en(r.container.label_zh())
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        format!("{needs}. −{points_each} points per place not equipped.")
    });
    let hint = move || lang.get().pick(hint_zh.clone(), hint_en.clone());

    view! {
        <fieldset class="field field-list" data-rule=rule>
            <legend>{question}</legend>
            <span class="field-hint">{hint}</span>
            <p class="list-status" data-status=field.clone()>{status}</p>
            <ol class="entry-list places">
                <For each=move || 0..count.get() key=|index| *index let(index)>
                    <PlaceRow
                        field=format!("{row_field}.{index}")
                        index=index
                        places=places
                        requirements=requirements
                        edit=Callback::new(move |change: PlaceChange| {
                            edit(&|list| {
                                match &change {
                                    PlaceChange::Remove => {
                                        if index < list.len() {
                                            list.remove(index);
                                        }
                                    }
                                    change => {
                                        if let Some(place) = list.get_mut(index) {
                                            change.apply(place);
                                        }
                                    }
                                }
                            })
                        })
                    />
                </For>
            </ol>
            <ListAnswerButtons
                field=field.clone()
                none=("没有设食堂或快递设备的场所", "No place with a canteen or parcel lockers")
                unanswered=Signal::derive(move || places.with(Option::is_none))
                on_none=Callback::new(move |()| write(Some(Vec::new())))
                on_clear=Callback::new(move |()| write(None))
            >
                <button type="button" data-action=format!("{field}.add") on:click=add>
                    {tr("添加场所", "Add a place")}
                </button>
            </ListAnswerButtons>
        </fieldset>
    }
}

/// One edit of one place.
#[derive(Clone, Debug)]
pub enum PlaceChange {
    Rename(String),
    Feature(String, bool),
    Container(Container, bool),
    Remove,
}

impl PlaceChange {
    fn apply(&self, place: &mut Place) {
        match self {
            PlaceChange::Rename(name) => place.name = name.clone(),
            PlaceChange::Feature(feature, true) => {
                place.features.insert(feature.clone());
            }
            PlaceChange::Feature(feature, false) => {
                place.features.remove(feature);
            }
            PlaceChange::Container(container, true) => {
                place.containers.insert(*container);
            }
            PlaceChange::Container(container, false) => {
                place.containers.remove(container);
            }
            PlaceChange::Remove => {}
        }
    }
}

/// One place: its name, features and containers.
#[component]
fn PlaceRow(
    /// e.g. `item6.wrong_equipment.0`.
    field: String,
    index: usize,
    places: Memo<Option<Vec<Place>>>,
    requirements: StoredValue<Vec<EquipmentRequirement>>,
    edit: Callback<PlaceChange>,
) -> impl IntoView {
    // This row's place, by position.
    let place = Memo::new(move |_| {
        places.with(|p| p.as_ref().and_then(|p| p.get(index)).cloned())
    });
    let name = Signal::derive(move || {
        place.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default())
    });

    // A checkbox bound to one part of the place.
    let checkbox = |id: String,
                    data_field: String,
                    value: String,
                    label: String,
                    checked: Signal<bool>,
                    change: Callback<bool>| {
        view! {
            <span class="choice">
                <input
                    type="checkbox"
                    id=id.clone()
                    value=value
                    data-field=data_field
                    prop:checked=move || checked.get()
                    on:change=move |ev| change.run(event_target_checked(&ev))
                />
                <label for=id>{label.clone()}<GlossLine zh=label /></label>
            </span>
        }
    };

    let features = requirements.with_value(|reqs| {
        reqs.iter()
            .map(|req| {
                let feature = req.feature.clone();
                let has = feature.clone();
                checkbox(
                    format!(
                        "f-{}-feature-{}",
                        field.replace('.', "-"),
                        req.feature
                    ),
                    format!("{field}.feature"),
                    req.feature.clone(),
                    req.feature_label.clone(),
                    Signal::derive(move || {
                        place.with(|p| {
                            p.as_ref()
                                .is_some_and(|p| p.features.contains(&has))
                        })
                    }),
                    Callback::new(move |on| {
                        edit.run(PlaceChange::Feature(feature.clone(), on))
                    }),
                )
            })
            .collect::<Vec<_>>()
    });
    let containers = Container::ALL
        .iter()
        .map(|&container| {
            let key = serde_json::to_value(container)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            checkbox(
                format!("f-{}-container-{}", field.replace('.', "-"), key),
                format!("{field}.container"),
                key,
                container.label_zh().to_string(),
                Signal::derive(move || {
                    place.with(|p| {
                        p.as_ref()
                            .is_some_and(|p| p.containers.contains(&container))
                    })
                }),
                Callback::new(move |on| {
                    edit.run(PlaceChange::Container(container, on))
                }),
            )
        })
        .collect::<Vec<_>>();

    view! {
        <li class="entry-row place-row">
            <TextInput
                field=format!("{field}.name")
                label=trs("场所名称", "Place name")
                value=name
                on_commit=Callback::new(move |text: String| edit.run(PlaceChange::Rename(text)))
            />
            <div class="place-group">
                <span class="group-label">{tr("设有", "Has")}</span>
                <div class="choices choices-wrap">{features}</div>
            </div>
            <div class="place-group">
                <span class="group-label">{tr("配有收集容器", "Has containers for")}</span>
                <div class="choices choices-wrap">{containers}</div>
            </div>
            <button
                type="button"
                class="secondary small"
                data-action=format!("{field}.remove")
                on:click=move |_| edit.run(PlaceChange::Remove)
            >
                {tr("删除此场所", "Delete this place")}
            </button>
        </li>
    }
}

/// An official term inside an English sentence: its gloss, the Chinese
/// quoted after it (`canteen or shared kitchen (“邻里食堂或共享厨房”)`).
fn term_en(zh: &str) -> String {
    match gloss(zh) {
        Some(en) => format!("{} (“{zh}”)", en.to_lowercase()),
        None => format!("“{zh}”"),
    }
}
