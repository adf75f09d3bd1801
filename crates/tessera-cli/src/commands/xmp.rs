//! `tessera xmp write ID... [--out DIR]`: XMP sidecars for other tools.

use super::Outcome;
use crate::cli::XmpCommand;
use crate::location::Session;
use crate::output;
use tessera_core::AssetId;

pub fn run(session: &Session, command: XmpCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library);
    match command {
        XmpCommand::Write { ids, out } => {
            let ids: Vec<AssetId> = ids.into_iter().map(AssetId).collect();
            let written = tessera_core::app::xmp::write_sidecars(&ctx, &ids, out.as_deref())?;
            if json {
                output::json(&serde_json::json!({ "sidecars": written }));
            } else {
                for s in &written {
                    println!("{}", s.path);
                }
            }
        }
    }
    Ok(Outcome::Clean)
}
