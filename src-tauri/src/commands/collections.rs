//! Collections and smart collections: the sidebar's tree with counts, membership edits on a selection (one
//! transaction and one undo step each, reporting `edit-progress`), rename, delete, order, cover.

use super::Call;
use crate::error::IpcResult;
use crate::events::EditEvents;
use tessera_core::app::assets::Selection;
use tessera_core::app::collections::{self as coll, DeleteOutcome, MembershipOutcome};
use tessera_core::domain::{Collection, CollectionKind, CollectionRef};
use tessera_core::runtime::NoProgress;
use tessera_core::AssetId;

pub async fn collections(call: Call<'_>) -> IpcResult<Vec<Collection>> {
    Ok(coll::list_collections(&call.state.ctx()?)?)
}

pub async fn collection_create(call: Call<'_>, path: String) -> IpcResult<CollectionRef> {
    let none = Selection::Ids { ids: Vec::new() };
    Ok(coll::add_to_collection(&call.state.ctx()?, &path, &none, &NoProgress)?.collection)
}

pub async fn collection_add(call: Call<'_>, path: String, selection: Selection) -> IpcResult<MembershipOutcome> {
    let progress = EditEvents::new(call.app.clone());
    Ok(coll::add_to_collection(&call.state.ctx()?, &path, &selection, &progress)?)
}

pub async fn collection_remove(call: Call<'_>, path: String, selection: Selection) -> IpcResult<MembershipOutcome> {
    let progress = EditEvents::new(call.app.clone());
    Ok(coll::remove_from_collection(&call.state.ctx()?, &path, &selection, &progress)?)
}

pub async fn collection_rename(call: Call<'_>, from: String, to: String) -> IpcResult<CollectionRef> {
    Ok(coll::rename_collection(&call.state.ctx()?, &from, &to)?)
}

pub async fn collection_delete(call: Call<'_>, path: String, force: bool) -> IpcResult<DeleteOutcome> {
    Ok(coll::delete_collection(&call.state.ctx()?, &path, Some(CollectionKind::Manual), force)?)
}

pub async fn collection_reorder(call: Call<'_>, path: String, first: Vec<AssetId>) -> IpcResult<Vec<AssetId>> {
    Ok(coll::reorder_collection(&call.state.ctx()?, &path, &first)?)
}

pub async fn collection_cover(call: Call<'_>, path: String, cover: Option<AssetId>) -> IpcResult<CollectionRef> {
    Ok(coll::set_cover(&call.state.ctx()?, &path, cover)?)
}

pub async fn smart_add(call: Call<'_>, path: String, query: String) -> IpcResult<CollectionRef> {
    Ok(coll::add_smart_collection(&call.state.ctx()?, &path, &query)?)
}

pub async fn smart_remove(call: Call<'_>, path: String) -> IpcResult<DeleteOutcome> {
    Ok(coll::delete_collection(&call.state.ctx()?, &path, Some(CollectionKind::Smart), true)?)
}
