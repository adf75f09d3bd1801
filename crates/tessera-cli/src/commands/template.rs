//! `tessera template add|ls|apply`

use super::Outcome;
use crate::cli::TemplateCommand;
use crate::location::Session;
use crate::output;
use anyhow::bail;
use tessera_core::app::assets::{FieldAssignment, Selection};
use tessera_core::app::fields::template::{add_template, apply_template, list_templates};
use tessera_core::AssetId;

pub fn run(session: &Session, command: TemplateCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    match command {
        TemplateCommand::Add { name, file: Some(file), .. } => {
            let body = std::fs::read_to_string(&file)
                .map_err(|e| anyhow::anyhow!("cannot read the template file {}: {e}", file.display()))?;
            let template = tessera_core::app::review::add_template(&ctx, &name, &body)?;
            if json {
                output::json(&template);
            } else {
                println!("saved review template {} ({} stages)", template.name, template.stages.len());
            }
        }
        TemplateCommand::Add { name, assignments, file: None } => {
            let mut parsed = Vec::new();
            for word in &assignments {
                match FieldAssignment::parse(word) {
                    Some(a) => parsed.push(a),
                    None => bail!("{word:?} is not NAME=VALUE"),
                }
            }
            let template = add_template(&ctx, &name, &parsed)?;
            if json {
                output::json(&template);
            } else {
                println!("saved template {}", template.name);
            }
        }
        TemplateCommand::Ls => {
            let templates = list_templates(&ctx)?;
            let workflows = tessera_core::app::review::templates(&ctx)?;
            if json {
                output::json(&serde_json::json!({ "templates": templates, "review_templates": workflows }));
            } else {
                for w in &workflows {
                    let stages: Vec<&str> = w.template.stages.iter().map(|s| s.name.as_str()).collect();
                    println!("review {}: {}", w.name, stages.join(" → "));
                }
                for t in &templates {
                    let parts: Vec<String> = t.assignments.iter().map(|a| format!("{}={}", a.name, a.value)).collect();
                    println!("{}: {}", t.name, parts.join(" "));
                }
            }
        }
        TemplateCommand::Apply { name, ids } => {
            let selection = Selection::Ids { ids: ids.into_iter().map(AssetId).collect() };
            let outcome = apply_template(&ctx, &name, &selection)?;
            super::set::print(&outcome, json);
        }
    }
    Ok(Outcome::Clean)
}
