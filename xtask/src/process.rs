//! Running other programs: announce a step, echo the command line, run it
//! with the terminal attached, and turn a failure into an [`Error`].

use std::io::Write;
use std::process::{Command, Stdio};

use crate::error::Error;

/// Prints one `==> ...` progress line.
pub fn announce(message: &str) {
    say(&format!("==> {message}"));
}

/// Prints one line to stdout and flushes it, so it shows before the output
/// of the program that follows. A closed stdout (`cargo xtask | head`) is
/// not worth a panic: the line is dropped.
pub fn say(line: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{line}").and_then(|()| stdout.flush());
}

/// Runs `command` with inherited stdin, stdout and stderr, and fails unless
/// it exits with success.
pub fn run(command: &mut Command) -> Result<(), Error> {
    let line = describe(command);
    say(&format!("    $ {line}"));

    let status = command.status().map_err(|source| Error::Spawn {
        program: program_name(command),
        source,
    })?;

    if status.success() {
        Ok(())
    } else {
        Err(Error::Failed { command: line, status })
    }
}

/// Runs `command` quietly and returns its standard output, or `None` when
/// it cannot be started or fails. Used to ask tools for their versions.
pub fn capture(command: &mut Command) -> Option<String> {
    let output =
        command.stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The command line as a person would type it (without the environment).
fn describe(command: &Command) -> String {
    let mut words = vec![program_name(command)];
    words.extend(
        command.get_args().map(|arg| arg.to_string_lossy().into_owned()),
    );
    words.join(" ")
}

/// The program's file name, not the full path cargo may have given it.
fn program_name(command: &Command) -> String {
    let program = std::path::Path::new(command.get_program());
    program
        .file_name()
        .unwrap_or(program.as_os_str())
        .to_string_lossy()
        .into_owned()
}
