//! Library-wide facts for the header and the sidebar (counters kept by the store: microseconds at any size), and
//! the library switcher: the recent list, opening and creating a library (`switch.rs` swaps it in).

use super::Call;
use crate::error::IpcResult;
use crate::switch::switch_to;
use std::path::Path;
use tessera_core::app::libraries::{self, RecentLibrary};
use tessera_core::app::maintenance::stats::{self, LibraryInfo};
use tessera_core::app::tags;
use tessera_core::domain::TagCount;

pub async fn library_info(call: Call<'_>) -> IpcResult<LibraryInfo> {
    Ok(stats::library_info(&call.state.ctx()?)?)
}

pub async fn tag_counts(call: Call<'_>) -> IpcResult<Vec<TagCount>> {
    Ok(tags::tag_counts(&call.state.ctx()?)?)
}

pub async fn recent_libraries(call: Call<'_>) -> IpcResult<Vec<RecentLibrary>> {
    Ok(libraries::recent(&call.state.config_dir))
}

pub async fn open_library(call: Call<'_>, path: String) -> IpcResult<LibraryInfo> {
    switch_to(call.app, call.state, |config, now| libraries::open(config, Path::new(&path), now))
}

pub async fn create_library(call: Call<'_>, parent: String, name: String) -> IpcResult<LibraryInfo> {
    switch_to(call.app, call.state, |config, now| libraries::create(config, Path::new(&parent), &name, now))
}
