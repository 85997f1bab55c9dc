//! Browser tests of the rubric page and the community picker: the whole
//! official rubric comes from the core's data (13 items, maxima adding up
//! to 100, 2 capped bonus items), and the picker holds exactly the 20
//! communities of Attachment 1, grouped by district.

mod support;

use leptos::prelude::*;
use starcheck_app::components::rubric_page::RubricPage;
use starcheck_core::Community;
use support::{mount, settle};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn lists_13_items_whose_maxima_add_up_to_100() {
    let page = mount(RubricPage);
    settle().await;

    let items = page.find_all("[data-item]");
    assert_eq!(items.len(), 13);
    let total: u32 = items
        .iter()
        .map(|item| {
            let max = item.get_attribute("data-max").unwrap_or_default();
            max.parse::<u32>().unwrap_or_else(|_| panic!("data-max {max:?}"))
        })
        .sum();
    assert_eq!(total, 100);

    // Category by category, as Attachment 2 adds them up.
    for (category, expected) in
        [("体制机制", 35), ("设施配套", 30), ("组织动员", 20), ("宣传工作", 15)]
    {
        let selector = format!("[data-category=\"{category}\"] [data-item]");
        let sum: u32 = page
            .find_all(&selector)
            .iter()
            .filter_map(|i| i.get_attribute("data-max"))
            .filter_map(|m| m.parse::<u32>().ok())
            .sum();
        assert_eq!(sum, expected, "{category}");
    }

    // Official wording, straight from the notice.
    let first = page.text("[data-item=\"1\"] [data-official=\"requirement\"]");
    assert!(first.starts_with("制定“党建+”邻里中心垃圾分类星级社区创建方案"));
    assert!(page.text("[data-item=\"6\"]").contains("现场检查"));

    // Bonus items with their caps; penalty and gate rows.
    assert_eq!(page.find_all("[data-bonus]").len(), 2);
    assert!(page.text("[data-bonus=\"14\"]").contains("封顶5分"));
    assert!(page.text("[data-bonus=\"15\"]").contains("封顶4分"));
    assert!(page.text("[data-penalty=\"16\"]").contains("弄虚作假"));
    assert!(page.text("[data-gate=\"17\"]").contains("低于75%"));
}

#[wasm_bindgen_test]
async fn picker_lists_exactly_the_20_communities_by_district() {
    let page = mount(RubricPage);
    settle().await;

    let options = page
        .find_all("select[data-field=\"community\"] option[data-community]");
    assert_eq!(options.len(), 20);

    let groups: Vec<String> = page
        .find_all("select[data-field=\"community\"] optgroup")
        .iter()
        .filter_map(|g| g.get_attribute("label"))
        .collect();
    assert_eq!(groups, ["鲤城区", "丰泽区", "洛江区"]);

    let first = options[0].text_content().unwrap_or_default();
    assert_eq!(first.trim(), "开元街道 新春社区");
    let in_luojiang =
        page.find_all("optgroup[label=\"洛江区\"] option[data-community]");
    assert_eq!(in_luojiang.len(), 2);
}

#[wasm_bindgen_test]
async fn picking_a_community_sets_the_assessment() {
    let page = mount(RubricPage);
    settle().await;

    page.change("select[data-field=\"community\"]", "17");
    settle().await;
    let community =
        page.state.assessment.with_untracked(|a| a.community.clone());
    assert_eq!(community, Community::new("丰泽区", "北峰街道", "万科城社区"));

    // Free entry opens three labelled fields.
    page.change("select[data-field=\"community\"]", "other");
    settle().await;
    for field in ["community.district", "community.street", "community.name"] {
        let input = page.find(&format!("input[data-field=\"{field}\"]"));
        let id = input.id();
        page.find(&format!("label[for=\"{id}\"]"));
    }
    page.type_into("input[data-field=\"community.name\"]", "某某社区");
    settle().await;
    let name =
        page.state.assessment.with_untracked(|a| a.community.name.clone());
    assert_eq!(name, "某某社区");
}
