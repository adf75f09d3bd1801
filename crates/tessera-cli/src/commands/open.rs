//! `tessera open ID [--reveal]`, `tessera reveal ID`: the original with its default application, or in the file
//! manager (`TESSERA_OPENER` replaces the platform's opener).

use super::Outcome;
use crate::location::Session;
use crate::output;
use tessera_core::app::assets;
use tessera_core::AssetId;

pub fn run(session: &Session, id: i64, reveal: bool, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let path =
        if reveal { assets::reveal_original(&ctx, AssetId(id))? } else { assets::open_original(&ctx, AssetId(id))? };
    if json {
        output::json(&serde_json::json!({ "id": id, "path": path, "revealed": reveal }));
    } else {
        println!("{}", path.display());
    }
    Ok(Outcome::Clean)
}
