//! Library-wide facts for the header and the sidebar (counters kept by the store: microseconds at any size).

use super::Call;
use crate::error::IpcResult;
use tessera_core::app::maintenance::stats::{self, LibraryInfo};
use tessera_core::app::tags;
use tessera_core::domain::TagCount;

pub async fn library_info(call: Call<'_>) -> IpcResult<LibraryInfo> {
    Ok(stats::library_info(&call.state.ctx())?)
}

pub async fn tag_counts(call: Call<'_>) -> IpcResult<Vec<TagCount>> {
    Ok(tags::tag_counts(&call.state.ctx())?)
}
