//! `cargo xtask`: installs the tools StarCheck needs, then serves, builds
//! and tests it. Each command lives in its own module and starts with the
//! shared [`ensure`] step, which installs only what is missing.
//!
//! A new command is one more module, one more [`Command`] variant and one
//! more arm in [`main`].

mod bench;
mod bench_machine;
mod bench_report;
mod bench_size;
mod csp;
mod dist;
mod ensure;
mod error;
mod html;
mod js;
mod offline;
mod pages;
mod process;
mod serve;
mod single_file;
mod test;
mod workspace;

use std::process::ExitCode;

use crate::error::Error;
use crate::workspace::Workspace;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve   install what is missing, then serve the app on
          http://127.0.0.1:8080 and rebuild it on every change;
          `serve --port N` serves on port N instead
  dist    release build of the static site into dist/ (works from any
          sub-path, needs no network, works offline after the first
          visit) and the single-file edition starcheck-offline.html
  test    format, lints, core tests, browser tests of the app, a fresh
          dist and the end-to-end tests against it
  bench   a fresh dist, then sizes, load and input times, core scoring
          and the district import measured against their budgets, into
          BENCHMARKS.md; `bench --reuse-dist` measures the dist/ there";

/// What the user asked for on the command line.
enum Command {
    Serve(serve::Options),
    Dist,
    Test,
    Bench(bench::Options),
    Help,
}

impl Command {
    /// Reads the command from the arguments after `cargo xtask`.
    fn parse(args: &[String]) -> Result<Self, Error> {
        match args {
            [] => Ok(Self::Help),
            [one] => match one.as_str() {
                "serve" => Ok(Self::Serve(serve::Options::default())),
                "dist" => Ok(Self::Dist),
                "test" => Ok(Self::Test),
                "bench" => {
                    Ok(Self::Bench(bench::Options { reuse_dist: false }))
                }
                "help" | "-h" | "--help" => Ok(Self::Help),
                other => {
                    Err(Error::Usage(format!("unknown command `{other}`")))
                }
            },
            [first, flag, port] if first == "serve" && flag == "--port" => {
                match port.parse::<u16>() {
                    Ok(port) if port > 0 => {
                        Ok(Self::Serve(serve::Options { port }))
                    }
                    _ => Err(Error::Usage(format!(
                        "`--port` takes a port from 1 to 65535, not `{port}`"
                    ))),
                }
            }
            [first, flag] if first == "bench" && flag == "--reuse-dist" => {
                Ok(Self::Bench(bench::Options { reuse_dist: true }))
            }
            [first, ..] => {
                Err(Error::Usage(format!("`{first}` takes no arguments")))
            }
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();

    let result = Command::parse(&args).and_then(|command| {
        let workspace = Workspace::locate()?;
        match command {
            Command::Serve(options) => serve::run(&workspace, options),
            Command::Dist => dist::run(&workspace),
            Command::Test => test::run(&workspace),
            Command::Bench(options) => bench::run(&workspace, options),
            Command::Help => {
                process::say(USAGE);
                Ok(())
            }
        }
    });

    // Usage mistakes get the usage text; everything else only its message,
    // since the failing step already printed its own output.
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err @ Error::Usage(_)) => {
            eprintln!("error: {err}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, Error> {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        Command::parse(&args)
    }

    #[test]
    fn ok_known_commands() {
        assert!(matches!(
            parse(&["serve"]),
            Ok(Command::Serve(serve::Options { port: 8080 }))
        ));
        assert!(matches!(
            parse(&["serve", "--port", "8081"]),
            Ok(Command::Serve(serve::Options { port: 8081 }))
        ));
        assert!(matches!(parse(&["dist"]), Ok(Command::Dist)));
        assert!(matches!(parse(&["test"]), Ok(Command::Test)));
        assert!(matches!(
            parse(&["bench"]),
            Ok(Command::Bench(bench::Options { reuse_dist: false }))
        ));
        assert!(matches!(
            parse(&["bench", "--reuse-dist"]),
            Ok(Command::Bench(bench::Options { reuse_dist: true }))
        ));
        assert!(matches!(parse(&[]), Ok(Command::Help)));
        assert!(matches!(parse(&["--help"]), Ok(Command::Help)));
    }

    #[test]
    fn err_unknown_command_or_extra_arguments() {
        let unknown = parse(&["bild"]).err().map(|e| e.to_string());
        assert_eq!(unknown.as_deref(), Some("unknown command `bild`"));

        let extra = parse(&["test", "--fast"]).err().map(|e| e.to_string());
        assert_eq!(extra.as_deref(), Some("`test` takes no arguments"));

        let port = parse(&["serve", "--port", "80a"]).err();
        assert_eq!(
            port.map(|e| e.to_string()).as_deref(),
            Some("`--port` takes a port from 1 to 65535, not `80a`")
        );
        assert!(parse(&["serve", "--port", "0"]).is_err());
        assert!(parse(&["serve", "--port"]).is_err());
    }
}
