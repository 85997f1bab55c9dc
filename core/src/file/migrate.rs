//! The one seam through which files of older format versions become the
//! current version: a chain of steps, each taking a document of version
//! `n` (as JSON, checksum already verified) to version `n + 1`, filling
//! what the newer version adds with defaults.
//!
//! Version 1 is the first format, so the chain is empty today and a
//! version-1 file passes through unchanged; its optional sections (facts,
//! falsified, bonus, ledger, summary, exported_at) default to empty when
//! absent, which the tests pin. Version 2 will add one step here and keep
//! every older file readable.

use serde_json::Value;

use crate::file::SCHEMA_VERSION;
use crate::file::error::FileError;

/// One upgrade step: a document of version `n` to version `n + 1`.
type Step = fn(Value) -> Result<Value, FileError>;

/// `STEPS[n - 1]` upgrades version `n` to `n + 1`; the chain ends at
/// [`SCHEMA_VERSION`].
const STEPS: [Step; SCHEMA_VERSION as usize - 1] = [];

/// Checks a stated `schema_version` and returns it as a known version.
pub(crate) fn known_version(stated: &Value) -> Result<u32, FileError> {
    let unknown = || FileError::UnknownSchemaVersion {
        found: stated.to_string(),
        reads: SCHEMA_VERSION,
    };
    let version = stated.as_u64().ok_or_else(unknown)?;
    if version == 0 {
        return Err(unknown());
    }
    if version > u64::from(SCHEMA_VERSION) {
        return Err(FileError::FutureSchemaVersion {
            found: version,
            reads: SCHEMA_VERSION,
        });
    }
    u32::try_from(version).map_err(|_| unknown())
}

/// Upgrades a document of a known `version` to [`SCHEMA_VERSION`].
pub(crate) fn upgrade(
    version: u32,
    document: Value,
) -> Result<Value, FileError> {
    let mut document = document;
    let first = version.saturating_sub(1) as usize;
    for step in STEPS.iter().skip(first) {
        document = step(document)?;
    }

    // Every step leaves its own version number; the last one is current.
    if let Value::Object(members) = &mut document {
        members.insert("schema_version".to_string(), SCHEMA_VERSION.into());
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn ok_version_one_is_known() {
        assert_eq!(known_version(&json!(1)), Ok(1));
    }

    #[test]
    fn err_versions_never_written() {
        let cases = [json!(0), json!(-1), json!("1"), json!(1.5), json!(null)];
        for stated in cases {
            let error = known_version(&stated);
            assert_eq!(
                error,
                Err(FileError::UnknownSchemaVersion {
                    found: stated.to_string(),
                    reads: 1,
                }),
                "{stated}"
            );
        }
    }

    #[test]
    fn err_future_version() {
        assert_eq!(
            known_version(&json!(99)),
            Err(FileError::FutureSchemaVersion { found: 99, reads: 1 })
        );
    }

    #[test]
    fn ok_current_version_passes_unchanged() {
        let document = json!({"schema_version": 1, "community": {}});
        assert_eq!(upgrade(1, document.clone()), Ok(document));
    }
}
