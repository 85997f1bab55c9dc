//! The proof of one holder in one place: its materials marked ready or
//! missing, the files attached, and the button to add more.

use leptos::prelude::*;
use starcheck_core::Holder;

use crate::components::attach_button::AttachButton;
use crate::components::attachment_list::AttachmentList;
use crate::components::material_marks::MaterialMarks;
use crate::i18n::tr;

/// Marks (unless `marks` is false: a ledger entry's vouchers are ticked in
/// the entry itself), files and the add button.
#[component]
pub fn EvidenceBlock(
    holder: Holder,
    materials: Vec<String>,
    field: String,
    #[prop(default = true)] marks: bool,
    #[prop(default = "佐证材料")] title: &'static str,
    /// The title in English.
    #[prop(default = "Evidence")]
    title_en: &'static str,
) -> impl IntoView {
    let data = field.clone();
    let marks_view = marks.then(|| {
        view! {
            <MaterialMarks
                holder=holder
                materials=materials.clone()
                field=field.clone()
            />
        }
    });
    view! {
        <div class="evidence-block" data-evidence=data>
            <p class="evidence-title">{tr(title, title_en)}</p>
            {marks_view}
            <AttachmentList holder=holder />
            <AttachButton holder=holder materials=materials field=field />
        </div>
    }
}
