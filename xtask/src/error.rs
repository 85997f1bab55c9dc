//! The one error type of `cargo xtask`: every failure says in plain words
//! what went wrong and, where it can, what to do about it.

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::process::ExitStatus;

#[derive(Debug)]
pub enum Error {
    /// The command line asked for something xtask does not know.
    Usage(String),

    /// A program could not be started, usually because it is not installed.
    Spawn { program: String, source: io::Error },

    /// A program ran and exited with a failure.
    Failed { command: String, status: ExitStatus },

    /// A tool is missing and xtask cannot install it on this machine.
    Missing { what: String, how: String },

    /// A file or folder could not be read or written.
    Io { path: PathBuf, source: io::Error },

    /// The repository or a build output is not what xtask expects.
    Invalid(String),

    /// One step of `cargo xtask test` failed.
    Step { number: usize, total: usize, name: &'static str, source: Box<Error> },
}

impl Error {
    /// Wraps an I/O error with the path it happened on.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> Self {
        let path = path.into();
        move |source| Self::Io { path, source }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Usage(message) | Self::Invalid(message) => {
                f.write_str(message)
            }
            Self::Spawn { program, source } => {
                write!(f, "could not start `{program}`: {source}")
            }
            Self::Failed { command, status } => match status.code() {
                Some(code) => {
                    write!(f, "`{command}` exited with status {code}")
                }
                None => write!(f, "`{command}` was stopped by a signal"),
            },
            Self::Missing { what, how } => {
                write!(f, "{what} is missing: {how}")
            }
            Self::Io { path, source } => {
                write!(f, "cannot use `{}`: {source}", path.display())
            }
            Self::Step { number, total, name, source } => {
                write!(f, "step {number}/{total} ({name}) failed: {source}")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Spawn { source, .. } | Self::Io { source, .. } => {
                Some(source)
            }
            Self::Step { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}
