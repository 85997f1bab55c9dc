//! The foot of the district table: the money of the whole set (base
//! subsidy for every community, the extras of every filled slot, the part
//! held by unsettled ties, and the total), and, when a district is picked,
//! that district's subtotal first.

use leptos::prelude::*;
use starcheck_core::count_noun;
use starcheck_core::district::{SortKey, subtotal, view as rows_view};

use crate::district::DistrictState;
use crate::i18n::{Lang, tr, use_lang};

/// The `<tfoot>`: columns line up with [`super::district_row::DistrictRow`].
#[component]
pub fn DistrictTableFoot(filter: RwSignal<Option<String>>) -> impl IntoView {
    let district = DistrictState::expect();
    let lang = use_lang();
    let totals =
        move || district.table.with(|t| t.as_ref().ok().map(|t| t.totals));

    // The picked district's own money, when one is picked.
    let sub = move || {
        let picked = filter.get()?;
        district.table.with(|t| {
            let table = t.as_ref().ok()?;
            let rows = rows_view(table, Some(&picked), SortKey::Rank, true);
            Some((picked, subtotal(&rows)))
        })
    };

    view! {
        <tfoot>
            {move || sub().map(|(name, s)| {
                let lang = lang.get();
                let extra = match (s.undetermined_rows > 0, lang) {
                    (true, Lang::Zh) => format!("{}(另有 {} 个社区同分待定)", s.extra_settled.format_yuan(), s.undetermined_rows),
                    (true, Lang::En) => format!("{} ({} more communities tied, to be settled)", s.extra_settled.format_yuan(), s.undetermined_rows),
                    (false, _) => s.extra_settled.format_yuan(),
                };
                let subtotal = match lang {
                    Lang::Zh => format!("{name}小计"),
                    Lang::En => format!("{name} subtotal"),
                };
                view! {
                    <tr class="district-subtotal" data-subtotal=name.clone()>
                        <th scope="row" colspan="10">{subtotal}</th>
                        <td class="num" data-label=tr("基础补助", "Base subsidy") data-subtotal-col="base">{s.base.format_yuan()}</td>
                        <td class="num" data-label=tr("星级奖补", "Tier award") data-subtotal-col="extra">{extra}</td>
                        <td></td>
                    </tr>
                }
            })}
            {move || totals().map(|t| view! {
                <tr class="district-total">
                    <th scope="row" colspan="10">
                        {match lang.get() {
                            Lang::Zh => format!(
                                "合计({} 个社区:参与排名 {},考核不通过 {},空缺名额 {})",
                                t.communities, t.ranked, t.unranked, t.empty_slots
                            ),
                            Lang::En => format!(
                                "Total ({}: {} ranked, {} failed, {})",
                                count_noun(t.communities, "community", "communities"),
                                t.ranked,
                                t.unranked,
                                count_noun(t.empty_slots, "empty slot", "empty slots")
                            ),
                        }}
                    </th>
                    <td class="num" data-label=tr("基础补助", "Base subsidy") data-total="base">{t.base.format_yuan()}</td>
                    <td class="num" data-label=tr("星级奖补", "Tier award") data-total="extra">{t.extra.format_yuan()}</td>
                    <td></td>
                </tr>
                {(!t.extra_undetermined.is_zero()).then(|| view! {
                    <tr class="district-total-note">
                        <th scope="row" colspan="11">{tr("其中同分待定的星级奖补(名额已定,归属待人工确定)", "Of which tier awards open because of ties (quotas fixed, recipients to be settled)")}</th>
                        <td class="num" data-total="undetermined">{t.extra_undetermined.format_yuan()}</td>
                        <td></td>
                    </tr>
                })}
                <tr class="district-grand-total">
                    <th scope="row" colspan="11">{tr("补助资金总计(基础补助 + 星级奖补)", "Subsidy total (base subsidy + tier awards)")}</th>
                    <td class="num" data-total="total"><strong>{t.total.format_yuan()}</strong></td>
                    <td></td>
                </tr>
            })}
        </tfoot>
    }
}
