//! XMP sidecars from the app (the inspector's "Write XMP sidecar").

use super::Call;
use crate::error::IpcResult;
use tessera_core::app::xmp::{self, SidecarWritten};
use tessera_core::AssetId;

pub async fn write_xmp(call: Call<'_>, ids: Vec<AssetId>) -> IpcResult<Vec<SidecarWritten>> {
    Ok(xmp::write_sidecars(&call.state.ctx()?, &ids, None)?)
}
