//! `tessera`: every core capability from the command line, scriptable with `--json` (one JSON object on stdout).
//!
//! Exit codes: 0 success; 1 the command ran but found problems (files that failed to ingest, verify findings);
//! 2 the command could not run (bad arguments, bad query, not a library…).

mod argv;
mod cli;
mod commands;
mod location;
mod output;
mod progress;

use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut command = cli::Cli::command();
    command.build();
    let args = argv::flags_first(std::env::args_os().collect(), &command);
    let cli = match command.try_get_matches_from(args).and_then(|m| cli::Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let json = cli.json;
    match commands::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(error) => {
            output::print_error(&error, json);
            // 3: refused on purpose (role, lifecycle, governance); 2: everything else that went wrong.
            let refused = error.downcast_ref::<tessera_core::Error>().is_some_and(tessera_core::Error::is_refusal);
            ExitCode::from(if refused { 3 } else { 2 })
        }
    }
}
