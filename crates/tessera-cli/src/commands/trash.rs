//! `tessera rm ID...`, `tessera trash ls|restore ID...|empty [--yes]`

use super::Outcome;
use crate::cli::TrashCommand;
use crate::location::Session;
use crate::output::{self, human_bytes};
use std::io::{BufRead, IsTerminal, Write};
use tessera_core::app::assets::{self, TrashOutcome};
use tessera_core::{AssetId, Ctx};

pub fn rm(session: &Session, ids: &[i64], json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let out = assets::trash_assets(&ctx, &as_ids(ids))?;
    print_moved(&out, "moved to the trash (`tessera undo` brings them back)", json);
    Ok(Outcome::Clean)
}

pub fn run(session: &Session, command: TrashCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    match command {
        TrashCommand::Ls => list(&ctx, json),
        TrashCommand::Restore { ids } => {
            let out = assets::restore_assets(&ctx, &as_ids(&ids))?;
            print_moved(&out, "restored from the trash", json);
            Ok(Outcome::Clean)
        }
        TrashCommand::Empty { yes } => empty(&ctx, yes, json),
    }
}

fn list(ctx: &Ctx, json: bool) -> anyhow::Result<Outcome> {
    let trashed = assets::list_trash(ctx)?;
    if json {
        output::json(&serde_json::json!({ "assets": trashed }));
        return Ok(Outcome::Clean);
    }
    for t in &trashed {
        println!("{:>8}  {:<9} {:>10}  {}", t.id, t.kind, human_bytes(t.size), t.name);
    }
    println!("{} in the trash", count(trashed.len() as u64));
    Ok(Outcome::Clean)
}

fn empty(ctx: &Ctx, yes: bool, json: bool) -> anyhow::Result<Outcome> {
    if !yes {
        let waiting = assets::list_trash(ctx)?.len() as u64;
        let what = format!("emptying the trash deletes {} and their originals for good:", count(waiting));
        let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        if !terminal || json {
            return Err(tessera_core::Error::NeedsConfirmation { what, flag: "--yes" }.into());
        }
        if waiting > 0 && !confirm(&what)? {
            eprintln!("trash left as it is");
            return Ok(Outcome::Clean);
        }
    }
    let out = assets::empty_trash(ctx)?;
    if json {
        output::json(&out);
    } else {
        println!("{} deleted, {} removed", count(out.assets), plural(out.files_removed, "original"));
    }
    Ok(Outcome::Clean)
}

fn confirm(what: &str) -> anyhow::Result<bool> {
    eprint!("{what} continue? [y/N] ");
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

fn print_moved(out: &TrashOutcome, done: &str, json: bool) {
    if json {
        output::json(&serde_json::json!({ "moved": out.moved.len(), "ids": out.moved, "edit": out.edit }));
    } else {
        println!("{} {done}", count(out.moved.len() as u64));
    }
}

fn as_ids(ids: &[i64]) -> Vec<AssetId> {
    ids.iter().copied().map(AssetId).collect()
}

fn count(n: u64) -> String {
    plural(n, "asset")
}

fn plural(n: u64, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
