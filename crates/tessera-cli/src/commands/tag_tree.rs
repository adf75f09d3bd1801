//! `tessera tag ls|rename|merge|rm|colour|synonym`: the tag tree.

use super::Outcome;
use crate::cli::TagCommand;
use crate::location::Session;
use crate::output;
use tessera_core::app::tags;
use tessera_core::domain::{tag_leaf, TagChange, TagCount, TAG_SEPARATOR};

/// How many of a tag's assets `tag rm` lists before it asks for --yes.
const LISTED: usize = 20;

pub fn run(session: &Session, command: TagCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    match command {
        TagCommand::Ls => print_tree(&tags::tag_counts(&ctx)?, json),
        TagCommand::Rename { from, to, merge } => {
            print_change("renamed", &tags::rename_tag(&ctx, &from, &to, merge)?, json)
        }
        TagCommand::Merge { from, into } => print_change("merged into", &tags::merge_tags(&ctx, &from, &into)?, json),
        TagCommand::Rm { name, yes } => {
            let listed = tags::tag_assets(&ctx, &name, LISTED)?;
            if listed.total > 0 && !yes {
                let ids: Vec<String> = listed.ids.iter().map(|id| id.to_string()).collect();
                let more = if listed.total as usize > ids.len() { ", …" } else { "" };
                if !json {
                    eprintln!("{} asset(s) carry {}: {}{more}", listed.total, listed.tag, ids.join(", "));
                }
                return Err(tessera_core::Error::TagInUse { tag: listed.tag, assets: listed.total }.into());
            }
            print_change("deleted", &tags::delete_tag(&ctx, &name)?, json)
        }
        TagCommand::Colour { name, colour, clear } => {
            let colour = if clear { None } else { colour };
            let tag = tags::set_tag_colour(&ctx, &name, colour.as_deref())?;
            print_tag(&tag, json)
        }
        TagCommand::Synonym { name, synonym, remove } => {
            let tag = match (remove, name, synonym) {
                (Some(synonym), ..) => tags::remove_tag_synonym(&ctx, &synonym)?,
                (None, Some(name), Some(synonym)) => tags::add_tag_synonym(&ctx, &name, &synonym)?,
                _ => anyhow::bail!("name the tag and the synonym: tessera tag synonym Footwear/Sneaker trainer"),
            };
            print_tag(&tag, json)
        }
    }
}

fn print_tree(tree: &[TagCount], json: bool) -> anyhow::Result<Outcome> {
    if json {
        output::json(&serde_json::json!(tree));
        return Ok(Outcome::Clean);
    }
    if tree.is_empty() {
        println!("no tags yet: tessera tag ID... +name");
    }
    for tag in tree {
        let depth = tag.name.matches(TAG_SEPARATOR).count();
        let own = if tag.count == tag.total { String::new() } else { format!(" ({} itself)", tag.count) };
        let colour = tag.colour.as_deref().map(|c| format!(" {c}")).unwrap_or_default();
        let synonyms = if tag.synonyms.is_empty() { String::new() } else { format!("  ~ {}", tag.synonyms.join(", ")) };
        println!("{}{}  {}{own}{colour}{synonyms}", "  ".repeat(depth), tag_leaf(&tag.name), tag.total);
    }
    Ok(Outcome::Clean)
}

fn print_change(verb: &str, change: &TagChange, json: bool) -> anyhow::Result<Outcome> {
    if json {
        output::json(&serde_json::json!(change));
    } else {
        println!("{verb} {}: {} tag(s), {} asset(s) changed", change.tag, change.tags, change.assets);
    }
    Ok(Outcome::Clean)
}

fn print_tag(tag: &str, json: bool) -> anyhow::Result<Outcome> {
    if json {
        output::json(&serde_json::json!({ "tag": tag }));
    } else {
        println!("{tag}");
    }
    Ok(Outcome::Clean)
}
