//! `tessera label ls`: the library's label names and their colours.

use crate::app::Ctx;
use crate::domain::LabelName;
use crate::error::Result;

pub fn list_labels(ctx: &Ctx) -> Result<Vec<LabelName>> {
    ctx.store().label_names()
}
