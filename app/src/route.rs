//! Hash routing: the page shown follows `location.hash` (`#/rubric`,
//! `#/assess`, …). The hash, unlike a path, keeps working when the app is
//! served under a sub-path or opened straight from a file, and needs no
//! router crate.

use leptos::prelude::*;

/// One page of the app, named by its hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    /// 评分细则: the official rubric and the community picker.
    Rubric,
    /// 自评: the self-assessment form with its live summary.
    Assess,
    /// 资金台账: the subsidy ledger behind the spending gate.
    Ledger,
    /// 草稿与文件: drafts in local storage, JSON export and import.
    Drafts,
    /// 全区对照: peers' files side by side, ranks and tiers.
    District,
    /// 自评报告: the printable report with its charts.
    Report,
}

impl Route {
    /// Every page, in the order of the navigation bar.
    pub const ALL: [Route; 6] = [
        Route::Assess,
        Route::Rubric,
        Route::Ledger,
        Route::Drafts,
        Route::District,
        Route::Report,
    ];

    /// The page opened when the hash names none.
    pub const DEFAULT: Route = Route::Assess;

    /// The hash that opens this page, with its leading `#`.
    pub fn hash(self) -> &'static str {
        match self {
            Route::Rubric => "#/rubric",
            Route::Assess => "#/assess",
            Route::Ledger => "#/ledger",
            Route::Drafts => "#/drafts",
            Route::District => "#/district",
            Route::Report => "#/report",
        }
    }

    /// The tab's label in the navigation bar.
    pub fn label(self, lang: starcheck_core::Lang) -> &'static str {
        if lang == starcheck_core::Lang::En {
            return match self {
                Route::Rubric => "Rubric",
                Route::Assess => "Self-assessment",
                Route::Ledger => "Ledger",
                Route::Drafts => "Drafts & files",
                Route::District => "District",
                Route::Report => "Report",
            };
        }
        match self {
            Route::Rubric => "评分细则",
            Route::Assess => "自评",
            Route::Ledger => "资金台账",
            Route::Drafts => "草稿与文件",
            Route::District => "全区对照",
            Route::Report => "自评报告",
        }
    }

    /// Reads a hash such as `#/assess` (or `#assess`, `#/assess?x`);
    /// anything unknown opens the default page rather than a blank one.
    pub fn from_hash(hash: &str) -> Route {
        let name = hash.trim_start_matches('#').trim_start_matches('/');
        let name = name.split(['?', '/']).next().unwrap_or_default();
        match name {
            "rubric" => Route::Rubric,
            "assess" => Route::Assess,
            "ledger" => Route::Ledger,
            "drafts" => Route::Drafts,
            "district" => Route::District,
            "report" => Route::Report,
            _ => Route::DEFAULT,
        }
    }
}

/// The current page as a signal that follows `hashchange`, for the
/// lifetime of the calling component.
pub fn use_route() -> ReadSignal<Route> {
    // The hash at start-up decides the first page.
    let (route, set_route) = signal(Route::from_hash(&current_hash()));

    // Back, forward and clicked links all end in a hashchange event.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::from_hash(&current_hash()));
    });
    on_cleanup(move || handle.remove());

    route
}

/// `location.hash`, or empty when the browser refuses to say.
fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    // In the browser build the tests run under wasm-bindgen-test.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::Route;

    #[test]
    fn ok_every_route_reads_back_from_its_hash() {
        for route in Route::ALL {
            assert_eq!(Route::from_hash(route.hash()), route);
        }
    }

    #[test]
    fn ok_loose_hashes() {
        let cases = [
            ("", Route::DEFAULT),
            ("#", Route::DEFAULT),
            ("#rubric", Route::Rubric),
            ("#/ledger?month=10", Route::Ledger),
            ("#/drafts/abc", Route::Drafts),
            ("#/nowhere", Route::DEFAULT),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::from_hash(hash), route, "{hash}");
        }
    }
}
