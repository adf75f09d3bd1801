-- Fields: the built-in fields every library has (alt text, caption, licence, usage terms, rights expiry, colour label,
-- pick/reject flag; creator, credit, copyright = `rights` and campaign were already columns), custom fields defined
-- by the library's admin with their vocabularies, their values per asset, and metadata templates.

-- 1. Built-in fields: plain columns of the asset, like title and rating (validated by the core, see domain/fields.rs).
ALTER TABLE assets ADD COLUMN alt_text    TEXT;
ALTER TABLE assets ADD COLUMN caption     TEXT;
ALTER TABLE assets ADD COLUMN licence     TEXT;
ALTER TABLE assets ADD COLUMN usage_terms TEXT;
ALTER TABLE assets ADD COLUMN expires     TEXT;    -- YYYY-MM-DD, so text order is date order
ALTER TABLE assets ADD COLUMN label       TEXT;    -- red | orange | yellow | green | blue | purple
ALTER TABLE assets ADD COLUMN flag        TEXT;    -- pick | reject
-- Partial indexes: most assets have none of these, so the indexes stay small and `label:red` reads only its run.
CREATE INDEX assets_by_label   ON assets (label, id)   WHERE label IS NOT NULL;
CREATE INDEX assets_by_flag    ON assets (flag, id)    WHERE flag IS NOT NULL;
CREATE INDEX assets_by_expires ON assets (expires, id) WHERE expires IS NOT NULL;

-- 2. Alt text and caption are searchable by words: one `copy` column of the full-text index holds both (one column,
--    not two: each FTS5 column costs a slot in every row's position lists). An FTS5 table cannot gain a column, so it
--    is made again (as migration 6 did: ~1 min at 1,000,000 assets, once). Ingest writes an empty column: measured on
--    an in-memory index of 100,000 rows like ours, 0.61 s -> 0.66 s of FTS inserts (~0.5 us an asset, against ~28 ms
--    an image for the whole ingest); an edit of alt text or caption rewrites the asset's row of the index, as a title
--    edit does (5,000 such updates 62 ms either way).
CREATE VIRTUAL TABLE asset_text_v8 USING fts5 (
    name, title, description, tags, camera, uploader, dates, copy,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO asset_text_v8 (rowid, name, title, description, tags, camera, uploader, dates, copy)
SELECT rowid, name, title, description, tags, camera, uploader, dates, '' FROM asset_text;
DROP TABLE asset_text;
ALTER TABLE asset_text_v8 RENAME TO asset_text;

-- 3. Custom fields. `kinds`: the asset types the field applies to, comma-separated ('' = every type); `required`
--    fields of an asset's type are what `missing:required` finds.
CREATE TABLE fields (
    id       INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    type     TEXT    NOT NULL,      -- text | long-text | number | date | url | bool | choice | choices
    required INTEGER NOT NULL DEFAULT 0,
    kinds    TEXT    NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);

-- The vocabulary of a choice/choices field. A retired value stays on the assets that have it and is refused on new
-- writes.
CREATE TABLE field_choices (
    field_id INTEGER NOT NULL REFERENCES fields (id) ON DELETE CASCADE,
    value    TEXT    NOT NULL COLLATE NOCASE,
    retired  INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL,
    PRIMARY KEY (field_id, value)
) WITHOUT ROWID;

-- Values of custom fields: one row per asset and field (a `choices` field: one per value). Numbers are stored as
-- numbers, dates as YYYY-MM-DD text, yes/no as 0/1, so comparisons in searches are SQL comparisons on the index.
CREATE TABLE asset_field_values (
    asset_id INTEGER NOT NULL REFERENCES assets (id),
    field_id INTEGER NOT NULL REFERENCES fields (id),
    value    NOT NULL,          -- no declared type: no affinity, a text "007" stays text
    PRIMARY KEY (asset_id, field_id, value)
) WITHOUT ROWID;
CREATE INDEX asset_field_values_by_value ON asset_field_values (field_id, value, asset_id);

-- 4. Metadata templates: a named list of NAME=VALUE assignments (JSON: [["licence","CC BY"], …]).
CREATE TABLE templates (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    assignments TEXT NOT NULL
);
