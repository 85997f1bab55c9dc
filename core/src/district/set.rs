//! The set of files a district office has loaded: at most one file per
//! community, the newer one kept when a second arrives, and every refused
//! file with its reason.
//!
//! A file is "newer" by its as-of date (评估日期), then by its export time;
//! a file without an export time is older than one with. When both dates
//! are equal the file loaded first stays. Either way the duplicate is
//! flagged with both files' dates, so a person can see what was dropped.

use jiff::civil::{Date, DateTime};
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Community};
use crate::dates::ymd_hm;
use crate::file::{ExportMeta, FileError, Imported, RubricRef, Summary};
use crate::rubric::Rubric;
use crate::score::evaluate;

/// A file that was accepted. Its serde form is [`Imported`]'s: for handing
/// a file read in a web worker to the page, not a file format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loaded {
    /// The file's name as chosen, e.g. `星级自评_…_2025-01-06.json`.
    pub file_name: String,
    /// The file's text (UTF-8), kept so the set can be stored and read
    /// again through the same import checks.
    pub text: String,
    pub imported: Imported,
}

impl Loaded {
    /// The community the file is about.
    pub fn community(&self) -> &Community {
        &self.imported.assessment.community
    }

    /// The key a community is known by in the set: its full name, with
    /// spaces taken out of each part.
    pub fn key(&self) -> String {
        community_key(self.community())
    }

    /// Whether the file's key is `key`, without building it: a set
    /// compares each file it takes with every file it holds, and building
    /// a thousand keys for each of a thousand files took longer than
    /// checking the files.
    pub fn has_key(&self, key: &str) -> bool {
        let community = self.community();
        let parts = [&community.district, &community.street, &community.name];
        let chars = parts.into_iter().flat_map(|part| part.chars());
        chars.filter(|c| !c.is_whitespace()).eq(key.chars())
    }

    /// The file's dates.
    pub fn stamp(&self) -> FileStamp {
        FileStamp {
            file_name: self.file_name.clone(),
            as_of: self.imported.assessment.as_of,
            exported_at: self.imported.meta.exported_at,
        }
    }
}

/// A [`Loaded`] as the district page's web worker hands it over: the
/// import's results less the evaluation, which is the rubric's scoring
/// of the assessment and is done again in a few microseconds
/// ([`Handed::into_loaded`]). The file's name and text travel beside it
/// as they are, not as escaped JSON strings. Reading this instead of a
/// whole `Loaded` keeps the page's share of a large import short. Not a
/// file format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handed {
    pub assessment: Assessment,
    pub meta: ExportMeta,
    pub schema_version: u32,
    pub rubric: RubricRef,
    pub rubric_differs: bool,
    pub stated: Option<Summary>,
    pub had_bom: bool,
}

impl Handed {
    /// What to hand over of an imported file.
    pub fn of(imported: &Imported) -> Handed {
        Handed {
            assessment: imported.assessment.clone(),
            meta: imported.meta.clone(),
            schema_version: imported.schema_version,
            rubric: imported.rubric.clone(),
            rubric_differs: imported.rubric_differs,
            stated: imported.stated.clone(),
            had_bom: imported.had_bom,
        }
    }

    /// The file again, scored with `rubric`: the same `Loaded` as the
    /// one handed over when `rubric` is the one it was imported with.
    pub fn into_loaded(
        self,
        rubric: &Rubric,
        file_name: String,
        text: String,
    ) -> Loaded {
        let evaluation = evaluate(rubric, &self.assessment);
        let imported = Imported {
            assessment: self.assessment,
            meta: self.meta,
            schema_version: self.schema_version,
            rubric: self.rubric,
            rubric_differs: self.rubric_differs,
            evaluation,
            stated: self.stated,
            had_bom: self.had_bom,
        };
        Loaded { file_name, text, imported }
    }
}

/// `鲤城区开元街道新春社区`, whitespace removed: the id of a community in
/// the set and in the ranking.
pub fn community_key(community: &Community) -> String {
    let part = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect();
    let parts: [String; 3] = [
        part(&community.district),
        part(&community.street),
        part(&community.name),
    ];
    parts.concat()
}

