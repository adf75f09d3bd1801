//! `tessera label ls` and `tessera label set NAME COLOUR`: the library's label sets.

use super::Outcome;
use crate::cli::LabelCommand;
use crate::location::Session;
use crate::output;

pub fn run(session: &Session, command: LabelCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    match command {
        LabelCommand::Ls => {
            let names = tessera_core::app::labels::list::list_labels(&ctx)?;
            if json {
                output::json(&serde_json::json!({ "labels": names }));
            } else {
                for n in &names {
                    println!("{:<10} {:<8} {}", n.set, n.colour, n.name);
                }
            }
        }
        LabelCommand::Set { name, colour } => {
            let set = tessera_core::app::labels::set::set_label(&ctx, &name, &colour)?;
            if json {
                output::json(&set);
            } else {
                println!("{} = {}", set.name, set.colour);
            }
        }
    }
    Ok(Outcome::Clean)
}
