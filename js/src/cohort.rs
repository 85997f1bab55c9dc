//! Many communities ranked together, as the district page ranks them: a
//! [`DistrictSet`] (one file per community, the newer kept when a second
//! arrives, refusals listed with their reasons) laid out by the core's
//! `build_table` into ranks, tiers by quota, ties and money.
//!
//! Entries come one at a time ([`Cohort::add_file`],
//! [`Cohort::add_object`]), so a caller with hundreds of files can show
//! progress and stop early; `rankCohort` is the same over an array.
//!
//! The district page's worker (`js/worker/district-worker.js`) also hands
//! its result back through here: [`Cohort::keep`] takes the files the
//! page already holds, [`Cohort::taken`] gives each file as it is taken,
//! for the page to read while the worker reads on, and
//! [`Cohort::handover`] gives the page what it needs to rebuild the same
//! set from those without reading any file again.

use serde::Serialize;
use serde_json::Value;
use starcheck_core::district::{
    DistrictSet, DistrictTable, Duplicate, Handed, Loaded, Refused, build_table,
};
use starcheck_core::file::{
    self, ExportMeta, FileError, Imported, RubricRef, SCHEMA_VERSION, Summary,
};
use starcheck_core::{BothHalves, GateState, Rubric, ScoreRange};

use crate::error::Refusal;
use crate::single::{self, Built, Decode, VERSION};

/// A refused entry, in the ranking's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Listed {
    /// The entry's position among those offered, from 0.
    pub index: usize,
    pub file_name: String,
    pub code: String,
    pub message: String,
    pub message_zh: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// An entry that was taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Added {
    pub ok: bool,
    pub index: usize,
    pub key: String,
    pub file_name: String,
    pub total: ScoreRange,
    pub outcome: GateState,
    /// A second entry for a community already in: which one was kept.
    pub duplicate: Option<Duplicate>,
}

/// The ranking of everything taken so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ranking<'a> {
    pub ok: bool,
    /// Rows, ties, totals and the cohort's own result, as the district
    /// table shows them.
    #[serde(flatten)]
    pub table: &'a DistrictTable,
    pub duplicates: &'a [Duplicate],
    pub refused: &'a [Listed],
}

/// Where a file of the set came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    /// The page's own file number n ([`Cohort::keep`]).
    Kept(usize),
    /// Read here, the n-th file taken ([`Cohort::taken`]).
    Read(usize),
}

/// A file of the set as the page gets it back: its own file number n,
/// or the n-th file taken here, which [`Cohort::taken`] gave when it
/// was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandedFile {
    Kept(usize),
    Read(usize),
}

/// A file just taken, as the page gets it while the load goes on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Taken<'a> {
    /// Its number among the files taken here, from 0.
    pub number: usize,
    pub file_name: &'a str,
    /// The file's text; `None` when it is the bytes the entry was given
    /// (less a UTF-8 byte-order mark), which the caller has at hand.
    pub text: Option<&'a str>,
    /// JSON of the [`Handed`] rest of the file.
    pub data: String,
}

/// What the page needs to rebuild the set (see the module docs). The
/// lists and table are JSON text, which the page reads with the same
/// core types.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handover {
    pub files: Vec<HandedFile>,
    /// JSON of `Vec<Duplicate>`.
    pub duplicates: String,
    /// JSON of `Vec<Refused>`.
    pub refused: String,
    /// The table, or why there is none (Chinese).
    pub table: Result<TableJson, String>,
}

/// A `DistrictTable` as JSON in pieces the page reads a slice at a time:
/// everything but the rows, then each row. Its sentences (a gate's
/// detail, a tie's message) are written in both languages
/// ([`BothHalves`]), so the page shows them in English too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableJson {
    /// The table with no rows.
    pub rest: String,
    /// Each `Row`, in order.
    pub rows: Vec<String>,
}

/// The communities taken so far.
pub struct Cohort {
    rubric: Rubric,
    set: DistrictSet,
    /// Parallel to `set.files`.
    origins: Vec<Origin>,
    refused: Vec<Listed>,
    offered: usize,
    /// Files taken here so far.
    read: usize,
    /// Where in `set.files` the last entry went, if it was taken.
    last: Option<usize>,
    /// The last entry's text is the bytes it was given.
    last_as_given: bool,
}

