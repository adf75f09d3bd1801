-- The audit trail: one row per recorded change (an edit-log entry, an ingest batch, a lifecycle transition), chained
-- by hash so a change behind the app's back shows. `hash` = BLAKE3(prev_hash || canonical form of the event), the
-- first event's prev_hash the genesis value; the canonical form is documented in `store/audit_sql.rs`.
--   assets: the asset ids the event touches, comma-separated ('' when none).
--   detail: JSON text, hashed exactly as stored (so the hash never depends on how a JSON library orders keys).
-- Append-only: the triggers refuse UPDATE and DELETE. Someone who drops them can still edit the file, and
-- `tessera audit verify` names the first event that no longer fits the chain.
CREATE TABLE audit_events (
    seq       INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    assets    TEXT NOT NULL,
    detail    TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    hash      BLOB NOT NULL
);
CREATE INDEX audit_events_by_actor ON audit_events (actor, seq);
CREATE INDEX audit_events_by_at ON audit_events (at);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

-- The lifecycle state of an asset (see domain/lifecycle.rs); 'expired' is never stored, it is computed from `expires`.
ALTER TABLE assets ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'in_review', 'approved', 'changes_requested', 'rejected', 'published', 'archived'));
-- The state an archived asset had before, which `tessera restore` puts back (NULL when not archived).
ALTER TABLE assets ADD COLUMN archived_from TEXT;
