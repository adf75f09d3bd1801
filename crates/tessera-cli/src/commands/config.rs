//! `tessera config ls|get KEY|set KEY VALUE`: library settings.

use super::Outcome;
use crate::cli::ConfigCommand;
use crate::location::Session;
use crate::output;
use tessera_core::app::settings::{get, set};

pub fn run(session: &Session, command: ConfigCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let settings = match command {
        ConfigCommand::Ls => get::list_settings(&ctx)?,
        ConfigCommand::Get { key } => vec![get::get_setting(&ctx, &key)?],
        ConfigCommand::Set { key, value } => vec![set::set_setting(&ctx, &key, &value)?],
    };
    if json {
        output::json(&serde_json::json!({ "settings": settings }));
    } else {
        for s in &settings {
            println!("{} = {}", s.key, s.value);
        }
    }
    Ok(Outcome::Clean)
}
