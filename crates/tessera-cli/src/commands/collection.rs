//! `tessera collection add|rm|remove|ls|order|cover|rename|var`: manual collections.

use super::Outcome;
use crate::cli::CollectionCommand;
use crate::location::Session;
use crate::output;
use crate::progress::CountBar;
use std::io::IsTerminal;
use tessera_core::app::assets::Selection;
use tessera_core::app::collections::{self as coll, MembershipOutcome};
use tessera_core::domain::{Collection, CollectionKind, EditProgress};
use tessera_core::AssetId;

pub fn run(session: &Session, command: CollectionCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let selection = |ids: &[i64]| Selection::Ids { ids: ids.iter().copied().map(AssetId).collect() };
    let bar = CountBar::new(json || !std::io::stderr().is_terminal(), "editing");
    let progress = |p: &EditProgress| bar.set(p.done as usize, p.total as usize);
    match command {
        CollectionCommand::Add { name, ids } => {
            let out = coll::add_to_collection(&ctx, &name, &selection(&ids), &progress)?;
            bar.0.finish_and_clear();
            membership(&out, "added to", json);
        }
        CollectionCommand::Remove { name, ids } => {
            let out = coll::remove_from_collection(&ctx, &name, &selection(&ids), &progress)?;
            bar.0.finish_and_clear();
            membership(&out, "removed from", json);
        }
        CollectionCommand::Rm { name, yes } => {
            let out = coll::delete_collection(&ctx, &name, Some(CollectionKind::Manual), yes)?;
            if json {
                output::json(&serde_json::json!({ "deleted": out }));
            } else {
                println!(
                    "deleted {} ({} collection(s) beneath it, {} membership(s); the assets stay)",
                    out.path, out.children, out.memberships
                );
            }
        }
        CollectionCommand::Ls => {
            let tree = coll::list_collections(&ctx)?;
            if json {
                output::json(&serde_json::json!({ "collections": tree }));
            } else if tree.is_empty() {
                println!("no collections yet: tessera collection add NAME [ID...]");
            } else {
                print_tree(&tree, 0);
            }
        }
        CollectionCommand::Order { name, ids } => {
            let ids: Vec<AssetId> = ids.into_iter().map(AssetId).collect();
            let order = coll::reorder_collection(&ctx, &name, &ids)?;
            if json {
                output::json(&serde_json::json!({ "collection": name, "order": order }));
            } else {
                let list: Vec<String> = order.iter().map(ToString::to_string).collect();
                println!("{name}: {}", list.join(" "));
            }
        }
        CollectionCommand::Cover { name, id } => {
            let c = coll::set_cover(&ctx, &name, Some(AssetId(id)))?;
            if json {
                output::json(&serde_json::json!({ "collection": c, "cover": id }));
            } else {
                println!("{}: cover {id}", c.path);
            }
        }
        CollectionCommand::Rename { old, new } => {
            let c = coll::rename_collection(&ctx, &old, &new)?;
            if json {
                output::json(&serde_json::json!({ "collection": c }));
            } else {
                println!("renamed {old} to {}", c.path);
            }
        }
        CollectionCommand::Var { name, assignments } => {
            let mut values = Vec::new();
            for a in &assignments {
                let Some((key, value)) = a.split_once('=') else {
                    anyhow::bail!("write variables as KEY=VALUE (KEY= removes one), not {a:?}");
                };
                values.push((key.to_string(), Some(value.to_string())));
            }
            let vars = coll::set_variables(&ctx, &name, &values)?;
            if json {
                output::json(&serde_json::json!({ "collection": name, "variables": vars }));
            } else {
                for (k, v) in vars {
                    println!("{k}={v}");
                }
            }
        }
    }
    Ok(Outcome::Clean)
}

fn membership(out: &MembershipOutcome, verb: &str, json: bool) {
    if json {
        output::json(out);
    } else {
        println!("{} asset(s) {verb} {} ({} selected)", out.changed, out.collection.path, out.selected);
    }
}

fn print_tree(list: &[Collection], depth: usize) {
    for c in list {
        let count = if c.count_exact { c.count.to_string() } else { format!("{}+", c.count) };
        let smart = match (&c.kind, &c.query) {
            (CollectionKind::Smart, Some(q)) => format!("  smart: {q}"),
            _ => String::new(),
        };
        let cover = c.cover.map(|id| format!("  cover {id}")).unwrap_or_default();
        println!("{}{}  {count}{smart}{cover}", "  ".repeat(depth), c.name);
        print_tree(&c.children, depth + 1);
    }
}