/// What identifies one file of a duplicate pair.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub file_name: String,
    #[serde(deserialize_with = "crate::dates::de_date")]
    pub as_of: Date,
    #[serde(default, deserialize_with = "crate::dates::de_opt_date_time")]
    pub exported_at: Option<DateTime>,
}

impl FileStamp {
    /// `评估日期 2025-01-06,导出于 2025-01-06 18:00`.
    pub fn dates_zh(&self) -> String {
        match self.exported_at {
            Some(at) if !self.plausible() => format!(
                "评估日期 {},导出于 {}(评估日期晚于导出日期)",
                self.as_of,
                ymd_hm(at)
            ),
            Some(at) => {
                format!("评估日期 {},导出于 {}", self.as_of, ymd_hm(at))
            }
            None => format!("评估日期 {},无导出时间", self.as_of),
        }
    }

    /// `assessed 2025-01-06, exported 2025-01-06 18:00`.
    pub fn dates_en(&self) -> String {
        match self.exported_at {
            Some(at) if !self.plausible() => format!(
                "assessed {}, exported {} (assessed after it was exported)",
                self.as_of,
                ymd_hm(at)
            ),
            Some(at) => {
                format!("assessed {}, exported {}", self.as_of, ymd_hm(at))
            }
            None => format!("assessed {}, no export time", self.as_of),
        }
    }

    /// Whether the assessment date is no later than the day the file was
    /// exported. A file assessed "as of" a day after it was written (a
    /// mistyped year, 9999-12-31) is not a later assessment: of two files
    /// for one community it is dropped for one that is plausible.
    pub fn plausible(&self) -> bool {
        self.exported_at.is_none_or(|at| self.as_of <= at.date())
    }

    fn order(&self) -> (bool, Date, Option<DateTime>) {
        (self.plausible(), self.as_of, self.exported_at)
    }
}

/// A second file for a community already loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    /// The community's key ([`community_key`]).
    pub community: String,
    /// The file kept (the newer).
    pub kept: FileStamp,
    /// The file dropped.
    pub dropped: FileStamp,
    /// The file just loaded is the one kept.
    pub replaced: bool,
}

impl Duplicate {
    /// What the page says in `lang`.
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Zh => self.message_zh(),
            crate::lang::Lang::En => self.message_en(),
        }
    }

    /// The same file (name and dates) chosen again.
    fn is_same_file(&self) -> bool {
        self.kept == self.dropped
    }

    /// [`Duplicate::message_zh`] in English.
    pub fn message_en(&self) -> String {
        if self.is_same_file() {
            return format!(
                "{} is already loaded for {} ({}); choosing it again loads \
                 nothing twice",
                self.kept.file_name,
                self.community,
                self.kept.dates_en()
            );
        }
        let same = self.kept.order() == self.dropped.order();
        let rule = if same {
            "both files have the same dates, the one loaded first is kept"
        } else {
            "the one with the later assessment date (and export time) is kept"
        };
        format!(
            "{} already has another file: {rule}. Kept: {} ({}); not used: \
             {} ({})",
            self.community,
            self.kept.file_name,
            self.kept.dates_en(),
            self.dropped.file_name,
            self.dropped.dates_en()
        )
    }

    /// What the page says, e.g. `梅峰社区已有文件:保留较新的 …(…),
    /// 未采用 …(…)`.
    pub fn message_zh(&self) -> String {
        if self.is_same_file() {
            return format!(
                "{}的文件{}({})已载入,再次选择的同一文件未重复载入",
                self.community,
                self.kept.file_name,
                self.kept.dates_zh()
            );
        }
        let same = self.kept.order() == self.dropped.order();
        let rule = if same {
            "两份文件日期相同,保留先载入的"
        } else {
            "保留评估日期(及导出时间)较新的"
        };
        format!(
            "{}已有另一份文件:{rule}。保留:{}({});未采用:{}({})",
            self.community,
            self.kept.file_name,
            self.kept.dates_zh(),
            self.dropped.file_name,
            self.dropped.dates_zh()
        )
    }
}

/// A refused file and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    pub file_name: String,
    /// [`FileError::code`], e.g. `checksum_mismatch`.
    pub code: String,
    /// [`FileError::message_zh`].
    pub reason: String,
    /// [`FileError::message_en`]; empty from a producer that has none.
    #[serde(default)]
    pub reason_en: String,
}

