//! Reshaping the tag tree from the sidebar: rename and move (drag and drop), merge, delete, colours and synonyms.

use super::Call;
use crate::error::IpcResult;
use tessera_core::app::tags::{self, TagAssets};
use tessera_core::domain::TagChange;

pub async fn rename_tag(call: Call<'_>, from: String, to: String, merge: bool) -> IpcResult<TagChange> {
    Ok(tags::rename_tag(&call.state.ctx()?, &from, &to, merge)?)
}

pub async fn merge_tags(call: Call<'_>, from: String, into: String) -> IpcResult<TagChange> {
    Ok(tags::merge_tags(&call.state.ctx()?, &from, &into)?)
}

pub async fn tag_assets(call: Call<'_>, name: String, limit: u32) -> IpcResult<TagAssets> {
    Ok(tags::tag_assets(&call.state.ctx()?, &name, limit as usize)?)
}

pub async fn delete_tag(call: Call<'_>, name: String) -> IpcResult<TagChange> {
    Ok(tags::delete_tag(&call.state.ctx()?, &name)?)
}

pub async fn set_tag_colour(call: Call<'_>, name: String, colour: Option<String>) -> IpcResult<String> {
    Ok(tags::set_tag_colour(&call.state.ctx()?, &name, colour.as_deref())?)
}

pub async fn add_tag_synonym(call: Call<'_>, name: String, synonym: String) -> IpcResult<String> {
    Ok(tags::add_tag_synonym(&call.state.ctx()?, &name, &synonym)?)
}

pub async fn remove_tag_synonym(call: Call<'_>, synonym: String) -> IpcResult<String> {
    Ok(tags::remove_tag_synonym(&call.state.ctx()?, &synonym)?)
}
