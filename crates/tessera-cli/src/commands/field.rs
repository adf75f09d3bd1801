//! `tessera field add|ls|rm|choices`

use super::Outcome;
use crate::cli::FieldCommand;
use crate::location::Session;
use crate::output;
use tessera_core::app::fields::{define_field, edit_choices, list_fields, remove_field, FieldDefinition};
use tessera_core::domain::{BuiltIn, CustomField};

pub fn run(session: &Session, command: FieldCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    match command {
        FieldCommand::Add { name, kind, required, kinds, choices } => {
            let definition = FieldDefinition {
                name,
                kind,
                required,
                kinds: kinds.into_iter().collect(),
                choices: choices.into_iter().collect(),
            };
            let field = define_field(&ctx, &definition)?;
            print_field(&field, json);
        }
        FieldCommand::Ls => {
            let fields = list_fields(&ctx)?;
            if json {
                let built_in: Vec<&str> = BuiltIn::ALL.iter().map(|b| b.name()).collect();
                output::json(&serde_json::json!({ "built_in": built_in, "fields": fields }));
            } else {
                for field in &fields {
                    println!("{}", describe(field));
                }
                if fields.is_empty() {
                    println!("no custom fields yet: tessera field add NAME --type text");
                }
            }
        }
        FieldCommand::Rm { name } => {
            remove_field(&ctx, &name)?;
            if json {
                output::json(&serde_json::json!({ "removed": name }));
            } else {
                println!("removed field {name}");
            }
        }
        FieldCommand::Choices { name, add, retire } => {
            let field = edit_choices(&ctx, &name, &add, &retire)?;
            print_field(&field, json);
        }
    }
    Ok(Outcome::Clean)
}

fn print_field(field: &CustomField, json: bool) {
    if json {
        output::json(field);
    } else {
        println!("{}", describe(field));
    }
}

fn describe(field: &CustomField) -> String {
    let mut line = format!("{} ({})", field.name, field.kind.as_str());
    if field.required {
        line.push_str(" required");
    }
    if !field.kinds.is_empty() {
        let kinds: Vec<&str> = field.kinds.iter().map(|k| k.as_str()).collect();
        line.push_str(&format!(" for {}", kinds.join(", ")));
    }
    if !field.choices.is_empty() {
        let values: Vec<String> = field
            .choices
            .iter()
            .map(|c| if c.retired { format!("{} (retired)", c.value) } else { c.value.clone() })
            .collect();
        line.push_str(&format!(": {}", values.join(", ")));
    }
    line
}
