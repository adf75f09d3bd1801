//! Versions of an asset: the stack, a new file as the next version (a file dropped onto the inspector), revert.

use super::Call;
use crate::error::IpcResult;
use std::path::Path;
use tessera_core::app::versions;
use tessera_core::domain::{Version, VersionChanged};
use tessera_core::AssetId;

pub async fn versions(call: Call<'_>, id: AssetId) -> IpcResult<Vec<Version>> {
    Ok(versions::versions(&call.state.ctx()?, id)?)
}

pub async fn add_version(call: Call<'_>, id: AssetId, path: String) -> IpcResult<VersionChanged> {
    Ok(versions::add_version(&call.state.ctx()?, id, Path::new(&path))?)
}

pub async fn stack_version(call: Call<'_>, from: AssetId, onto: AssetId) -> IpcResult<VersionChanged> {
    Ok(versions::stack_as_version(&call.state.ctx()?, from, onto)?)
}

pub async fn revert_version(call: Call<'_>, id: AssetId, number: u32) -> IpcResult<VersionChanged> {
    Ok(versions::revert_version(&call.state.ctx()?, id, number)?)
}
