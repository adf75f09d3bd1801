//! `tessera user add|ls|role|deactivate` and `tessera users audit`: people and the permissions review.

use super::Outcome;
use crate::cli::{UserCommand, UsersCommand};
use crate::location::Session;
use crate::output;
use tessera_core::app::people::{self, NewPerson};
use tessera_core::domain::Profile;

pub fn run(session: &Session, command: UserCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    match command {
        UserCommand::Add { name, role, email } => {
            let role = people::parse_role(&role)?;
            let profile = people::add(&ctx, &NewPerson { name, role, email })?;
            if json {
                output::json(&profile);
            } else {
                println!("added {} ({})", profile.name, profile.role);
            }
        }
        UserCommand::Ls => {
            let profiles = people::list(&ctx)?;
            if json {
                output::json(&serde_json::json!({ "profiles": profiles }));
            } else {
                for p in &profiles {
                    println!("{}", line(p));
                }
            }
        }
        UserCommand::Role { name, role } => {
            let role = people::parse_role(&role)?;
            let (before, profile) = people::set_role(&ctx, &name, role)?;
            if json {
                output::json(&serde_json::json!({ "profile": profile, "before": before }));
            } else {
                println!("{}: {before} -> {}", profile.name, profile.role);
            }
        }
        UserCommand::Deactivate { name, handover } => {
            let done = people::deactivate(&ctx, &name, handover.as_deref())?;
            if json {
                output::json(&serde_json::json!({ "deactivated": name.trim(), "handover": handover,
                    "stages_handed_over": done.stages }));
            } else {
                println!("deactivated {}; {} review stage(s) handed over", name.trim(), done.stages);
            }
        }
    }
    Ok(Outcome::Clean)
}

pub fn users(session: &Session, command: UsersCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    match command {
        UsersCommand::Audit => {
            let audit = people::audit(&ctx)?;
            if json {
                output::json(&serde_json::json!({ "profiles": audit }));
            } else {
                for entry in &audit {
                    println!("{}  may: {}", line(&entry.profile), entry.allowed.len());
                }
            }
        }
    }
    Ok(Outcome::Clean)
}

fn line(p: &Profile) -> String {
    let state = if p.active { "active" } else { "deactivated" };
    let acted = p.last_acted_at.map_or_else(|| "never acted".to_string(), |t| format!("last acted {t}"));
    let email = p.email.as_deref().map(|e| format!(" <{e}>")).unwrap_or_default();
    format!("{:<16} {:<14} {state:<12} {acted}{email}", p.name, p.role.label())
}
