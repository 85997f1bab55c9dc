//! One expenditure of the base subsidy, edited in place: the civil date,
//! the purpose (linked to the plan's line for it), payee and what was
//! bought, the amount, whether it was designated use (专款专用) and which
//! supporting documents are on file. Under the fields the row says in words
//! what the core holds against it: not designated (the gate fails) and each
//! missing document (−2 on item 2).
//!
//! A card on a phone; on wider screens a compact bordered row. Test names
//! follow the row's position from 0 (`ledger.amount.0`, the 第1笔 users
//! read); element ids follow its stable key.

use leptos::prelude::*;
use starcheck_core::{Document, Expenditure, Holder, Money, Purpose};

use crate::components::evidence_block::EvidenceBlock;
use crate::components::ledger_money_input::LedgerMoneyInput;
use crate::components::ledger_purpose_select::LedgerPurposeSelect;
use crate::components::text_input::TextInput;
use crate::date::{date_input_value, date_zh, parse_date_input};
use crate::i18n::{Lang, tr, trs, use_lang};
use crate::state::AppState;

/// The editor of the expenditure now at `index`.
#[component]
pub fn LedgerExpenditureRow(
    /// The row's stable key, for element ids.
    key: u64,
    /// The row's current position; `None` once removed.
    index: Memo<Option<usize>>,
    /// The funding item's number (2), for the flags.
    item: u32,
    /// Points that item loses per missing document (2).
    documents_points: u32,
    /// Removes the row at a position.
    on_remove: Callback<usize>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();

    // The entry as the model holds it now.
    let entry = Memo::new(move |_| {
        let index = index.get()?;
        state.assessment.with(|a| a.ledger.expenditures.get(index).cloned())
    });

    // Every edit goes to the entry at its current position; an event that
    // arrives after the row is gone (Chrome sends change and blur to a
    // field of a page being torn down) changes nothing.
    let edit = move |change: &dyn Fn(&mut Expenditure)| {
        if let Some(index) = index.try_get_untracked().flatten() {
            state.update_assessment(|a| {
                if let Some(entry) = a.ledger.expenditures.get_mut(index) {
                    change(entry);
                }
            });
        }
    };

    // Small memos, so that a field re-renders only when its own value
    // changes.
    let position = move || index.get().unwrap_or_default();
    let field = move |name: &'static str| {
        Signal::derive(move || format!("ledger.{name}.{}", position()))
    };
    let date = Memo::new(move |_| entry.with(|e| e.as_ref().map(|e| e.date)));
    let purpose = Memo::new(move |_| {
        entry.with(|e| e.as_ref().map_or(Purpose::Other, |e| e.purpose))
    });
    let description = Memo::new(move |_| {
        entry.with(|e| {
            e.as_ref().map(|e| e.description.clone()).unwrap_or_default()
        })
    });
    let amount = Memo::new(move |_| {
        entry.with(|e| e.as_ref().map_or(Money::ZERO, |e| e.amount))
    });
    let designated = Memo::new(move |_| {
        entry.with(|e| e.as_ref().is_none_or(|e| e.designated))
    });
    let has = move |document: Document| {
        entry.with(|e| e.as_ref().is_some_and(|e| e.documents.has(document)))
    };

    // The date: the browser gives YYYY-MM-DD or nothing while incomplete;
    // an incomplete date keeps the last one and says so.
    let date_error = RwSignal::new(None::<String>);
    let date_id = format!("ledger-{key}-date");
    let date_error_id = format!("{date_id}-error");
    let date_described = date_error_id.clone();
    let accept_date = move |text: String| {
        if date_error.is_disposed() {
            return;
        }
        match parse_date_input(&text) {
            Some(day) => {
                date_error.set(None);
                edit(&|e| e.date = day);
            }
            None => {
                let kept = date.try_get_untracked().flatten();
                date_error.set(Some(match lang.get_untracked() {
                    Lang::Zh => {
                        let kept = kept
                            .map(|day| format!("(仍按 {} 计)", date_zh(day)))
                            .unwrap_or_default();
                        format!("请选择完整的日期{kept}")
                    }
                    Lang::En => {
                        let kept = kept
                            .map(|day| format!(" (still counted as {day})"))
                            .unwrap_or_default();
                        format!("Choose a complete date{kept}")
                    }
                }));
            }
        }
    };

    // 专款专用: two radios, named per row.
    let designated_name = format!("ledger-{key}-designated");
    let designated_choices = [
        (true, "yes", "是", "Yes"),
        (false, "no", "否,未专款专用", "No, not for its designated use (未专款专用)"),
    ]
    .map(|(value, word, zh, en)| {
            let text = move || lang.get().pick(zh, en);
            let id = format!("{designated_name}-{word}");
            view! {
                <span class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name=designated_name.clone()
                        value=word
                        data-field=move || format!("ledger.designated.{}", position())
                        prop:checked=move || designated.get() == value
                        on:change=move |_| edit(&|e| e.designated = value)
                    />
                    <label for=id>{text}</label>
                </span>
            }
        });

    // The documents on file, one checkbox each.
    let document_boxes = Document::ALL.map(|document| {
        let id = format!("ledger-{key}-{}", document_key(document));
        view! {
            <span class="choice">
                <input
                    type="checkbox"
                    id=id.clone()
                    data-field=move || {
                        format!("ledger.{}.{}", document_key(document), position())
                    }
                    prop:checked=move || has(document)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        edit(&|e| match document {
                            Document::TransferVoucher => e.documents.transfer_voucher = on,
                            Document::PaymentVoucher => e.documents.payment_voucher = on,
                        });
                    }
                />
                <label for=id>
                    {move || lang.get().pick(document.label_zh(), document.label_en())}
                </label>
            </span>
        }
    });

    // What the core holds against this entry, in words.
    let flags = move || {
        let entry = entry.get()?;
        let lang = lang.get();
        let mut flags = Vec::new();
        if !entry.designated {
            let text = lang.pick(
                "未专款专用:专款专用否决项不通过",
                "Not for its designated use (未专款专用): the designated-use gate fails",
            );
            flags.push(("fail", text.to_string()));
        }
        for document in entry.documents.missing() {
            let text = match lang {
                Lang::Zh => format!(
                    "缺{}:第{item}项扣{documents_points}分",
                    document.label_zh()
                ),
                Lang::En => format!(
                    "Missing {}: item {item} −{documents_points} points",
                    document.label_en()
                ),
            };
            flags.push(("deduct", text));
        }
        let items = flags
            .into_iter()
            .map(|(kind, text)| view! { <li data-flag=kind>{text}</li> })
            .collect::<Vec<_>>();
        Some(view! { <ul class="ledger-row-flags">{items}</ul> })
    };
    let title = move || {
        let lang = lang.get();
        let label = entry.with(|e| {
            e.as_ref().map(|e| match lang {
                Lang::Zh => e.label_zh(),
                Lang::En => e.label_en(),
            })
        });
        match lang {
            Lang::Zh => {
                format!("第{}笔 {}", position() + 1, label.unwrap_or_default())
            }
            Lang::En => format!(
                "Expenditure {}: {}",
                position() + 1,
                label.unwrap_or_default()
            ),
        }
    };

    view! {
        <li
            class="ledger-row"
            data-row=position
            data-designated=move || if designated.get() { "yes" } else { "no" }
        >
            <div class="ledger-row-head">
                <h4 class="ledger-row-title">{title}</h4>
                <button
                    type="button"
                    class="secondary small ledger-remove"
                    data-action=move || format!("ledger.expenditure.remove.{}", position())
                    on:click=move |_| {
                        if let Some(index) = index.get_untracked() {
                            on_remove.run(index);
                        }
                    }
                >
                    {tr("删除", "Delete")}
                </button>
            </div>
            <div class="ledger-row-fields">
                <div class="field field-date ledger-date" class:invalid=move || date_error.get().is_some()>
                    <label for=date_id.clone()>{tr("支出日期", "Date")}</label>
                    <input
                        type="date"
                        id=date_id
                        data-field=move || format!("ledger.date.{}", position())
                        aria-invalid=move || date_error.get().is_some().then_some("true")
                        aria-describedby=move || date_error.get().map(|_| date_described.clone())
                        prop:value=move || date.get().map(date_input_value).unwrap_or_default()
                        on:change=move |ev| accept_date(event_target_value(&ev))
                    />
                    <span class="field-error" id=date_error_id role="alert">
                        {move || date_error.get()}
                    </span>
                </div>
                <LedgerPurposeSelect
                    id=format!("ledger-{key}-purpose")
                    field=field("purpose")
                    label=trs("用途(对应计划)", "Purpose (as in the plan)")
                    value=purpose
                    on_change=Callback::new(move |p: Purpose| edit(&|e| e.purpose = p))
                    with_plan=true
                />
                <div class="ledger-description">
                    <TextInput
                        id=format!("ledger-{key}-description")
                        field=field("description")
                        label=trs("收款方及支出内容", "Payee and purchase")
                        value=description
                        on_commit=Callback::new(move |text: String| {
                            edit(&|e| e.description = text.clone())
                        })
                        placeholder=tr("如 某某环保公司 购置四分类桶", "e.g. Greenway Recycling Co., four-way sorting bins")
                    />
                </div>
                <LedgerMoneyInput
                    id=format!("ledger-{key}-amount")
                    field=field("amount")
                    label=trs("金额(元)", "Amount (yuan)")
                    value=amount
                    on_commit=Callback::new(move |m: Money| edit(&|e| e.amount = m))
                />
                <fieldset class="field field-yes-no ledger-designated">
                    <legend>{tr("专款专用", "专款专用 (designated use)")}</legend>
                    <div class="choices">{Vec::from(designated_choices)}</div>
                </fieldset>
                <fieldset class="field ledger-documents">
                    <legend>{tr("已存档凭证", "Documents on file")}</legend>
                    <div class="choices">{Vec::from(document_boxes)}</div>
                </fieldset>
            </div>
            {flags}
            {move || {
                index
                    .get()
                    .map(|i| {
                        let materials = state
                            .rubric
                            .with_value(|r| r.entry_materials().expenditure.clone());
                        view! {
                            <EvidenceBlock
                                holder=Holder::Expenditure(i)
                                materials=materials
                                field=format!("ledger.{i}.evidence")
                                marks=false
                                title="凭证附件(添加转账或支付凭证后,上方对应凭证自动勾选)"
                                title_en="Vouchers (attaching a transfer or payment voucher ticks it above)"
                            />
                        }
                    })
            }}
        </li>
    }
}

/// A document's stable name, as the core serialises it.
pub fn document_key(document: Document) -> &'static str {
    match document {
        Document::TransferVoucher => "transfer_voucher",
        Document::PaymentVoucher => "payment_voucher",
    }
}
