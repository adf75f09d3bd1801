//! `tessera set ID... NAME=VALUE...`

use super::Outcome;
use crate::location::Session;
use crate::output;
use anyhow::bail;
use tessera_core::app::assets::{set_fields, EditOutcome, FieldAssignment, Selection};
use tessera_core::AssetId;

pub fn run(session: &Session, words: &[String], json: bool) -> anyhow::Result<Outcome> {
    let split = words.iter().position(|w| w.parse::<i64>().is_err()).unwrap_or(words.len());
    let ids: Vec<AssetId> = words[..split].iter().filter_map(|w| w.parse().ok()).map(AssetId).collect();
    if ids.is_empty() {
        bail!("name at least one asset id before the fields: tessera set 12 licence=\"CC BY\" label=red");
    }
    let mut assignments = Vec::new();
    for word in &words[split..] {
        match FieldAssignment::parse(word) {
            Some(a) => assignments.push(a),
            None => bail!("{word:?} is not NAME=VALUE (NAME= clears the field)"),
        }
    }
    if assignments.is_empty() {
        bail!("no fields given: add NAME=VALUE after the ids");
    }
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let outcome = set_fields(&ctx, &Selection::Ids { ids }, &assignments)?;
    print(&outcome, json);
    Ok(Outcome::Clean)
}

/// `{changed, edit, assets: [detail…]}` for scripts; a line for people.
pub fn print(outcome: &EditOutcome, json: bool) {
    if json {
        output::json(outcome);
    } else if outcome.edit.is_some() {
        println!("changed {} asset(s)", outcome.changed);
    } else {
        println!("nothing changed: the assets already had these values");
    }
}
