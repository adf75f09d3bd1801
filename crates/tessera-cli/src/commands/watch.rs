//! `tessera watch add|ls|rm|pause|resume|run|events`

use super::Outcome;
use crate::cli::{After, WatchAddArgs, WatchCommand, WatchRunArgs};
use crate::location::Session;
use crate::output;
use std::time::Duration;
use tessera_core::app::watch::{
    self, activity, folder, AfterIngest, FolderState, WatchEvent, WatchOptions, WatchRule, WatchedFolder,
    WatchedFolderId,
};
use tessera_core::runtime::CancelToken;

pub fn run(session: &Session, command: WatchCommand, json: bool) -> anyhow::Result<Outcome> {
    match command {
        WatchCommand::Add(args) => add(session, &args, json),
        WatchCommand::Ls => ls(session, json),
        WatchCommand::Rm { id } => {
            let library = session.open()?;
            let ctx = session.ctx(&library)?;
            let removed = folder::remove(&ctx, WatchedFolderId(id))?;
            if json {
                output::json(&serde_json::json!({ "removed": removed }));
            } else {
                println!("stopped watching {} ({})", removed.path, removed.id);
            }
            Ok(Outcome::Clean)
        }
        WatchCommand::Pause { id } => set_state(session, id, FolderState::Paused, json),
        WatchCommand::Resume { id } => set_state(session, id, FolderState::Active, json),
        WatchCommand::Run(args) => run_watcher(session, &args, json),
        WatchCommand::Events { limit, folder } => {
            let library = session.open()?;
            let ctx = session.ctx(&library)?;
            let events = activity::recent(&ctx, folder.map(WatchedFolderId), limit)?;
            if json {
                output::json(&events);
            } else {
                for e in events.iter().rev() {
                    println!("{}", line(e));
                }
            }
            Ok(Outcome::Clean)
        }
    }
}

fn add(session: &Session, args: &WatchAddArgs, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let rule = WatchRule {
        after: match args.after {
            After::Leave => AfterIngest::Leave,
            After::Move => AfterIngest::Move,
            After::Delete => AfterIngest::Delete,
        },
        tags: args.tags.clone(),
        credit: args.credit.clone(),
        creator: args.creator.clone(),
        rights: args.rights.clone(),
        campaign: args.campaign.clone(),
        uploader: args.uploader.clone().or_else(|| session.named.is_some().then(|| ctx.actor.name.clone())),
        collection: args.collection.clone(),
    };
    let added = folder::add(&ctx, &args.dir, rule)?;
    if json {
        output::json(&added);
    } else {
        println!("watching {} (id {}); `tessera watch run` takes in what arrives", added.path, added.id);
    }
    Ok(Outcome::Clean)
}

fn ls(session: &Session, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let folders = folder::list(&ctx)?;
    if json {
        output::json(&folders);
        return Ok(Outcome::Clean);
    }
    if folders.is_empty() {
        println!("no watched folders; add one with `tessera watch add DIR`");
    }
    for f in &folders {
        println!(
            "{:>4}  {:<7} {:<12} {:>7} in {:>5} errors  {}",
            f.id,
            f.state.as_str(),
            state_word(f),
            f.ingested,
            f.errors,
            f.path
        );
        println!("      after: {}{}", f.rule.after.as_str(), rules_text(f));
        if let Some(last) = &f.last_event {
            println!("      last: {last}");
        }
    }
    Ok(Outcome::Clean)
}

fn state_word(f: &WatchedFolder) -> &'static str {
    match (f.state, f.status) {
        (FolderState::Paused, _) => "paused",
        (_, Some(status)) => status.as_str(),
        (_, None) => "not running",
    }
}

fn rules_text(f: &WatchedFolder) -> String {
    let r = &f.rule;
    let mut parts = Vec::new();
    if !r.tags.is_empty() {
        parts.push(format!("tags {}", r.tags.join(", ")));
    }
    for (label, value) in [
        ("credit", &r.credit),
        ("creator", &r.creator),
        ("rights", &r.rights),
        ("campaign", &r.campaign),
        ("as", &r.uploader),
        ("collection", &r.collection),
    ] {
        if let Some(v) = value {
            parts.push(format!("{label} {v}"));
        }
    }
    parts.iter().map(|p| format!("; {p}")).collect()
}

fn set_state(session: &Session, id: i64, state: FolderState, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let changed = folder::set_state(&ctx, WatchedFolderId(id), state)?;
    if json {
        output::json(&changed);
    } else {
        println!("{} {} ({})", state.as_str(), changed.path, changed.id);
    }
    Ok(Outcome::Clean)
}

fn run_watcher(session: &Session, args: &WatchRunArgs, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let root = library.root().to_path_buf();
    // Settles who watches (refused like any command when not a profile); the runner opens its own handle.
    let uploader = session.ctx(&library)?.actor.name.clone();
    drop(library);
    let options = WatchOptions {
        settle: Duration::from_millis(args.settle_ms),
        poll_every: Duration::from_millis(args.poll_ms.max(100)),
        refresh_every: Duration::from_millis(args.refresh_ms.max(100)),
        force_polling: args.poll,
        threads: args.threads,
        uploader,
        ..WatchOptions::default()
    };
    let cancel = stop_on_signal();
    eprintln!("watching the folders of {} (SIGINT or SIGTERM stops)", root.display());
    let counts = std::sync::Mutex::new(std::collections::BTreeMap::<&'static str, u64>::new());
    let sink = |event: &WatchEvent| {
        eprintln!("{}", line(event));
        *counts.lock().unwrap_or_else(|p| p.into_inner()).entry(event.kind.as_str()).or_default() += 1;
    };
    watch::run(&root, options, cancel, &sink)?;
    eprintln!("stopped");
    if json {
        output::json(&serde_json::json!({ "stopped": true, "events": counts.into_inner().unwrap_or_default() }));
    }
    Ok(Outcome::Clean)
}

/// SIGINT and SIGTERM (and SIGHUP) stop the watcher at a safe point; a second one quits at once.
fn stop_on_signal() -> CancelToken {
    let token = CancelToken::new();
    let handler_token = token.clone();
    let _ = ctrlc::set_handler(move || {
        if handler_token.is_cancelled() {
            std::process::exit(130);
        }
        handler_token.cancel();
    });
    token
}

fn line(e: &WatchEvent) -> String {
    let mut text = format!("[folder {}] {}", e.folder_id, e.kind.as_str());
    if let Some(path) = &e.path {
        text.push(' ');
        text.push_str(path);
    }
    if let Some(asset) = e.asset_id {
        if e.kind == watch::WatchEventKind::Ingested {
            text.push_str(&format!(" -> asset {asset}"));
        }
    }
    if !e.detail.is_empty() {
        text.push_str(": ");
        text.push_str(&e.detail);
    }
    text
}
