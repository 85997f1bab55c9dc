//! Which pages a build of the app carries.
//!
//! The site is two pages so that a community's first load stays small:
//! `index.html` ([`Edition::Community`]) has every page but the district
//! office's, whose tab opens `district.html`; `district.html` and the
//! single-file edition ([`Edition::full`]) have every page. The district
//! page reaches this build only through the function pointers of
//! [`Edition::Full`], so a build that never calls [`Edition::full`] links
//! none of its code (about a fifth of the wasm, BENCHMARKS.md).

use leptos::prelude::*;

use crate::route::Route;

/// The site's page with every tab, the district office's included.
pub const FULL_PAGE: &str = "district.html";

/// The pages of this build.
#[derive(Clone, Copy)]
pub enum Edition {
    /// `index.html`: the community's pages. The district tab opens
    /// [`FULL_PAGE`] and the assessment's likely tier reads the stored
    /// district set without loading the district page.
    Community,
    /// Every page: `start` provides the district page's state when the
    /// app starts, `page` draws it.
    Full { start: fn(), page: fn() -> AnyView },
}

impl Edition {
    /// Every page, the district office's included.
    pub fn full() -> Edition {
        Edition::Full {
            start: || provide_context(crate::district::DistrictState::start()),
            page: || {
                use crate::components::district_page::DistrictPage;
                view! { <DistrictPage /> }.into_any()
            },
        }
    }

    /// The edition the running app was built as; the community's for a
    /// component mounted outside the app (browser tests of components).
    pub fn current() -> Edition {
        use_context::<Edition>().unwrap_or(Edition::Community)
    }

    /// Where a tab's link goes: its hash on this page, or the full page
    /// at that hash for a page this build does not have.
    pub fn href(self, route: Route) -> String {
        match (self, route) {
            (Edition::Community, Route::District) => {
                format!("{FULL_PAGE}{}", route.hash())
            }
            _ => route.hash().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn ok_community_links_the_district_tab_to_the_full_page() {
        let community = Edition::Community;
        assert_eq!(community.href(Route::District), "district.html#/district");
        assert_eq!(community.href(Route::Assess), "#/assess");
    }

    #[test]
    fn ok_full_keeps_every_tab_on_its_page() {
        let full = Edition::Full { start: || {}, page: || ().into_any() };
        for route in Route::ALL {
            assert_eq!(full.href(route), route.hash());
        }
    }
}
