//! One file per command; each opens the library, calls one core use case and prints the result.

mod audit;
mod collection;
mod config;
mod copy;
mod field;
mod history;
mod ingest;
mod label;
mod libraries;
mod open;
mod review;
mod search;
mod set;
mod show;
mod simple;
mod smart;
mod status;
mod tag;
mod tag_tree;
mod template;
mod trash;
mod undo;
mod user;
mod version;
mod watch;
mod xmp;

use crate::cli::{Cli, Command};
use crate::location::Session;
use std::process::ExitCode;
use tessera_core::runtime::CancelToken;

/// How a command that ran ended.
pub enum Outcome {
    Clean,
    /// The command ran, and found problems to report (exit code 1).
    Problems,
    /// The command ran, and some of what it was asked was refused (exit code 3, the reasons on stderr).
    Refused,
}

impl Outcome {
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::Problems => ExitCode::from(1),
            Outcome::Refused => ExitCode::from(3),
        }
    }
}

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let session = Session {
        library: cli.library.clone(),
        named: cli.actor.clone().filter(|n| !n.trim().is_empty()),
        os_user: tessera_core::runtime::os_user::os_user(),
    };
    match cli.command {
        Command::Init { dir } => simple::init(&dir, cli.json),
        Command::Libraries => libraries::run(cli.json),
        Command::Ingest(args) => ingest::run(&session, &args, cli.json),
        Command::Search(args) => search::run(&session, &args, cli.json),
        Command::Show { id } => show::run(&session, id, cli.json),
        Command::Tag { command: Some(command), .. } => tag_tree::run(&session, command, cli.json),
        Command::Tag { command: None, words } => tag::run(&session, &words, cli.json),
        Command::Set { words } => set::run(&session, &words, cli.json),
        Command::Field { command } => field::run(&session, command, cli.json),
        Command::Template { command } => template::run(&session, command, cli.json),
        Command::Undo => undo::run(&session, cli.json),
        Command::History { limit, mine } => history::run(&session, limit, mine, cli.json),
        Command::Copy { ids, out } => copy::run(&session, &ids, &out, cli.json),
        Command::Export { ids, out, override_reason } => {
            copy::export(&session, &ids, &out, override_reason.as_deref(), cli.json)
        }
        Command::Rm { ids } => trash::rm(&session, &ids, cli.json),
        Command::Trash { command } => trash::run(&session, command, cli.json),
        Command::Open { id, reveal } => open::run(&session, id, reveal, cli.json),
        Command::Reveal { id } => open::run(&session, id, true, cli.json),
        Command::Stats => simple::stats(&session, cli.json),
        Command::Thumbs { rebuild, previews } => simple::thumbs(&session, rebuild, previews, cli.json),
        Command::Verify => simple::verify(&session, cli.json),
        Command::Watch { command } => watch::run(&session, command, cli.json),
        Command::Collection { command } => collection::run(&session, command, cli.json),
        Command::Smart { command } => smart::run(&session, command, cli.json),
        Command::Status { command, id } => status::run(&session, command, id, cli.json),
        Command::Archive { ids } => status::archive(&session, &ids, cli.json),
        Command::Restore { ids } => status::restore(&session, &ids, cli.json),
        Command::Version { command } => version::run(&session, command, cli.json),
        Command::Review { command } => review::run(&session, command, cli.json),
        Command::Comment { command } => review::comment(&session, command, cli.json),
        Command::Notifications => review::notifications(&session, cli.json),
        Command::Audit { command } => audit::run(&session, command, cli.json),
        Command::Xmp { command } => xmp::run(&session, command, cli.json),
        Command::Label { command } => label::run(&session, command, cli.json),
        Command::Config { command } => config::run(&session, command, cli.json),
        Command::User { command } => user::run(&session, command, cli.json),
        Command::Users { command } => user::users(&session, command, cli.json),
    }
}

/// Ctrl-C asks long work to stop at a safe point; a second Ctrl-C quits at once (the library stays consistent
/// either way: interrupted imports are rolled back on the next run).
pub fn cancel_on_ctrl_c() -> CancelToken {
    let token = CancelToken::new();
    let handler_token = token.clone();
    let _ = ctrlc::set_handler(move || {
        if handler_token.is_cancelled() {
            std::process::exit(130);
        }
        eprintln!("\nstopping after the files in progress… (Ctrl-C again to quit now)");
        handler_token.cancel();
    });
    token
}
