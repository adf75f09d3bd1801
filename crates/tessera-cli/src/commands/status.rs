//! `tessera status ID`, `tessera status set ID... STATE`, `tessera archive ID...`, `tessera restore ID...`.

use super::Outcome;
use crate::cli::StatusCommand;
use crate::location::Session;
use crate::output;
use anyhow::bail;
use tessera_core::app::lifecycle::{self, Moved};
use tessera_core::domain::lifecycle::Status;
use tessera_core::domain::query::dates;
use tessera_core::AssetId;

pub fn run(session: &Session, command: Option<StatusCommand>, id: Option<i64>, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    match (command, id) {
        (Some(StatusCommand::Set { mut words }), _) => {
            let Some(state) = words.pop() else { bail!("name the assets, then the state") };
            let to = Status::named(&state)?;
            let ids = parse_ids(&words)?;
            print_moved(&lifecycle::set_status(&ctx, &ids, to)?, json);
        }
        (None, Some(id)) => {
            let report = lifecycle::status(&ctx, AssetId(id))?;
            let review = tessera_core::app::review::review_of(&ctx, AssetId(id))?;
            if json {
                let mut value = serde_json::to_value(&report)?;
                value["review"] = serde_json::to_value(&review)?;
                output::json(&value);
                return Ok(Outcome::Clean);
            }
            if let Some(r) = &review {
                println!(
                    "review {} (round {}, {}): {}",
                    r.id,
                    r.round,
                    r.template,
                    r.outcome.map_or(r.state.as_str(), |o| o.as_str())
                );
                for s in &r.stages {
                    let decided: Vec<String> =
                        s.decisions.iter().map(|d| format!("{} {}", d.reviewer, d.decision.as_str())).collect();
                    println!("  {:<20} {:<8} {}", s.name, s.state, decided.join(", "));
                }
            }
            println!("{}: {}", report.id, report.state.as_str());
            for step in report.history {
                let when = dates::format_utc(step.at);
                println!("  {when}  {:<12}  {} -> {}", step.actor, step.from, step.to);
            }
        }
        (None, None) => bail!("name an asset: tessera status 12 (or tessera status set 12 in_review)"),
    }
    Ok(Outcome::Clean)
}

pub fn archive(session: &Session, ids: &[i64], json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ids: Vec<AssetId> = ids.iter().copied().map(AssetId).collect();
    print_moved(&lifecycle::archive(&session.ctx(&library)?, &ids)?, json);
    Ok(Outcome::Clean)
}

pub fn restore(session: &Session, ids: &[i64], json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ids: Vec<AssetId> = ids.iter().copied().map(AssetId).collect();
    print_moved(&lifecycle::restore(&session.ctx(&library)?, &ids)?, json);
    Ok(Outcome::Clean)
}

fn parse_ids(words: &[String]) -> anyhow::Result<Vec<AssetId>> {
    words
        .iter()
        .map(|w| match w.parse() {
            Ok(id) => Ok(AssetId(id)),
            Err(_) => bail!("{w:?} is not an asset id: tessera status set 12 13 in_review"),
        })
        .collect()
}

fn print_moved(moved: &[Moved], json: bool) {
    if json {
        output::json(&serde_json::json!({ "moved": moved }));
        return;
    }
    for m in moved {
        println!("{}: {} -> {}", m.id, m.from.as_str(), m.to.as_str());
    }
}
