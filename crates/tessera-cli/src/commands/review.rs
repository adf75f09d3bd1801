//! `tessera review submit|queue|decide`, `tessera comment add|ls|resolve`, `tessera notifications`.

use super::Outcome;
use crate::cli::{CommentCommand, ReviewCommand};
use crate::location::Session;
use crate::output;
use anyhow::bail;
use tessera_core::app::review::{self, SubmitRequest};
use tessera_core::domain::query::dates;
use tessera_core::domain::review::Decision;
use tessera_core::domain::review_view::Pin;
use tessera_core::AssetId;

pub fn run(session: &Session, command: ReviewCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    match command {
        ReviewCommand::Submit { ids, collection, template, due, message } => {
            let request =
                SubmitRequest { ids: ids.into_iter().map(AssetId).collect(), collection, template, due, message };
            let reviews = review::submit(&ctx, &request)?;
            if json {
                output::json(&serde_json::json!({ "reviews": reviews }));
            } else {
                println!("submitted {} asset(s) for review", reviews.len());
            }
        }
        ReviewCommand::Queue { limit } => {
            let queue = review::queue(&ctx, limit)?;
            if json {
                output::json(&queue);
            } else {
                println!("{} waiting for you, {} overdue", queue.total, queue.overdue);
                for i in &queue.items {
                    let due = i.due_at.map_or("no due date".to_string(), dates::format_utc);
                    println!("{:>6}  {:<30}  {:<16}  {due}  from {}", i.asset.0, i.name, i.stage, i.submitted_by);
                }
            }
        }
        ReviewCommand::Decide { id, decision, comment } => {
            let Some(decision) = Decision::parse(&decision) else {
                bail!("{decision:?} is not a decision: approve, approve-with-changes, request-changes or reject")
            };
            let done = review::decide(&ctx, AssetId(id), decision, comment.as_deref())?;
            if json {
                output::json(&done);
            } else {
                let outcome =
                    done.review_outcome.map_or("the review goes on".to_string(), |o| format!("review {}", o.as_str()));
                println!(
                    "asset {}: {} in {}; {outcome}; now {}",
                    id,
                    decision.as_str(),
                    done.stages.join(", "),
                    done.status.as_str()
                );
            }
        }
    }
    Ok(Outcome::Clean)
}

pub fn comment(session: &Session, command: CommentCommand, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    match command {
        CommentCommand::Add { id, text, at, rect, reply } => {
            let pin = match (at.as_deref(), rect.as_deref()) {
                (Some(p), _) => match numbers(p, 2, "--at X,Y")?[..] {
                    [x, y] => Some(Pin::Point { x, y }),
                    _ => None,
                },
                (None, Some(r)) => match numbers(r, 4, "--rect X,Y,W,H")?[..] {
                    [x, y, w, h] => Some(Pin::Rect { x, y, w, h }),
                    _ => None,
                },
                (None, None) => None,
            };
            let c = review::add_comment(&ctx, AssetId(id), &text, pin, reply)?;
            if json {
                output::json(&c);
            } else {
                println!("comment {} on asset {}", c.id, id);
            }
        }
        CommentCommand::Ls { id } => {
            let list = review::comments(&ctx, AssetId(id))?;
            if json {
                output::json(&list);
            } else {
                for c in list {
                    let done = if c.resolved_at.is_some() { " (resolved)" } else { "" };
                    let indent = if c.parent.is_some() { "    " } else { "" };
                    println!("{indent}#{} {}: {}{done}", c.id, c.author, c.body);
                }
            }
        }
        CommentCommand::Resolve { comment } => {
            let c = review::resolve_comment(&ctx, comment)?;
            if json {
                output::json(&c);
            } else {
                println!("comment {} resolved", c.id);
            }
        }
    }
    Ok(Outcome::Clean)
}

pub fn notifications(session: &Session, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let list = review::notifications(&session.ctx(&library)?)?;
    if json {
        output::json(&list);
    } else {
        for n in list {
            println!("{:<9} {}", n.kind, n.text);
        }
    }
    Ok(Outcome::Clean)
}

fn numbers(text: &str, count: usize, flag: &str) -> anyhow::Result<Vec<f64>> {
    let parts: Result<Vec<f64>, _> = text.split(',').map(|p| p.trim().parse::<f64>()).collect();
    match parts {
        Ok(v) if v.len() == count => Ok(v),
        _ => bail!("{flag} takes {count} numbers from 0 to 1 separated by commas, not {text:?}"),
    }
}