impl Refused {
    /// A refusal for `file_name`.
    pub fn new(file_name: &str, error: &FileError) -> Refused {
        Refused {
            file_name: file_name.to_string(),
            code: error.code().to_string(),
            reason: error.message_zh(),
            reason_en: error.message_en(),
        }
    }

    /// Why, in `lang` (Chinese when no English was given).
    pub fn reason(&self, lang: crate::lang::Lang) -> &str {
        match lang {
            crate::lang::Lang::En if !self.reason_en.is_empty() => {
                &self.reason_en
            }
            _ => &self.reason,
        }
    }

    /// Whether `loaded`, a good file, is for the same community: the same
    /// file name, or the name the export gives that community, any date.
    pub fn superseded_by(&self, loaded: &Loaded) -> bool {
        self.file_name == loaded.file_name
            || names_community(&self.file_name, loaded.community())
    }
}

/// Whether `file_name` is the export's name for `community` with some
/// date: `星级自评_<name>_<YYYY-MM-DD>…`.
fn names_community(file_name: &str, community: &Community) -> bool {
    // Any date gives the same prefix; the date itself is checked below.
    let own = crate::file::file_name(community, Date::constant(2000, 1, 1));
    let Some(prefix) = own.strip_suffix("2000-01-01.json") else {
        return false;
    };
    let Some(rest) = file_name.strip_prefix(prefix) else {
        return false;
    };
    rest.get(..10).and_then(crate::dates::parse_date).is_some()
}

/// The loaded files, one per community in the order first loaded, and
/// what happened to the rest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DistrictSet {
    pub files: Vec<Loaded>,
    pub duplicates: Vec<Duplicate>,
    pub refused: Vec<Refused>,
}

impl DistrictSet {
    /// An empty set.
    pub fn new() -> DistrictSet {
        DistrictSet::default()
    }

    /// Adds an accepted file; a second file for a community keeps the
    /// newer and returns the flag (also kept in [`DistrictSet::duplicates`]).
    ///
    /// A refusal of a file for the same community (the same file name, or
    /// the name the export gives that community with any date) is cleared:
    /// a good file for it has arrived.
    pub fn add(&mut self, loaded: Loaded) -> Option<Duplicate> {
        self.refused.retain(|refused| !refused.superseded_by(&loaded));

        let key = loaded.key();
        let Some(index) = self.files.iter().position(|f| f.has_key(&key))
        else {
            self.files.push(loaded);
            return None;
        };

        // `index` came from `position` over the same vector.
        let existing = &mut self.files[index];
        let newer = loaded.stamp().order() > existing.stamp().order();
        let duplicate = if newer {
            let duplicate = Duplicate {
                community: key,
                kept: loaded.stamp(),
                dropped: existing.stamp(),
                replaced: true,
            };
            *existing = loaded;
            duplicate
        } else {
            Duplicate {
                community: key,
                kept: existing.stamp(),
                dropped: loaded.stamp(),
                replaced: false,
            }
        };
        self.duplicates.push(duplicate.clone());
        Some(duplicate)
    }

    /// Clears every refusal a loaded file supersedes (for a set whose
    /// files were gathered elsewhere, e.g. by a worker, and whose earlier
    /// refusals were kept).
    pub fn drop_superseded_refusals(&mut self) {
        let files = &self.files;
        self.refused
            .retain(|refused| !files.iter().any(|f| refused.superseded_by(f)));
    }

    /// Records a refused file.
    pub fn refuse(&mut self, file_name: &str, error: &FileError) {
        self.refused.push(Refused::new(file_name, error));
    }

    /// Takes a community's file out of the set.
    pub fn remove(&mut self, key: &str) {
        self.files.retain(|f| !f.has_key(key));
    }

    /// Forgets every file, flag and refusal.
    pub fn clear(&mut self) {
        *self = DistrictSet::default();
    }

    /// The districts of the loaded files, sorted, each once.
    pub fn districts(&self) -> Vec<String> {
        let mut districts: Vec<String> = self
            .files
            .iter()
            .map(|f| f.community().district.trim().to_string())
            .collect();
        districts.sort();
        districts.dedup();
        districts
    }
}
