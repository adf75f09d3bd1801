//! `tessera smart add|ls|rm`: smart collections (saved queries with live counts).

use super::Outcome;
use crate::cli::SmartCommand;
use crate::location::Session;
use crate::output::{self, QueryFailure};
use tessera_core::app::collections as coll;
use tessera_core::domain::CollectionKind;

pub fn run(session: &Session, command: SmartCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    match command {
        SmartCommand::Add { name, query } => {
            let input = query.join(" ");
            let c = match coll::add_smart_collection(&ctx, &name, &input) {
                Ok(c) => c,
                Err(tessera_core::Error::Query(error)) => return Err(QueryFailure { error, input }.into()),
                Err(e) => return Err(e.into()),
            };
            if json {
                output::json(&serde_json::json!({ "collection": c, "query": input }));
            } else {
                println!("saved smart collection {}: {input}", c.path);
            }
        }
        SmartCommand::Ls => {
            let smart: Vec<_> =
                coll::list_collections_flat(&ctx)?.into_iter().filter(|c| c.kind == CollectionKind::Smart).collect();
            if json {
                output::json(&serde_json::json!({ "smart": smart }));
            } else if smart.is_empty() {
                println!("no smart collections yet: tessera smart add NAME QUERY");
            }
            if !json {
                for c in &smart {
                    let count = if c.count_exact { c.count.to_string() } else { format!("{}+", c.count) };
                    println!("{}  {count}  {}", c.path, c.query.as_deref().unwrap_or_default());
                }
            }
        }
        SmartCommand::Rm { name } => {
            let out = coll::delete_collection(&ctx, &name, Some(CollectionKind::Smart), true)?;
            if json {
                output::json(&serde_json::json!({ "deleted": out }));
            } else {
                println!("deleted smart collection {}", out.path);
            }
        }
    }
    Ok(Outcome::Clean)
}
