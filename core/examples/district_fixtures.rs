//! Writes the district page's test files with the core's own export:
//! `tests/fixtures/district/` (the 20 files of the first load) and
//! `tests/fixtures/district-more/` (the second load) and
//! `tests/fixtures/district-hostile/` (names a spreadsheet would misread),
//! and `tests/fixtures/report/` (example B, for the printed report).
//! What each file holds
//! is described in `starcheck_core::district::fixtures`; the core's test
//! `district_fixtures` fails when the committed files differ from these.
//!
//! Run from anywhere in the workspace:
//! `cargo run -p starcheck-core --example district_fixtures`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use starcheck_core::district::fixtures::{
    Fixture, district_fixtures, district_hostile_fixtures,
    district_more_fixtures, report_fixtures,
};

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let sets = [
        (root.join("district"), district_fixtures()),
        (root.join("district-more"), district_more_fixtures()),
        (root.join("district-hostile"), district_hostile_fixtures()),
        (root.join("report"), report_fixtures()),
    ];
    for (folder, files) in sets {
        if let Err(error) = write_set(&folder, &files) {
            eprintln!("district_fixtures: {}: {error}", folder.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {} files to {}", files.len(), folder.display());
    }
    ExitCode::SUCCESS
}

/// Replaces the folder's `.json` files with `files`.
fn write_set(folder: &PathBuf, files: &[Fixture]) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            std::fs::remove_file(path)?;
        }
    }
    for file in files {
        std::fs::write(folder.join(&file.file_name), &file.text)?;
    }
    Ok(())
}
