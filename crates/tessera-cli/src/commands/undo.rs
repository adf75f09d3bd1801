//! `tessera undo`: takes back the acting person's last edit.

use super::Outcome;
use crate::location::Session;
use crate::output;
use crate::progress::CountBar;
use std::io::IsTerminal;
use tessera_core::app::assets;
use tessera_core::domain::EditProgress;

pub fn run(session: &Session, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let bar = CountBar::new(json || !std::io::stderr().is_terminal(), "undoing");
    let outcome = assets::undo_last(&ctx, &|p: &EditProgress| bar.set(p.done as usize, p.total as usize))?;
    bar.0.finish_and_clear();
    if json {
        output::json(&outcome);
    } else {
        let edit = &outcome.undid;
        println!("undid edit {} ({}) on {} asset(s)", edit.id, edit.summary, edit.assets);
        if outcome.skipped > 0 {
            println!("{} value(s) changed again since were left as they are", outcome.skipped);
        }
    }
    Ok(Outcome::Clean)
}
