//! The TypeScript types of everything that crosses the desktop IPC boundary, generated from these Rust types so the
//! UI can never drift from them. A test compares the committed `ui/src/lib/api/bindings.ts` with this output
//! (`UPDATE_BINDINGS=1 cargo test -p tessera-core bindings` rewrites it). To expose a new type, derive `ts_rs::TS`
//! on it and add it to [`typescript`].

use ts_rs::{Config, TS};

macro_rules! declarations {
    ($cfg:expr, $($ty:ty),* $(,)?) => {
        vec![$(format!("export {}", <$ty as TS>::decl($cfg))),*]
    };
}

/// The whole bindings file.
pub fn typescript() -> String {
    // Sizes and ids stay well below 2^53: plain numbers are what the UI does arithmetic with.
    let cfg = Config::new().with_large_int("number");
    let decls = declarations!(
        &cfg,
        crate::domain::AssetId,
        crate::domain::FileId,
        crate::domain::AssetKind,
        crate::domain::AssetSummary,
        crate::domain::lifecycle::Status,
        crate::domain::AssetDetail,
        crate::domain::Rights,
        crate::domain::XmpConflict,
        crate::domain::LabelName,
        crate::app::xmp::SidecarWritten,
        crate::domain::Scalar,
        crate::domain::FieldValue,
        crate::domain::FieldType,
        crate::domain::Choice,
        crate::domain::CustomField,
        crate::domain::FieldAssignment,
        crate::app::fields::FieldDefinition,
        crate::app::fields::template::Template,
        crate::domain::FileFacts,
        crate::domain::LibraryChanged,
        crate::domain::Actor,
        crate::metadata::ExifFields,
        crate::domain::Page,
        crate::domain::SortKey,
        crate::domain::SortOrder,
        crate::domain::LibraryStats,
        crate::app::maintenance::stats::LibraryInfo,
        crate::app::libraries::RecentLibrary,
        crate::app::search::SearchRequest,
        crate::domain::TagCount,
        crate::domain::TagChange,
        crate::app::tags::TagAssets,
        crate::domain::CollectionId,
        crate::domain::CollectionKind,
        crate::domain::Collection,
        crate::domain::CollectionRef,
        crate::app::collections::MembershipOutcome,
        crate::app::collections::DeleteOutcome,
        crate::app::assets::AssetEdit,
        crate::app::assets::Selection,
        crate::app::assets::EditOutcome,
        crate::app::assets::UndoOutcome,
        crate::app::assets::TrashOutcome,
        crate::app::assets::EmptyTrashOutcome,
        crate::domain::TrashedAsset,
        crate::app::assets::CopyReport,
        crate::app::assets::CopiedOriginal,
        crate::app::assets::CopyFailure,
        crate::domain::EditId,
        crate::domain::EditAction,
        crate::domain::EditRecord,
        crate::domain::EditProgress,
        crate::app::ingest::IngestProgress,
        crate::app::ingest::Phase,
        crate::app::ingest::IngestReport,
        crate::app::ingest::IngestSummary,
        crate::app::ingest::Ingested,
        crate::app::ingest::Problem,
        crate::app::ingest::VersionOffer,
        crate::domain::watch::WatchedFolderId,
        crate::domain::watch::WatchedFolder,
        crate::domain::watch::WatchRule,
        crate::domain::watch::AfterIngest,
        crate::domain::watch::FolderState,
        crate::domain::watch::WatchStatus,
        crate::domain::watch::WatchEvent,
        crate::domain::watch::WatchEventKind,
        crate::app::watch::WatcherHost,
        crate::app::lifecycle::StatusReport,
        crate::app::lifecycle::StatusStep,
        crate::app::lifecycle::Moved,
        crate::domain::AuditEvent,
        crate::domain::AuditFilter,
        crate::domain::AuditCheck,
        crate::domain::AuditBreak,
        crate::domain::Version,
        crate::domain::VersionChanged,
        crate::domain::permission::Role,
        crate::domain::permission::Action,
        crate::domain::Profile,
        crate::app::assets::ExportReport,
        crate::app::people::ProfileAudit,
        crate::domain::review::Rule,
        crate::domain::review::Decision,
        crate::domain::review::Outcome,
        crate::domain::review::Stage,
        crate::domain::review::Template,
        crate::app::review::ReviewTemplate,
        crate::app::review::SubmitRequest,
        crate::domain::review_view::StageView,
        crate::domain::review_view::DecisionView,
        crate::domain::review_view::ReviewView,
        crate::domain::review_view::QueueItem,
        crate::domain::review_view::Queue,
        crate::domain::review_view::Decided,
        crate::domain::review_view::Comment,
        crate::domain::review_view::Pin,
        crate::domain::review_view::Notification,
        crate::api::ErrorCode,
        crate::api::ApiError,
    );
    let mut out = String::from(
        "// Generated from the Rust types by tessera-core's `bindings` module. Do not edit: change the Rust type and\n\
         // run `UPDATE_BINDINGS=1 cargo test -p tessera-core bindings`.\n\n",
    );
    for decl in decls {
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn bindings_file_is_up_to_date() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/api/bindings.ts");
        let fresh = super::typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).expect("write bindings");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/lib/api/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p tessera-core bindings`"
        );
    }
}
