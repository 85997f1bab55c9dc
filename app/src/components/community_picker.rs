//! Picks the community the assessment is about: the 20 communities of the
//! notice's Attachment 1, grouped by district (a `<select>` with one
//! `<optgroup>` per district, options "街道 社区"), or any other community
//! typed in (other counties create their own).

use leptos::prelude::*;
use starcheck_core::{Community, ListedCommunity, listed_communities};

use crate::components::text_input::TextInput;
use crate::state::AppState;

/// The `<select>` value of free entry.
const OTHER: &str = "other";

/// The community picker; writes the assessment's community.
#[component]
pub fn CommunityPicker() -> impl IntoView {
    let state = AppState::expect();
    let community =
        Memo::new(move |_| state.assessment.with(|a| a.community.clone()));

    // Free entry is a mode of its own: while its fields are still empty
    // the community matches nothing, yet the fields must stay open.
    let free_entry = RwSignal::new(community.with_untracked(|c| {
        listed_number(c).is_none() && *c != Community::default()
    }));

    // A community put in from elsewhere (a loaded draft, an imported file)
    // sets the mode; an empty one leaves it as the user chose.
    Effect::new(move |_| {
        community.with(|c| {
            if listed_number(c).is_some() {
                free_entry.set(false);
            } else if *c != Community::default() {
                free_entry.set(true);
            }
        });
    });

    // What the <select> shows follows the model and the mode.
    let selected = move || {
        if free_entry.get() {
            return OTHER.to_string();
        }
        community
            .with(|c| listed_number(c).map(|n| n.to_string()))
            .unwrap_or_default()
    };

    // A choice either names a listed community or opens free entry.
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        if value == OTHER {
            free_entry.set(true);
            state.update_assessment(|a| a.community = Community::default());
            return;
        }
        free_entry.set(false);
        let chosen = value.parse::<u8>().ok().and_then(|number| {
            listed_communities().iter().find(|c| c.number == number)
        });
        let community = chosen.map(ListedCommunity::to_community);
        state
            .update_assessment(|a| a.community = community.unwrap_or_default());
    };

    // One field of the free entry, committed outside IME composition.
    let part = move |pick: fn(&mut Community) -> &mut String| {
        Callback::new(move |text: String| {
            state.update_assessment(|a| *pick(&mut a.community) = text);
        })
    };
    let district =
        Signal::derive(move || community.with(|c| c.district.clone()));
    let street = Signal::derive(move || community.with(|c| c.street.clone()));
    let name = Signal::derive(move || community.with(|c| c.name.clone()));

    view! {
        <div class="community-picker" data-component="community-picker">
            <div class="field">
                <label for="f-community">"社区"</label>
                <select
                    id="f-community"
                    data-field="community"
                    prop:value=selected
                    on:change=on_change
                >
                    <option value="">"请选择社区"</option>
                    {district_groups()}
                    <option value=OTHER>"其他社区(手动填写)"</option>
                </select>
                <span class="field-hint">
                    "名单为通知附件1的20个创建社区;其他县(市、区)的社区请选“其他社区”手动填写。"
                </span>
            </div>
            <Show when=move || free_entry.get()>
                <div class="free-entry">
                    <TextInput
                        field="community.district"
                        label="区(县、市)"
                        value=district
                        on_commit=part(|c| &mut c.district)
                        placeholder="例如 晋江市"
                    />
                    <TextInput
                        field="community.street"
                        label="街道(镇)"
                        value=street
                        on_commit=part(|c| &mut c.street)
                        placeholder="例如 青阳街道"
                    />
                    <TextInput
                        field="community.name"
                        label="社区"
                        value=name
                        on_commit=part(|c| &mut c.name)
                        placeholder="例如 某某社区"
                    />
                </div>
            </Show>
        </div>
    }
}

/// One `<optgroup>` per district, in the notice's order.
fn district_groups() -> Vec<impl IntoView> {
    let mut districts: Vec<&'static str> = Vec::new();
    for listed in listed_communities() {
        if !districts.contains(&listed.district) {
            districts.push(listed.district);
        }
    }

    districts
        .into_iter()
        .map(|district| {
            let options = listed_communities()
                .iter()
                .filter(|c| c.district == district)
                .map(|c| {
                    view! {
                        <option value=c.number.to_string() data-community=c.number>
                            {format!("{} {}", c.street, c.name)}
                        </option>
                    }
                })
                .collect::<Vec<_>>();
            view! { <optgroup label=district>{options}</optgroup> }
        })
        .collect()
}

/// The Attachment 1 number of a community, when it is one of the 20.
fn listed_number(community: &Community) -> Option<u8> {
    listed_communities()
        .iter()
        .find(|c| c.to_community() == *community)
        .map(|c| c.number)
}
