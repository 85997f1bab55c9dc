//! The committed fixtures (`tests/fixtures/district*/`, `report/`) are
//! exactly what `starcheck_core::district::fixtures` makes today: a change
//! to the export format, the rubric or the fixtures' recipe fails here
//! until `cargo run -p starcheck-core --example district_fixtures` is run
//! again and the files are committed.

use std::collections::BTreeMap;
use std::path::Path;

use starcheck_core::district::fixtures::{
    Fixture, district_fixtures, district_hostile_fixtures,
    district_more_fixtures, report_fixtures,
};

const REGENERATE: &str =
    "run `cargo run -p starcheck-core --example district_fixtures`";

/// The folder's `.json` files by name.
fn committed(folder: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(folder);
    let entries = std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; {REGENERATE}", path.display()));
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_string());
            let text = std::fs::read_to_string(&p)
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (name.unwrap_or_default(), text)
        })
        .collect()
}

fn check(folder: &str, made: Vec<Fixture>) {
    let on_disk = committed(folder);
    let made: BTreeMap<String, String> =
        made.into_iter().map(|f| (f.file_name, f.text)).collect();
    assert_eq!(
        on_disk.keys().collect::<Vec<_>>(),
        made.keys().collect::<Vec<_>>(),
        "file names in tests/fixtures/{folder} differ; {REGENERATE}"
    );
    for (name, text) in &made {
        assert!(
            on_disk.get(name) == Some(text),
            "tests/fixtures/{folder}/{name} is stale; {REGENERATE}"
        );
    }
}

#[test]
fn ok_first_load_fixtures_are_current() {
    check("district", district_fixtures());
}

#[test]
fn ok_second_load_fixtures_are_current() {
    check("district-more", district_more_fixtures());
}

#[test]
fn ok_hostile_fixtures_are_current() {
    check("district-hostile", district_hostile_fixtures());
}

#[test]
fn ok_report_fixture_is_current() {
    check("report", report_fixtures());
}

#[test]
fn ok_twenty_files_one_corrupt() {
    let files = district_fixtures();
    assert_eq!(files.len(), 20);
    let refused: Vec<&str> = files
        .iter()
        .filter(|f| starcheck_core::file::import(f.text.as_bytes()).is_err())
        .map(|f| f.file_name.as_str())
        .collect();
    assert_eq!(refused, ["星级自评_洛江区双阳街道朝阳社区_2025-01-06.json"]);
}
