//! Picks the community the assessment is about: the 20 communities of the
//! notice's Attachment 1, grouped by district (a `<select>` with one
//! `<optgroup>` per district, options "街道 社区"), or any other community
//! typed in (other counties create their own).
//!
//! Picking another community (listed, or "其他社区" to type one in) while
//! the current draft has answers asks first, inline: start (or open) that
//! community's own draft and leave this one saved under its community, or
//! rename this draft to it (refused when that community already has a
//! draft), or cancel. Without
//! answers the pick simply switches: to the community's stored draft when
//! there is one, else by renaming the empty draft.

use leptos::prelude::*;
use starcheck_core::{
    Assessment, Community, ListedCommunity, listed_communities,
};

use crate::components::text_input::TextInput;
use crate::i18n::{Lang, tr, trs, use_lang};
use crate::state::AppState;
use crate::storage::Drafts;

/// The `<select>` value of free entry.
const OTHER: &str = "other";

/// The community picker; writes the assessment's community.
#[component]
pub fn CommunityPicker() -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
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
    let selected = move || selected_value(free_entry, community);

    // The drafts, absent where the picker is mounted on its own (tests):
    // then a pick renames the content as it always did.
    let drafts = use_context::<Drafts>();

    // A pick waiting for the user's choice, and what the last choice did.
    let pending = RwSignal::new(None::<Pick>);
    // Said in both languages at once, so a switch re-words it.
    let note = RwSignal::new(None::<(String, String)>);
    let select = NodeRef::<leptos::html::Select>::new();

    // Goes to the community's stored draft, or starts one for it, leaving
    // the current draft saved where it is.
    let open_own = move |drafts: Drafts, chosen: &Community| {
        let name = chosen.name.clone();
        let said = match drafts.switch_to(chosen) {
            Ok(true) => (
                format!("已打开{name}已有的草稿。"),
                format!("Opened the existing draft of {name}."),
            ),
            Ok(false) => (
                format!("已为{name}新建草稿,原来的草稿仍保存着。"),
                format!(
                    "Started a draft for {name}; the earlier draft is still saved."
                ),
            ),
            Err(reason) => (reason.zh, reason.en),
        };
        note.set(Some(said));
    };

    // A choice either names a listed community or opens free entry.
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        note.set(None);
        pending.set(None);
        let current = community.get_untracked();
        let answered = state.assessment.with_untracked(|a| {
            *a != Assessment::new(a.community.clone(), a.as_of)
        });

        // Another community for a draft with answers: ask, and show the
        // current community until the user has chosen.
        let ask = |pick: Pick| {
            pending.set(Some(pick));
            if let Some(select) = select.get_untracked() {
                select.set_value(&selected_value(free_entry, community));
            }
        };

        if value == OTHER {
            if drafts.is_some() && answered && current != Community::default() {
                ask(Pick::Other);
                return;
            }
            free_entry.set(true);
            state.update_assessment(|a| a.community = Community::default());
            return;
        }
        let chosen = value.parse::<u8>().ok().and_then(|number| {
            listed_communities().iter().find(|c| c.number == number)
        });
        let chosen = chosen.map(ListedCommunity::to_community);

        let elsewhere = current != Community::default()
            && chosen.as_ref().is_some_and(|c| *c != current);
        if let (Some(drafts), Some(chosen)) = (drafts, chosen.clone())
            && elsewhere
        {
            if answered {
                ask(Pick::Listed(chosen));
                return;
            }
            if drafts.has_draft(&chosen) {
                free_entry.set(false);
                open_own(drafts, &chosen);
                return;
            }
        }

        free_entry.set(false);
        state.update_assessment(|a| a.community = chosen.unwrap_or_default());
    };

    // The three answers to the question.
    let make_new = move |_| {
        let (Some(pick), Some(drafts)) = (pending.get_untracked(), drafts)
        else {
            return;
        };
        pending.set(None);
        match pick {
            Pick::Listed(chosen) => {
                free_entry.set(false);
                open_own(drafts, &chosen);
            }
            Pick::Other => {
                drafts.new_draft();
                free_entry.set(true);
                note.set(Some((
                    "已新建空白草稿,请填写社区;原来的草稿仍保存着。".to_string(),
                    "Started an empty draft: type in its community. The earlier draft is still saved.".to_string(),
                )));
            }
        }
    };
    let rename = move |_| {
        let Some(pick) = pending.get_untracked() else {
            return;
        };
        pending.set(None);
        let chosen = match pick {
            Pick::Listed(chosen) => chosen,
            Pick::Other => {
                free_entry.set(true);
                state.update_assessment(|a| a.community = Community::default());
                note.set(Some((
                    "请填写当前草稿的社区。".to_string(),
                    "Type in the current draft's community.".to_string(),
                )));
                return;
            }
        };
        if drafts.is_some_and(|d| d.rename_taken(&chosen)) {
            let name = &chosen.name;
            note.set(Some((
                format!("{name}已有草稿,不能把当前草稿改为{name};可以选“为{name}新建草稿”打开它。"),
                format!(
                    "{name} already has a draft, so the current draft cannot become {name}; choose \u{201c}New draft for {name}\u{201d} to open it."
                ),
            )));
            return;
        }
        free_entry.set(false);
        note.set(Some((
            format!("当前草稿已改为{}。", chosen.name),
            format!("The current draft is now {}.", chosen.name),
        )));
        state.update_assessment(|a| a.community = chosen);
    };
    let cancel = move |_| pending.set(None);

    // The inline question, naming the community picked.
    let question = move || {
        pending.get().map(|pick| {
            let name = pick.name(lang.get());
            view! {
                <div class="community-switch" role="group" data-community-switch="">
                    <p>
                        {match lang.get() {
                            Lang::Zh => format!("当前草稿已有答案。换到{name}:"),
                            Lang::En => format!("The current draft has answers. Change to {name}:"),
                        }}
                    </p>
                    <button
                        type="button"
                        data-action="community.switch.new"
                        on:click=make_new
                    >
                        {match lang.get() {
                            Lang::Zh => format!("为{name}新建草稿"),
                            Lang::En => format!("New draft for {name}"),
                        }}
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        data-action="community.switch.rename"
                        on:click=rename
                    >
                        {match lang.get() {
                            Lang::Zh => format!("把当前草稿改为{name}"),
                            Lang::En => format!("Make the current draft {name}'s"),
                        }}
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        data-action="community.switch.cancel"
                        on:click=cancel
                    >
                        {tr("取消", "Cancel")}
                    </button>
                </div>
            }
        })
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
                <label for="f-community">{tr("社区", "Community")}</label>
                <select
                    id="f-community"
                    data-field="community"
                    prop:value=selected
                    on:change=on_change
                    node_ref=select
                >
                    <option value="">{tr("请选择社区", "Choose a community")}</option>
                    {district_groups()}
                    <option value=OTHER>{tr("其他社区(手动填写)", "Another community (type it in)")}</option>
                </select>
                <span class="field-hint">
                    {tr("名单为通知附件1的20个创建社区;其他县(市、区)的社区请选“其他社区”手动填写。", "The list is the 20 communities of Attachment 1 of the notice; for a community elsewhere choose “Another community” and type it in.")}
                </span>
            </div>
            {question}
            <p class="field-hint" role="status" data-community-note="">
                {move || note.get().map(|(zh, en)| lang.get().pick(zh, en))}
            </p>
            <Show when=move || free_entry.get()>
                <div class="free-entry">
                    <TextInput
                        field="community.district"
                        label=trs("区(县、市)", "District (county, city)")
                        value=district
                        on_commit=part(|c| &mut c.district)
                        placeholder=tr("例如 晋江市", "e.g. 晋江市")
                    />
                    <TextInput
                        field="community.street"
                        label=trs("街道(镇)", "Street (town)")
                        value=street
                        on_commit=part(|c| &mut c.street)
                        placeholder=tr("例如 青阳街道", "e.g. 青阳街道")
                    />
                    <TextInput
                        field="community.name"
                        label=trs("社区", "Community")
                        value=name
                        on_commit=part(|c| &mut c.name)
                        placeholder=tr("例如 某某社区", "e.g. 某某社区")
                    />
                </div>
            </Show>
        </div>
    }
}

/// A pick that waits for the user's answer: a listed community, or the
/// free entry of another one.
#[derive(Clone, Debug, PartialEq)]
enum Pick {
    Listed(Community),
    Other,
}

impl Pick {
    /// How the question names it.
    fn name(&self, lang: Lang) -> String {
        match self {
            Pick::Listed(community) => community.name.clone(),
            Pick::Other => {
                lang.pick("其他社区", "another community").to_string()
            }
        }
    }
}

/// The `<select>` value for the model's community and the mode.
fn selected_value(
    free_entry: RwSignal<bool>,
    community: Memo<Community>,
) -> String {
    if free_entry.get() {
        return OTHER.to_string();
    }
    community
        .with(|c| listed_number(c).map(|n| n.to_string()))
        .unwrap_or_default()
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
