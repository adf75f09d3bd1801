//! `tessera version add ID FILE`, `tessera version ls ID`, `tessera version revert ID N`, `tessera version stack ID
//! --onto TARGET`.

use super::Outcome;
use crate::cli::VersionCommand;
use crate::location::Session;
use crate::output;
use tessera_core::app::versions;
use tessera_core::domain::query::dates;
use tessera_core::domain::VersionChanged;
use tessera_core::AssetId;

pub fn run(session: &Session, command: VersionCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    match command {
        VersionCommand::Add { id, file } => {
            print_changed(&versions::add_version(&ctx, AssetId(id), &file)?, json);
        }
        VersionCommand::Stack { id, onto } => {
            print_changed(&versions::stack_as_version(&ctx, AssetId(id), AssetId(onto))?, json);
        }
        VersionCommand::Revert { id, number } => {
            print_changed(&versions::revert_version(&ctx, AssetId(id), number)?, json);
        }
        VersionCommand::Ls { id } => {
            let stack = versions::versions(&ctx, AssetId(id))?;
            if json {
                output::json(&stack);
                return Ok(Outcome::Clean);
            }
            for v in stack {
                let mark = if v.current { "*" } else { " " };
                let size = match (v.width, v.height) {
                    (Some(w), Some(h)) => format!("{w}x{h}"),
                    _ => "-".into(),
                };
                let when = dates::format_utc(v.file.added);
                println!(
                    "{mark} {:>3}  {when}  {size:>11}  {:<12}  {}",
                    v.number, v.file.uploader, v.file.original_name
                );
            }
        }
    }
    Ok(Outcome::Clean)
}

fn print_changed(changed: &VersionChanged, json: bool) {
    if json {
        output::json(changed);
    } else if changed.changed {
        println!("asset {}: version {} of {} is current", changed.asset.0, changed.number, changed.versions);
    } else {
        println!("asset {}: version {} was current already", changed.asset.0, changed.number);
    }
}
