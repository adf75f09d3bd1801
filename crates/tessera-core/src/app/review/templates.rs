//! Workflow templates: adding one from its TOML (checked by `domain::review::parse_template`) and listing them.

use crate::app::Ctx;
use crate::domain::review::{parse_template, Template};
use crate::domain::Action;
use crate::error::Result;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ReviewTemplate {
    pub name: String,
    /// The template as written (TOML).
    pub body: String,
    pub template: Template,
}

pub fn add_template(ctx: &Ctx, name: &str, body: &str) -> Result<Template> {
    ctx.require(Action::ManageTemplates)?;
    let template = parse_template(name, body)?;
    ctx.store().add_review_template(&template, body, &ctx.actor.name, ctx.now())?;
    Ok(template)
}

pub fn templates(ctx: &Ctx) -> Result<Vec<ReviewTemplate>> {
    ctx.require(Action::Read)?;
    let mut out = Vec::new();
    for (name, body) in ctx.store().review_templates()? {
        let template = parse_template(&name, &body)?;
        out.push(ReviewTemplate { name, body, template });
    }
    Ok(out)
}
