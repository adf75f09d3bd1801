//! Plain domain types: identifiers, kinds, assets as front ends see them, tags, the query language, watched folders,
//! who is acting. No I/O here; every other layer depends on this one and it depends on none.
//!
//! An *asset* is the thing people tag, rate and review; a *file* is one stored original (a version) of it. Today each
//! asset has exactly one file; versions later add more files under the same asset, one of them current.

mod actor;
mod asset;
mod audit;
mod collection;
mod edit_log;
pub mod fields;
mod ids;
mod kind;
mod labels;
pub mod lifecycle;
mod listing;
mod new_asset;
pub mod permission;
pub mod profile;
pub mod query;
pub mod review;
pub mod review_view;
mod stats;
mod stored_file;
mod tag;
mod trash;
mod version;
mod version_name;
pub mod watch;

pub use actor::Actor;
pub use asset::{AssetDetail, AssetSummary, FieldChange, FileFacts, LibraryChanged, Rights, XmpConflict};
pub use audit::{AuditBreak, AuditCheck, AuditEvent, AuditFilter};
pub use collection::{
    collection_path, rename_in_query, variable_key, Collection, CollectionId, CollectionKind, CollectionRef,
};
pub use edit_log::{EditAction, EditId, EditProgress, EditRecord};
pub use fields::{BuiltIn, Choice, CustomField, FieldAssignment, FieldType, FieldValue, Scalar};
pub use ids::{AssetId, FileId, TagId};
pub use kind::AssetKind;
pub use labels::{LabelName, LabelSets};
pub use listing::{Page, SortKey, SortOrder, TOTAL_CAP};
pub use new_asset::{label_colour, AssetDefaults, NewAsset};
pub use permission::{Action, Role};
pub use profile::Profile;
pub use stats::LibraryStats;
pub use stored_file::StoredFile;
pub use tag::{
    keyword_tag, normalise_colour, normalise_tag, tag_leaf, tag_parent, TagChange, TagCount, TagEdit, TAG_SEPARATOR,
};
pub use trash::TrashedAsset;
pub use version::{Version, VersionChanged};
pub use version_name::version_base;
