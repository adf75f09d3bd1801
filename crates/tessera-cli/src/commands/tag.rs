//! `tessera tag ID... +add -remove`

use super::Outcome;
use crate::location::Session;
use crate::output;
use anyhow::bail;
use tessera_core::app::tags;
use tessera_core::domain::TagEdit;
use tessera_core::AssetId;

pub fn run(session: &Session, words: &[String], json: bool) -> anyhow::Result<Outcome> {
    let split = words.iter().position(|w| w.parse::<i64>().is_err()).unwrap_or(words.len());
    let ids: Vec<AssetId> = words[..split].iter().filter_map(|w| w.parse().ok()).map(AssetId).collect();
    if ids.is_empty() {
        bail!("name at least one asset id before the tags: tessera tag 12 +summer -draft");
    }
    if split == words.len() {
        bail!("no tag edits given: add +name or -name after the ids");
    }
    let edit = TagEdit::parse(&words[split..])?;
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let result = tags::edit_tags(&ctx, &ids, &edit)?;
    if json {
        let assets: Vec<_> = result.iter().map(|(id, tags)| serde_json::json!({ "id": id, "tags": tags })).collect();
        output::json(&serde_json::json!({ "assets": assets }));
    } else {
        for (id, tags) in result {
            println!("{id}: {}", tags.join(", "));
        }
    }
    Ok(Outcome::Clean)
}
