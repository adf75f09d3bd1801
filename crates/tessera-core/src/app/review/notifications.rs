//! Notifications inside the app: reviews waiting for me, due within a day, overdue; decisions on what I submitted
//! (the last two weeks); comments mentioning me that are not resolved. Worked out when asked, never stored.

use crate::app::Ctx;
use crate::domain::review_view::Notification;
use crate::domain::Action;
use crate::error::Result;

const DAY: i64 = 86_400;

pub fn notifications(ctx: &Ctx) -> Result<Vec<Notification>> {
    ctx.require(Action::Read)?;
    let now = ctx.now();
    let mut out = Vec::new();
    for item in ctx.store().review_queue(&ctx.actor.name, ctx.actor.role, now, 200)?.items {
        let (kind, text) = match item.due_at {
            Some(due) if due < now => ("overdue", format!("{} is overdue for review ({})", item.name, item.stage)),
            Some(due) if due < now + DAY => {
                ("due_soon", format!("{} is due for review within a day ({})", item.name, item.stage))
            }
            _ => ("waiting", format!("{} waits for your review ({})", item.name, item.stage)),
        };
        out.push(Notification {
            kind: kind.into(),
            asset: item.asset,
            review: Some(item.review),
            text,
            at: item.submitted_at,
        });
    }
    for (review, asset, d) in ctx.store().decisions_on_submissions(&ctx.actor.name, now - 14 * DAY)? {
        let text = format!("{} decided {} on asset {}", d.reviewer, d.decision.as_str().replace('_', " "), asset.0);
        out.push(Notification { kind: "decided".into(), asset, review: Some(review), text, at: d.at });
    }
    for c in ctx.store().mentions_of(&ctx.actor.name)? {
        let text = format!(
            "{} mentioned you on asset {}: {}",
            c.author,
            c.asset.0,
            c.body.chars().take(80).collect::<String>()
        );
        out.push(Notification { kind: "mentioned".into(), asset: c.asset, review: c.review, text, at: c.created_at });
    }
    Ok(out)
}