impl Default for Cohort {
    fn default() -> Self {
        Cohort::new()
    }
}

impl Cohort {
    /// An empty cohort scored with the built-in rubric.
    pub fn new() -> Cohort {
        Cohort {
            rubric: Rubric::quanzhou_2024(),
            set: DistrictSet::new(),
            origins: Vec::new(),
            refused: Vec::new(),
            offered: 0,
            read: 0,
            last: None,
            last_as_given: false,
        }
    }

    /// How many communities are in.
    pub fn size(&self) -> usize {
        self.set.files.len()
    }

    /// An exported file: checked as the app imports it, then taken (the
    /// newer file kept for a community already in) or refused.
    pub fn add_file(
        &mut self,
        file_name: Option<String>,
        bytes: &[u8],
        decode: Decode,
    ) -> Result<Added, Refusal> {
        let index = self.next_index();
        match single::read(&self.rubric, bytes, decode) {
            Ok(read) => {
                // The set keeps UTF-8 text that imports as it is: a file
                // read as GB18030 is kept as the export of what it holds.
                let text = match std::str::from_utf8(bytes) {
                    Ok(text) if read.decoded_from.is_none() => {
                        self.last_as_given = true;
                        text.trim_start_matches('\u{feff}').to_string()
                    }
                    _ => file::export(
                        &self.rubric,
                        &read.imported.assessment,
                        &read.imported.meta,
                    ),
                };
                let file_name = file_name.unwrap_or_else(|| {
                    let a = &read.imported.assessment;
                    file::file_name(&a.community, a.as_of)
                });
                Ok(self.take(index, file_name, text, read.imported))
            }
            Err(error) => Err(self.refuse(index, file_name, &error)),
        }
    }

    /// A file-shaped object (as `scoreAssessment` takes): scored and
    /// taken, with the text of its export as the file.
    pub fn add_object(
        &mut self,
        file_name: Option<String>,
        value: Value,
    ) -> Result<Added, Refusal> {
        let index = self.next_index();
        let Built { assessment, evaluation, exported_at } =
            match single::build(&self.rubric, value) {
                Ok(built) => built,
                Err(refusal) => {
                    return Err(self.list(index, file_name, refusal, None));
                }
            };
        let meta = ExportMeta { app_version: VERSION.to_string(), exported_at };
        let text = file::export(&self.rubric, &assessment, &meta);
        let file_name = file_name.unwrap_or_else(|| {
            file::file_name(&assessment.community, assessment.as_of)
        });
        let imported = Imported {
            rubric: RubricRef {
                id: self.rubric.id().to_string(),
                version: self.rubric.version(),
            },
            stated: Some(Summary::of(&evaluation)),
            assessment,
            meta,
            schema_version: SCHEMA_VERSION,
            rubric_differs: false,
            evaluation,
            had_bom: false,
        };
        Ok(self.take(index, file_name, text, imported))
    }

    /// Something that is neither a file nor an object, refused in its
    /// place in the list.
    pub fn add_unreadable(
        &mut self,
        file_name: Option<String>,
        refusal: Refusal,
    ) -> Refusal {
        let index = self.next_index();
        self.list(index, file_name, refusal, None)
    }

    /// The district table of the set: `quotas` one per tier (top
    /// first), or the rubric's.
    pub fn table(
        &self,
        quotas: Option<&[u32]>,
    ) -> Result<DistrictTable, Refusal> {
        build_table(&self.rubric, &self.set, quotas).map_err(Refusal::from)
    }

    /// The ranking: `table` (from [`Cohort::table`]) with the duplicates
    /// flagged and the entries refused.
    pub fn ranking<'a>(&'a self, table: &'a DistrictTable) -> Ranking<'a> {
        Ranking {
            ok: true,
            table,
            duplicates: &self.set.duplicates,
            refused: &self.refused,
        }
    }

