//! Editing assets from the inspector or a script: title, description, rating and tags on one asset, many, or every
//! match of a query, in one transaction.

use crate::app::Ctx;
use crate::domain::{normalise_tag, AssetDetail, AssetId, BuiltIn, EditId, EditProgress, FieldChange};
use crate::error::{Error, Result};
use crate::runtime::{NoProgress, ProgressSink};
use crate::store::{Changes, LogNote, Targets};
use serde::{Deserialize, Serialize};

/// What to change; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, ts_rs::TS)]
pub struct AssetEdit {
    /// `Some(None)` clears the title.
    #[serde(default, with = "double_option")]
    #[ts(optional, type = "string | null")]
    pub title: FieldChange<String>,
    #[serde(default, with = "double_option")]
    #[ts(optional, type = "string | null")]
    pub description: FieldChange<String>,
    /// 0 to 5; `Some(None)` clears the rating.
    #[serde(default, with = "double_option")]
    #[ts(optional, type = "number | null")]
    pub rating: FieldChange<u8>,
    #[serde(default)]
    pub add_tags: Vec<String>,
    #[serde(default)]
    pub remove_tags: Vec<String>,
}

/// Which assets an edit applies to: a list, or every match of a query ("select all" over a result of any size,
/// less the ones the user deselected), resolved in the edit's own transaction.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Selection {
    Ids { ids: Vec<AssetId> },
    Query { query: String, except: Vec<AssetId> },
}

/// What an edit did.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct EditOutcome {
    /// How many assets the edit applied to.
    pub changed: u64,
    /// The assets as they are now (read in the edit's transaction), when there are at most [`DETAIL_LIMIT`].
    pub assets: Vec<AssetDetail>,
    /// The edit's entry in the edit log (what `undo` takes back); `null` when nothing actually changed.
    pub edit: Option<EditId>,
}

/// Edits of more assets than this return only the count (the inspector shows a summary for large selections).
pub const DETAIL_LIMIT: usize = 100;

/// Applies `edit` to the selection, all or nothing, in one transaction, recorded in the edit log as one step.
pub fn edit_assets(ctx: &Ctx, selection: &Selection, edit: &AssetEdit) -> Result<EditOutcome> {
    edit_assets_reporting(ctx, selection, edit, &NoProgress)
}

/// [`edit_assets`], reporting how many assets are done every few thousand (for a progress bar on large selections).
pub fn edit_assets_reporting(
    ctx: &Ctx,
    selection: &Selection,
    edit: &AssetEdit,
    progress: &dyn ProgressSink<EditProgress>,
) -> Result<EditOutcome> {
    ctx.require(crate::domain::Action::EditMetadata)?;
    if let Some(Some(r)) = edit.rating {
        if r > 5 {
            return Err(Error::InvalidRating(r));
        }
    }
    let clean = |v: &FieldChange<String>| {
        v.as_ref().map(|o| o.as_ref().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()))
    };
    let add: Vec<String> = edit.add_tags.iter().map(|t| normalise_tag(t)).collect::<Result<_>>()?;
    let remove: Vec<String> = edit.remove_tags.iter().map(|t| normalise_tag(t)).collect::<Result<_>>()?;
    let (title, description) = (clean(&edit.title), clean(&edit.description));
    let changes = Changes {
        title: &title,
        description: &description,
        rating: &edit.rating,
        add_tags: &add,
        remove_tags: &remove,
        ..Changes::default()
    };
    apply(ctx, selection, &changes, progress)
}

/// Runs checked `changes` on the selection in one transaction (shared with `set_fields`).
pub(crate) fn apply(
    ctx: &Ctx,
    selection: &Selection,
    changes: &Changes<'_>,
    progress: &dyn ProgressSink<EditProgress>,
) -> Result<EditOutcome> {
    let query;
    let targets = match selection {
        Selection::Ids { ids } => Targets::Ids(ids),
        Selection::Query { query: text, except } => {
            query = crate::app::search::parse(ctx, text)?;
            Targets::Query(&query, except)
        }
    };
    let summary = describe(changes);
    let note = LogNote { actor: &ctx.actor.name, at: ctx.now(), summary: &summary };
    let edited = ctx.store().edit(&targets, changes, DETAIL_LIMIT, &note, progress)?;
    Ok(EditOutcome { changed: edited.ids.len() as u64, assets: edited.details, edit: edited.edit })
}

/// An edit in words, as the edit log and the undo menu show it: `rating 4, +summer, -draft`.
pub(crate) fn describe(changes: &Changes<'_>) -> String {
    let mut parts = Vec::new();
    let text = |name: &str, v: &FieldChange<String>| match v {
        Some(Some(_)) => Some(name.to_string()),
        Some(None) => Some(format!("{name} cleared")),
        None => None,
    };
    parts.extend(text("title", changes.title));
    parts.extend(text("description", changes.description));
    match changes.rating {
        Some(Some(r)) => parts.push(format!("rating {r}")),
        Some(None) => parts.push("rating cleared".into()),
        None => {}
    }
    for (field, value) in changes.columns {
        parts.push(match value {
            Some(v) if matches!(field, BuiltIn::Rating | BuiltIn::Label | BuiltIn::Flag) => {
                format!("{} {}", field.name(), v.display())
            }
            Some(_) => field.name().to_string(),
            None => format!("{} cleared", field.name()),
        });
    }
    for (field, values) in changes.custom {
        parts.push(if values.is_empty() { format!("{} cleared", field.name) } else { field.name.clone() });
    }
    parts.extend(changes.add_tags.iter().map(|t| format!("+{t}")));
    parts.extend(changes.remove_tags.iter().map(|t| format!("-{t}")));
    if parts.is_empty() {
        "no change".into()
    } else {
        parts.join(", ")
    }
}

/// Distinguishes a missing field (leave it) from `null` (clear it).
mod double_option {
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}
