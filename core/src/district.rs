//! The district office's view (区垃分办全区对照): many communities'
//! exported files at once, ranked into tiers by quota, with the money.
//!
//! - [`set`]: the loaded files, one per community (a second file for a
//!   community keeps the newer and is flagged with both dates), and the
//!   refused ones with their Chinese reasons;
//! - [`table`]: the rows of the table (rank, names, scores, gates in words,
//!   tier by quota, base and extra subsidy), empty slots, the money totals,
//!   sorting and filtering by district;
//! - [`compare`]: communities side by side, item by item, with where each
//!   lost points;
//! - [`export`]: the table as CSV for Excel and as JSON;
//! - [`fixtures`]: the generated files the page's tests load.
//!
//! Files are read by [`crate::file::import`], so the district page accepts
//! and refuses exactly what import does.

pub mod compare;
pub mod export;
pub mod fixtures;
pub mod set;
pub mod table;
pub mod words;

#[cfg(test)]
mod tests;

pub use compare::{CompareCell, CompareRow, Comparison, Gloss, compare};
pub use export::{RankingFile, ranking_json, table_csv};
pub use set::{
    DistrictSet, Duplicate, FileStamp, Handed, Loaded, Refused, community_key,
};
pub use table::{
    DistrictTable, Extra, GateWords, Row, RowKind, SortKey, Subtotal, Totals,
    build_table, subtotal, view,
};

use crate::file::{FileError, import_with};
use crate::rubric::Rubric;

/// Reads one file as import does and adds it to `set`: accepted (perhaps
/// flagged as a duplicate) or refused with its reason. Never stops at a
/// bad file.
pub fn load_file(
    rubric: &Rubric,
    set: &mut DistrictSet,
    file_name: &str,
    bytes: &[u8],
) -> Result<Option<Duplicate>, FileError> {
    match import_with(rubric, bytes) {
        Ok(imported) => {
            let text = String::from_utf8_lossy(bytes)
                .trim_start_matches('\u{feff}')
                .to_string();
            Ok(set.add(Loaded {
                file_name: file_name.to_string(),
                text,
                imported,
            }))
        }
        Err(error) => {
            set.refuse(file_name, &error);
            Err(error)
        }
    }
}