    /// A file the page already holds, as its file number `number`: read
    /// again so that the ranking covers the whole set. It imported when
    /// the page took it, so it does again; if not, it is refused like
    /// any file and the page learns why.
    pub fn keep(&mut self, number: usize, file_name: &str, text: &str) {
        match file::import_with(&self.rubric, text.as_bytes()) {
            Ok(imported) => {
                let loaded = Loaded {
                    file_name: file_name.to_string(),
                    text: text.to_string(),
                    imported,
                };
                self.set.add(loaded);
                self.origins.push(Origin::Kept(number));
            }
            Err(error) => self.set.refuse(file_name, &error),
        }
    }

    /// The file the last entry added, if it was taken (not refused, nor
    /// dropped for a newer file of its community).
    pub fn taken(&self) -> Option<Taken<'_>> {
        let at = self.last?;
        let (loaded, Origin::Read(number)) =
            (self.set.files.get(at)?, self.origins.get(at)?)
        else {
            return None;
        };
        Some(Taken {
            number: *number,
            file_name: &loaded.file_name,
            text: (!self.last_as_given).then_some(loaded.text.as_str()),
            data: json(&Handed::of(&loaded.imported)),
        })
    }

    /// What the page needs to rebuild this set and show its table.
    pub fn handover(&self, quotas: Option<&[u32]>) -> Handover {
        let files = self
            .origins
            .iter()
            .map(|origin| match origin {
                Origin::Kept(number) => HandedFile::Kept(*number),
                Origin::Read(number) => HandedFile::Read(*number),
            })
            .collect();
        let table = build_table(&self.rubric, &self.set, quotas)
            .map(|mut table| {
                let rows = std::mem::take(&mut table.rows);
                TableJson {
                    rest: json(&BothHalves(&table)),
                    rows: rows
                        .iter()
                        .map(|row| json(&BothHalves(row)))
                        .collect(),
                }
            })
            .map_err(|error| format!("无法排名:{error}"));
        Handover {
            files,
            duplicates: json(&self.set.duplicates),
            refused: json(&self.set.refused),
            table,
        }
    }

    fn next_index(&mut self) -> usize {
        self.last = None;
        self.last_as_given = false;
        let index = self.offered;
        self.offered += 1;
        index
    }

    /// Adds to the set, keeping `origins` parallel to its files: a new
    /// community goes last, a newer file replaces the older in place.
    fn take(
        &mut self,
        index: usize,
        file_name: String,
        text: String,
        imported: Imported,
    ) -> Added {
        let loaded = Loaded { file_name, text, imported };
        let mut added = Added {
            ok: true,
            index,
            key: loaded.key(),
            file_name: loaded.file_name.clone(),
            total: loaded.imported.evaluation.total,
            outcome: loaded.imported.evaluation.outcome,
            duplicate: None,
        };
        let origin = Origin::Read(self.read);
        match self.set.add(loaded) {
            None => {
                self.origins.push(origin);
                self.last = Some(self.origins.len() - 1);
            }
            Some(duplicate) => {
                if duplicate.replaced {
                    let at = self
                        .set
                        .files
                        .iter()
                        .position(|f| f.has_key(&added.key));
                    if let Some(i) = at
                        && let Some(slot) = self.origins.get_mut(i)
                    {
                        *slot = origin;
                        self.last = Some(i);
                    }
                }
                added.duplicate = Some(duplicate);
            }
        }
        if self.last.is_some() {
            self.read += 1;
        }
        added
    }

    fn refuse(
        &mut self,
        index: usize,
        file_name: Option<String>,
        error: &FileError,
    ) -> Refusal {
        self.list(index, file_name, Refusal::from(error), Some(error))
    }

    /// Lists a refusal (and keeps the core's form of a file's for the
    /// page).
    fn list(
        &mut self,
        index: usize,
        file_name: Option<String>,
        refusal: Refusal,
        error: Option<&FileError>,
    ) -> Refusal {
        let file_name =
            file_name.unwrap_or_else(|| format!("第 {} 项", index + 1));
        match error {
            Some(error) => self.set.refuse(&file_name, error),
            None => self.set.refused.push(Refused {
                file_name: file_name.clone(),
                code: refusal.code.clone(),
                reason: refusal.message_zh.clone(),
                reason_en: String::new(),
            }),
        }
        self.refused.push(Listed {
            index,
            file_name,
            code: refusal.code.clone(),
            message: refusal.message.clone(),
            message_zh: refusal.message_zh.clone(),
            path: refusal.path.clone(),
        });
        refusal
    }
}

