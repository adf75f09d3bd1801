//! Submitting assets for review: the ones named, or a whole collection, through a template (the library's default
//! when none is named), with a message and a due date. Every asset's required fields must be filled first: the
//! refusal lists each asset and what it lacks.

use super::note;
use crate::app::lifecycle::today;
use crate::app::search::{self, SearchRequest};
use crate::app::Ctx;
use crate::domain::review::DEFAULT_TEMPLATE;
use crate::domain::{Action, AssetId};
use crate::error::{Error, Result};
use crate::store::Submission;

#[derive(Debug, Clone, Default, serde::Deserialize, ts_rs::TS)]
pub struct SubmitRequest {
    pub ids: Vec<AssetId>,
    /// Every asset of this manual collection too (project-based review).
    pub collection: Option<String>,
    pub template: Option<String>,
    /// "YYYY-MM-DD", today or later.
    pub due: Option<String>,
    pub message: Option<String>,
}

/// Opens a review of each asset (all or none); returns the review ids.
pub fn submit(ctx: &Ctx, request: &SubmitRequest) -> Result<Vec<i64>> {
    ctx.require(Action::Submit)?;
    let today = today(ctx);
    if let Some(due) = request.due.as_deref() {
        let valid = crate::domain::query::dates::parse_period(due).is_some() && due.len() == 10;
        let bad =
            |reason: &str| Error::InvalidFieldValue { field: "due".into(), value: due.into(), reason: reason.into() };
        if !valid {
            return Err(bad("a due date is YYYY-MM-DD"));
        }
        if due < today.as_str() {
            return Err(bad(&format!("it is in the past (today is {today})")));
        }
    }
    let mut ids = request.ids.clone();
    if let Some(collection) = request.collection.as_deref() {
        let query = format!("collection:\"{}\"", collection.replace('"', ""));
        let found = search::run(ctx, &SearchRequest { query, limit: 10_000, ..SearchRequest::default() })?;
        if found.assets.is_empty() {
            return Err(Error::ReviewRefused(format!("collection {collection:?} holds no assets to submit")));
        }
        ids.extend(found.assets.iter().map(|a| a.id));
    }
    ids.sort_unstable_by_key(|a| a.0);
    ids.dedup();
    if ids.is_empty() {
        return Err(Error::ReviewRefused("name the assets to submit, or a collection".into()));
    }
    refuse_missing_required(ctx, &ids)?;
    let submission = Submission {
        template: request.template.as_deref().unwrap_or(DEFAULT_TEMPLATE),
        message: request.message.as_deref().map(str::trim).filter(|m| !m.is_empty()),
        due: request.due.as_deref(),
    };
    ctx.store().submit_reviews(&ids, &submission, &note(ctx, &today))
}

fn refuse_missing_required(ctx: &Ctx, ids: &[AssetId]) -> Result<()> {
    let required: Vec<_> = ctx.store().fields()?.into_iter().filter(|f| f.required).collect();
    if required.is_empty() {
        return Ok(());
    }
    let mut lacking = Vec::new();
    for &id in ids {
        let detail = ctx.store().asset_detail(id)?;
        let missing: Vec<&str> = required
            .iter()
            .filter(|f| f.kinds.is_empty() || f.kinds.contains(&detail.kind))
            .filter(|f| !detail.fields.contains_key(&f.name))
            .map(|f| f.name.as_str())
            .collect();
        if !missing.is_empty() {
            lacking.push(format!("asset {} ({}) lacks {}", id.0, detail.name, missing.join(", ")));
        }
    }
    if lacking.is_empty() {
        return Ok(());
    }
    Err(Error::ReviewRefused(format!("required fields are empty, so nothing was submitted: {}", lacking.join("; "))))
}
