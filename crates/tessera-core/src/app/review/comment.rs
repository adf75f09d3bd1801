//! Comments on an asset: pinned to a point or a rectangle of the picture (0..1 from the top-left, so they fit any
//! zoom and any version of the same shape), threaded, with @mentions, resolvable.

use crate::app::Ctx;
use crate::domain::review_view::{Comment, Pin};
use crate::domain::{Action, AssetId};
use crate::error::{Error, Result};

pub fn add_comment(ctx: &Ctx, id: AssetId, body: &str, pin: Option<Pin>, reply_to: Option<i64>) -> Result<Comment> {
    ctx.require(Action::Comment)?;
    let body = body.trim();
    if body.is_empty() {
        return Err(Error::InvalidComment("a comment needs some text".into()));
    }
    if body.chars().count() > 10_000 {
        return Err(Error::InvalidComment("a comment is at most 10,000 characters".into()));
    }
    if let Some(pin) = pin {
        check_pin(pin)?;
    }
    ctx.store().add_comment(id, body, pin, reply_to, &ctx.actor.name, ctx.now())
}

pub fn comments(ctx: &Ctx, id: AssetId) -> Result<Vec<Comment>> {
    ctx.require(Action::Read)?;
    ctx.store().asset_detail(id)?;
    ctx.store().comments(id)
}

pub fn resolve_comment(ctx: &Ctx, comment: i64) -> Result<Comment> {
    ctx.require(Action::Comment)?;
    ctx.store().resolve_comment(comment, &ctx.actor.name, ctx.now())
}

/// Inside the picture: coordinates in 0..1, a rectangle with a size that stays inside.
fn check_pin(pin: Pin) -> Result<()> {
    let inside = |v: f64| v.is_finite() && (0.0..=1.0).contains(&v);
    let ok = match pin {
        Pin::Point { x, y } => inside(x) && inside(y),
        Pin::Rect { x, y, w, h } => {
            inside(x)
                && inside(y)
                && w.is_finite()
                && h.is_finite()
                && w > 0.0
                && h > 0.0
                && x + w <= 1.0 + 1e-9
                && y + h <= 1.0 + 1e-9
        }
    };
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidComment(
            "a pin is inside the picture: x and y from 0 to 1 (top-left is 0,0), a rectangle's width and height above 0 \
             and within the picture"
                .into(),
        ))
    }
}