/// JSON text of the core's plain data. Data with string keys and no
/// floats always serialises; the empty fallback keeps this total, and
/// the page refuses empty text like any unreadable handover.
fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use starcheck_core::district::fixtures::{
        district_fixtures, district_more_fixtures,
    };
    use starcheck_core::district::{DistrictSet, load_file};

    use super::*;

    fn no_decoder(_: &[u8]) -> Option<String> {
        None
    }

    #[test]
    fn ok_ranking_is_the_district_pages() {
        let rubric = Rubric::quanzhou_2024();
        let mut cohort = Cohort::new();
        let mut set = DistrictSet::new();
        for file in district_fixtures() {
            let bytes = file.text.as_bytes();
            let _ = cohort.add_file(
                Some(file.file_name.clone()),
                bytes,
                no_decoder,
            );
            let _ = load_file(&rubric, &mut set, &file.file_name, bytes);
        }
        assert_eq!(cohort.size(), 19);

        let expected = build_table(&rubric, &set, None).ok();
        let table = cohort.table(None).ok();
        assert_eq!(table, expected);
        let Some(table) = table else { return };
        let ranking = cohort.ranking(&table);
        let codes: Vec<_> = ranking
            .refused
            .iter()
            .map(|r| (r.index, r.code.as_str()))
            .collect();
        assert_eq!(codes, [(19, "checksum_mismatch")]);
    }

    #[test]
    fn err_quotas_of_the_wrong_length() {
        let cohort = Cohort::new();
        let code = cohort.table(Some(&[1, 2])).err().map(|e| e.code);
        assert_eq!(code.as_deref(), Some("quota_count"));
    }

    #[test]
    fn ok_handover_names_the_kept_files() {
        let mut cohort = Cohort::new();
        let kept: Vec<_> = district_fixtures().into_iter().take(19).collect();
        for (number, file) in kept.iter().enumerate() {
            cohort.keep(number, &file.file_name, &file.text);
        }
        for file in district_more_fixtures() {
            let bytes = file.text.as_bytes();
            let _ = cohort.add_file(Some(file.file_name), bytes, no_decoder);
        }

        // 梅峰社区's older file is dropped; 朝阳社区's is new, the only
        // one taken here.
        let handover = cohort.handover(None);
        let numbers: Vec<usize> = handover
            .files
            .iter()
            .filter_map(|f| match f {
                HandedFile::Kept(number) => Some(*number),
                HandedFile::Read(_) => None,
            })
            .collect();
        assert_eq!(numbers, (0..19).collect::<Vec<_>>());
        assert_eq!(handover.files.last(), Some(&HandedFile::Read(0)));
        let duplicates: Vec<Duplicate> =
            serde_json::from_str(&handover.duplicates).unwrap_or_default();
        assert_eq!(duplicates.len(), 1);
        let table = handover.table.unwrap_or_else(|_| panic!("no table"));
        let rows = &table.rows;
        assert_eq!(rows.len(), 21);
        assert!(rows.iter().any(|row| row.contains("朝阳社区")));

        // The page reads the rows and the ties back in both languages.
        let read: Vec<starcheck_core::district::Row> =
            rows.iter().filter_map(|r| serde_json::from_str(r).ok()).collect();
        assert_eq!(read.len(), 21);
        let failed = read.iter().find(|r| r.community == "新桥社区");
        assert_eq!(
            failed.map(|r| r.gates[1].detail.en.as_str()),
            Some("Spent ¥59,999.99 (74.99%); ¥0.01 short of 75%")
        );
        let rest: Option<DistrictTable> =
            serde_json::from_str(&table.rest).ok();
        let tie =
            rest.and_then(|t| t.ties.first().map(|f| f.message.en.clone()));
        assert!(tie.is_some_and(|m| m.ends_with("to be settled by a person")));
    }

    #[test]
    fn ok_a_newer_file_replaces_a_kept_one() {
        let more = district_more_fixtures();
        let newer = district_fixtures();
        let mut cohort = Cohort::new();
        cohort.keep(7, &more[0].file_name, &more[0].text);
        let added = cohort.add_file(None, newer[1].text.as_bytes(), no_decoder);
        assert!(added.is_ok_and(|a| a.duplicate.is_some_and(|d| d.replaced)));
        let files = cohort.handover(None).files;
        assert_eq!(files, [HandedFile::Read(0)]);
    }

    /// Each file as the page gets it while the load goes on, read back;
    /// `bytes` what the entry was given.
    fn given(cohort: &Cohort, bytes: &[u8]) -> Option<(usize, Loaded)> {
        let taken = cohort.taken()?;
        let handed: Handed = serde_json::from_str(&taken.data).ok()?;
        let rubric = Rubric::quanzhou_2024();
        let text = match taken.text {
            Some(text) => text.to_string(),
            None => std::str::from_utf8(bytes).ok()?.to_string(),
        };
        let name = taken.file_name.to_string();
        Some((taken.number, handed.into_loaded(&rubric, name, text)))
    }

    #[test]
    fn ok_taken_files_rebuild_the_set() {
        // 梅峰社区's older file first: the newer replaces it later.
        let files = district_fixtures();
        let mut cohort = Cohort::new();
        let mut page: Vec<Option<Loaded>> = Vec::new();
        for file in district_more_fixtures().iter().chain(&files) {
            let bytes = file.text.as_bytes();
            let name = Some(file.file_name.clone());
            let added = cohort.add_file(name, bytes, no_decoder);
            assert!(cohort.taken().is_none_or(|t| t.text.is_none()));
            let given = given(&cohort, bytes);
            match &added {
                Ok(a) if a.duplicate.as_ref().is_none_or(|d| d.replaced) => {
                    let (number, loaded) = given.unwrap_or_else(|| {
                        panic!("{} was taken", file.file_name)
                    });
                    assert_eq!(number, page.len());
                    page.push(Some(loaded));
                }
                _ => assert_eq!(given, None, "{}", file.file_name),
            }
        }

        // The page's set, from the numbers the handover names, is the
        // cohort's own, evaluations and all.
        let rebuilt: Vec<Loaded> = cohort
            .handover(None)
            .files
            .iter()
            .filter_map(|file| match file {
                HandedFile::Read(n) => page.get_mut(*n).and_then(Option::take),
                HandedFile::Kept(_) => None,
            })
            .collect();
        assert_eq!(rebuilt, cohort.set.files);
        assert_eq!(rebuilt.len(), 20);
        assert_eq!(page.len(), 21);
        let stale: Vec<_> = page.iter().flatten().map(Loaded::key).collect();
        assert_eq!(stale, ["鲤城区开元街道梅峰社区"]);
    }

    #[test]
    fn ok_objects_and_unreadable_entries_take_their_places() {
        let mut cohort = Cohort::new();
        let refusal = Refusal::not_a_file("a number");
        let listed = cohort.add_unreadable(None, refusal);
        assert_eq!(listed.code, "not_a_file");

        let text = &district_fixtures()[0].text;
        let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        let added = cohort.add_object(None, value).ok();
        assert_eq!(added.as_ref().map(|a| a.index), Some(1));
        assert_eq!(added.map(|a| a.total), Some(ScoreRange::exact(107)));
        let Ok(table) = cohort.table(None) else { return };
        let ranking = cohort.ranking(&table);
        let first = ranking.refused.first().map(|r| r.file_name.as_str());
        assert_eq!(first, Some("第 1 项"));
    }

    #[test]
    fn ok_taken_text_is_given_when_it_is_not_the_bytes() {
        // An object has no bytes: its text is the export written here.
        let text = &district_fixtures()[0].text;
        let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        let mut cohort = Cohort::new();
        let _ = cohort.add_object(None, value);
        let written = cohort.taken().and_then(|t| t.text.map(str::to_string));
        let exported = cohort.set.files.first().map(|f| f.text.clone());
        assert!(written.is_some());
        assert_eq!(written, exported);

        // A file with a byte-order mark is kept without it.
        let mut cohort = Cohort::new();
        let marked = format!("\u{feff}{text}");
        let _ = cohort.add_file(None, marked.as_bytes(), no_decoder);
        assert_eq!(cohort.taken().map(|t| t.text), Some(None));
        assert_eq!(cohort.set.files.first().map(|f| &f.text), Some(text));
    }
}
