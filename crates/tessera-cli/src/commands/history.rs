//! `tessera history`: the edit log, newest first.

use super::Outcome;
use crate::location::Session;
use crate::output;
use tessera_core::app::assets;
use tessera_core::domain::EditAction;

pub fn run(session: &Session, limit: u32, mine: bool, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let log = assets::edit_log(&ctx, limit, mine)?;
    if json {
        output::json(&serde_json::json!({ "edits": log }));
        return Ok(Outcome::Clean);
    }
    if log.is_empty() {
        println!("no edits yet");
    }
    for e in log {
        let when = tessera_core::domain::query::dates::format_utc(e.at);
        let state = match (e.action, e.undone_by) {
            (EditAction::Undo, _) => "",
            (EditAction::Edit, Some(_)) => "  (undone)",
            (EditAction::Edit, None) => "",
        };
        println!("{:>6}  {when}  {:<12}  {} on {} asset(s){state}", e.id, e.actor, e.summary, e.assets);
    }
    Ok(Outcome::Clean)
}
