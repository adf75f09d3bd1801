-- Tessera library schema, version 2: watched folders, their rules and their activity feed; credit and campaign on
-- assets (set by watched-folder rules). Append-only: never edit this file once it has landed; add 0003_….sql.

-- A folder whose new files are ingested automatically, with the rules applied to what arrives from it.
CREATE TABLE watched_folders (
    id            INTEGER PRIMARY KEY,
    path          TEXT    NOT NULL UNIQUE,          -- absolute, canonical
    state         TEXT    NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused')),
    after         TEXT    NOT NULL DEFAULT 'leave'  CHECK (after IN ('leave', 'move', 'delete')),
    tags          TEXT    NOT NULL DEFAULT '[]',    -- JSON array of tag names
    credit        TEXT,
    creator       TEXT,
    rights        TEXT,
    campaign      TEXT,
    uploader      TEXT,                             -- recorded as the uploader (default: who runs the watcher)
    collection    TEXT,                             -- collections do not exist yet: reported as not applicable
    created_at    INTEGER NOT NULL,
    ingested      INTEGER NOT NULL DEFAULT 0,       -- files that became new assets
    errors        INTEGER NOT NULL DEFAULT 0,       -- failed files and folder errors
    last_event_at INTEGER,
    last_event    TEXT,                             -- one line, for the panel
    last_error    TEXT,
    -- What the watcher process last said about this folder (watching | polling | scanning | unavailable); NULL
    -- when no watcher runs. Written by the watcher, read by `watch ls` and the desktop panel.
    status        TEXT,
    status_detail TEXT,
    status_at     INTEGER
);

-- The activity feed: what arrived, what was a duplicate, what failed and why, rules that could not apply, warnings.
-- Kept bounded (the writer prunes to the newest 10,000).
CREATE TABLE watch_events (
    id        INTEGER PRIMARY KEY,
    folder_id INTEGER NOT NULL REFERENCES watched_folders (id) ON DELETE CASCADE,
    at        INTEGER NOT NULL,
    kind      TEXT    NOT NULL
              CHECK (kind IN ('ingested', 'duplicate', 'failed', 'skipped', 'rule', 'warning', 'error')),
    path      TEXT,
    asset_id  INTEGER REFERENCES assets (id),
    detail    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX watch_events_by_folder ON watch_events (folder_id, id);

ALTER TABLE assets ADD COLUMN credit TEXT;
ALTER TABLE assets ADD COLUMN campaign TEXT;
