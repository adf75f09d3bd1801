-- Tessera library schema, version 1. Append-only: never edit this file once it has landed; add 0002_….sql.

-- An asset is what people tag, rate and review. Its searchable facts are denormalised from its current file so that
-- filters and sorts use one table and its indexes.
CREATE TABLE assets (
    id              INTEGER PRIMARY KEY,
    current_file_id INTEGER,               -- files.id of the current version (set right after the file row)
    kind            TEXT    NOT NULL,      -- image | video | audio | document | font | other
    ext             TEXT    NOT NULL,      -- lower-case extension of the real type ("jpg", "png", …)
    name            TEXT    NOT NULL,      -- display name: the original file name
    title           TEXT,
    description     TEXT,
    creator         TEXT,
    rights          TEXT,
    rating          INTEGER CHECK (rating BETWEEN 0 AND 5),
    width           INTEGER,               -- as displayed (EXIF orientation applied)
    height          INTEGER,
    size            INTEGER NOT NULL,
    taken           TEXT,                  -- "YYYY-MM-DDTHH:MM:SS" as the camera wrote it
    taken_at        INTEGER,               -- the same, as seconds (read as UTC) for ranges and sorting
    added_at        INTEGER NOT NULL,      -- unix seconds
    uploader        TEXT    NOT NULL,
    camera          TEXT                   -- "Make Model", for search
);
CREATE INDEX assets_by_added    ON assets (added_at, id);
CREATE INDEX assets_by_taken    ON assets (ifnull(taken_at, -62135596800), id); -- undated sort as year 1
CREATE INDEX assets_by_name     ON assets (name COLLATE NOCASE, id);
CREATE INDEX assets_by_size     ON assets (size, id);
CREATE INDEX assets_by_kind     ON assets (kind, id);

-- A file is one stored original, addressed by its BLAKE3 hash. Versions of an asset are several files.
CREATE TABLE files (
    id             INTEGER PRIMARY KEY,
    asset_id       INTEGER NOT NULL REFERENCES assets (id),
    hash           TEXT    NOT NULL UNIQUE,   -- BLAKE3, lower-case hex
    size           INTEGER NOT NULL,
    mime           TEXT    NOT NULL,
    ext            TEXT    NOT NULL,
    original_name  TEXT    NOT NULL,
    source_path    TEXT    NOT NULL,
    stored_path    TEXT    NOT NULL,          -- relative to the library folder
    width          INTEGER,                   -- as stored (before orientation)
    height         INTEGER,
    orientation    INTEGER,                   -- EXIF 1..8
    added_at       INTEGER NOT NULL,
    uploader       TEXT    NOT NULL,
    thumbnail_note TEXT,                      -- why there is no thumbnail, when there is none
    exif_json      TEXT    NOT NULL DEFAULT '{}',
    xmp_json       TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX files_by_asset ON files (asset_id);

-- Every path a file's content was seen at (ingested or found again as a duplicate): lets watched folders and re-runs
-- recognise what they already took in.
CREATE TABLE file_sources (
    file_id  INTEGER NOT NULL REFERENCES files (id),
    path     TEXT    NOT NULL,
    seen_at  INTEGER NOT NULL,
    PRIMARY KEY (path, file_id)
) WITHOUT ROWID;

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE asset_tags (
    asset_id INTEGER NOT NULL REFERENCES assets (id),
    tag_id   INTEGER NOT NULL REFERENCES tags (id),
    PRIMARY KEY (asset_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX asset_tags_by_tag ON asset_tags (tag_id, asset_id);

-- Full-text index, rowid = assets.id. Kept in step by the store (not by triggers) so bulk ingest stays one write.
CREATE VIRTUAL TABLE asset_text USING fts5 (
    name, title, description, tags, camera, uploader,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- Originals being moved into place: written before the rename, removed with the asset row in one transaction.
-- At open, leftovers are rolled back (stored file removed when no row took it), so a crash mid-ingest leaves no
-- stored file without its row and no row without its file.
CREATE TABLE pending_originals (
    hash        TEXT PRIMARY KEY,
    stored_path TEXT NOT NULL,
    started_at  INTEGER NOT NULL
);
