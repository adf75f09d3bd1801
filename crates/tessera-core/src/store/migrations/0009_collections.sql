-- Collections (issue 8): manual ones hold assets picked by hand, in a hand-made order; smart ones are saved queries.
-- Both live in one tree of paths (`Spring 2027/Social`): `path` is the full path (unique without regard to case),
-- `name` its last part, `parent_id` the collection above it (NULL at the top). Deleting a collection deletes the ones
-- beneath it and its memberships, never the assets.
--   kind: 'manual' or 'smart'; `query` is the smart collection's query text (validated when saved).
--   assets: how many assets a manual collection holds, kept in step by the triggers below in the transaction that
--   changes the membership (the sidebar reads it; nothing counts rows at read time). Every membership change goes
--   through collection_assets, so these triggers are the one place the count is kept: an asset deleted later leaves
--   its collections through the ON DELETE CASCADE, which fires them too.
CREATE TABLE collections (
    id         INTEGER PRIMARY KEY,
    parent_id  INTEGER REFERENCES collections (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    path       TEXT    NOT NULL,
    kind       TEXT    NOT NULL DEFAULT 'manual' CHECK (kind IN ('manual', 'smart')),
    query      TEXT,
    cover_id   INTEGER REFERENCES assets (id) ON DELETE SET NULL,
    assets     INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX collections_by_path ON collections (path COLLATE NOCASE);
CREATE INDEX collections_by_parent ON collections (parent_id);

-- Membership: `position` orders a manual collection (ascending; new members go to the end).
-- The primary key (collection, asset) is the index `collection:NAME` searches probe and walk.
CREATE TABLE collection_assets (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    asset_id      INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    PRIMARY KEY (collection_id, asset_id)
) WITHOUT ROWID;
CREATE INDEX collection_assets_by_asset ON collection_assets (asset_id);
-- The manual order, and the next position (max) in one seek instead of a walk over every member.
CREATE INDEX collection_assets_by_position ON collection_assets (collection_id, position);

-- Variables of a collection (key -> text), e.g. a campaign's legal line, used by renditions' overlays.
CREATE TABLE collection_variables (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    key           TEXT    NOT NULL,
    value         TEXT    NOT NULL,
    PRIMARY KEY (collection_id, key)
) WITHOUT ROWID;

CREATE TRIGGER collections_member_insert AFTER INSERT ON collection_assets BEGIN
    UPDATE collections SET assets = assets + 1 WHERE id = NEW.collection_id;
END;

CREATE TRIGGER collections_member_delete AFTER DELETE ON collection_assets BEGIN
    UPDATE collections SET assets = assets - 1 WHERE id = OLD.collection_id;
END;
