//! `tessera xmp write ID... [--out DIR]` and `tessera xmp read ID FILE`: XMP sidecars for other tools, both ways.

use super::Outcome;
use crate::cli::XmpCommand;
use crate::location::Session;
use crate::output;
use tessera_core::AssetId;

pub fn run(session: &Session, command: XmpCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
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
        XmpCommand::Read { id, file } => {
            let read = tessera_core::app::xmp::read_sidecar(&ctx, AssetId(id), &file)?;
            if json {
                output::json(&read);
            } else {
                let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(empty)".into());
                for f in &read.fields {
                    println!("took {f}");
                }
                for t in &read.added_tags {
                    println!("+{t}");
                }
                for t in &read.removed_tags {
                    println!("-{t}");
                }
                for c in &read.conflicts {
                    println!(
                        "conflict: {} changed here ({}) and there ({}): kept ours",
                        c.field,
                        show(&c.ours),
                        show(&c.theirs)
                    );
                }
                for c in &read.refused {
                    println!("refused: {} = {} ({})", c.field, show(&c.theirs), show(&c.ours));
                }
                if read.edit.is_none() {
                    println!("nothing to take from {}", file.display());
                }
            }
            if !read.conflicts.is_empty() || !read.refused.is_empty() {
                return Ok(Outcome::Problems);
            }
        }
    }
    Ok(Outcome::Clean)
}
