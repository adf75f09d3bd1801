-- The edit log: one row per logical edit (who, when, what, on how many assets) and one row per asset and field it
-- changed, with the value before and after. Undo (`tessera undo`, Ctrl+Z) reads it; the review issue makes it the
-- audit trail, and the metadata issue adds fields and collections to what it records.
--   edits.action: 'edit' or 'undo' (an undo is itself an edit, pointing at what it undid through `undoes`).
--   edit_changes.field: 'title', 'description', 'rating' or 'tag'. `before` and `after` keep their SQLite type
--   (no affinity): a rating is an integer, a title text, NULL an absent value. For 'tag' the value is the tag's name:
--   before NULL means the edit added the tag, after NULL that it removed it.
-- Rows outlive their assets (no foreign key on asset_id): the record of what happened stays.
CREATE TABLE edits (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('edit', 'undo')),
    summary   TEXT NOT NULL,
    assets    INTEGER NOT NULL,
    undoes    INTEGER REFERENCES edits (id),
    undone_by INTEGER REFERENCES edits (id)
);
CREATE INDEX edits_by_actor ON edits (actor, id);

CREATE TABLE edit_changes (
    edit_id  INTEGER NOT NULL REFERENCES edits (id),
    asset_id INTEGER NOT NULL,
    field    TEXT NOT NULL,
    before,
    after
);
CREATE INDEX edit_changes_by_edit ON edit_changes (edit_id);
CREATE INDEX edit_changes_by_asset ON edit_changes (asset_id, edit_id);
