//! `tessera audit verify|ls|export`: the tamper-evident audit trail.

use super::Outcome;
use crate::cli::{AuditCommand, AuditFilterArgs, AuditFormat};
use crate::location::Session;
use crate::output;
use anyhow::bail;
use tessera_core::app::audit;
use tessera_core::domain::query::dates;
use tessera_core::domain::AuditFilter;

pub fn run(session: &Session, command: AuditCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    match command {
        AuditCommand::Verify => {
            let check = audit::verify(&ctx)?;
            if json {
                output::json(&check);
            } else if let Some(b) = &check.broken {
                println!("event {}: {}", b.seq, b.reason);
            } else {
                println!("audit trail intact: {} event(s)", check.events);
            }
            Ok(if check.broken.is_some() { Outcome::Problems } else { Outcome::Clean })
        }
        AuditCommand::Ls { filter, limit } => {
            let events = audit::audit_events(&ctx, &to_filter(filter)?, limit)?;
            if json {
                output::json(&serde_json::json!({ "events": events }));
                return Ok(Outcome::Clean);
            }
            if events.is_empty() {
                println!("no events");
            }
            for e in events {
                let assets = e.assets.iter().map(i64::to_string).collect::<Vec<_>>().join(" ");
                let summary = e.detail.get("summary").and_then(|s| s.as_str()).unwrap_or("");
                let when = dates::format_utc(e.at);
                println!("{:>6}  {when}  {:<12}  {:<10}  {summary}  [{assets}]", e.seq, e.actor, e.action);
            }
            Ok(Outcome::Clean)
        }
        AuditCommand::Export { format, filter } => {
            let events = audit::audit_events(&ctx, &to_filter(filter)?, None)?;
            match format {
                AuditFormat::Csv => print!("{}", audit::to_csv(&events)),
                AuditFormat::Json => output::json(&serde_json::json!({ "events": events })),
            }
            Ok(Outcome::Clean)
        }
    }
}

fn to_filter(args: AuditFilterArgs) -> anyhow::Result<AuditFilter> {
    let instant = |flag: &str, text: Option<&str>| -> anyhow::Result<Option<i64>> {
        match text {
            None => Ok(None),
            Some(s) => match dates::parse_datetime(s).or_else(|| dates::parse_period(s).map(|(start, _)| start)) {
                Some(t) => Ok(Some(t)),
                None => bail!("--{flag} {s:?} is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)"),
            },
        }
    };
    Ok(AuditFilter {
        since: instant("since", args.since.as_deref())?,
        until: instant("until", args.until.as_deref())?,
        actor: args.actor,
        action: args.action,
        asset: args.asset,
        newest_first: args.newest_first,
    })
}
