//! One component per file. Pages: [`rubric_page`], [`assess_page`] and the
//! placeholders of [`placeholder_page`]; the rest are their parts.

pub mod app_header;
pub mod assess_page;
pub mod bonus_card;
pub mod community_picker;
pub mod count_input;
pub mod cut_lines_input;
pub mod date_input;
pub mod falsified_toggle;
pub mod fix_first_list;
pub mod gates_card;
pub mod item_card;
pub mod item_result;
pub mod kinds_input;
pub mod ledger_documents_note;
pub mod meetings_input;
pub mod month_lines;
pub mod nav_bar;
pub mod placeholder_page;
pub mod places_input;
pub mod range_input;
pub mod readings_note;
pub mod reports_input;
pub mod rubric_page;
pub mod rule_input;
pub mod summary_panel;
pub mod text_input;
pub mod yes_no_input;
