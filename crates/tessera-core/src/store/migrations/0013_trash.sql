-- The trash: a trashed asset keeps its row, its files and its tags until the trash is emptied; `trashed_at` says
-- when it went (NULL: not trashed). The default views leave trashed assets out (store/trash_sql.rs `hide_trashed`),
-- probing the few trashed ids through the partial index below, as for archived assets (migration 12).
ALTER TABLE assets ADD COLUMN trashed_at INTEGER;
CREATE INDEX assets_trashed ON assets (id) WHERE trashed_at IS NOT NULL;

-- Originals whose rows the emptying of the trash deleted, queued in the same transaction and taken off once the file
-- is gone: a crash between the two leaves the path here, and `tessera verify` finishes the job.
CREATE TABLE purged_files (
    stored_path TEXT PRIMARY KEY,
    hash        TEXT NOT NULL
) WITHOUT ROWID;

-- Counters (migration 4): 'assets', 'kind:*' and 'tagged' count the assets outside the trash; 'trashed' those in it.
-- The sidebar's per-tag counts (tags.uses, tags.total: migrations 4 and 7) and per-collection counts
-- (collections.assets: migration 9) leave trashed assets out too: a move in or out adjusts them, and tagging or adding
-- a trashed asset to a collection leaves them alone. Emptying deletes the tag and membership rows while the asset is
-- still there and trashed, so nothing is counted twice.
INSERT OR IGNORE INTO counters (name, n) VALUES ('trashed', 0);

DROP TRIGGER counters_asset_delete;
CREATE TRIGGER counters_asset_delete AFTER DELETE ON assets WHEN OLD.trashed_at IS NULL BEGIN
    UPDATE counters SET n = n - 1 WHERE name IN ('assets', 'kind:' || OLD.kind);
END;
CREATE TRIGGER counters_trashed_delete AFTER DELETE ON assets WHEN OLD.trashed_at IS NOT NULL BEGIN
    UPDATE counters SET n = n - 1 WHERE name = 'trashed';
END;

DROP TRIGGER counters_asset_kind;
CREATE TRIGGER counters_asset_kind AFTER UPDATE OF kind ON assets
WHEN NEW.kind IS NOT OLD.kind AND NEW.trashed_at IS NULL AND OLD.trashed_at IS NULL BEGIN
    INSERT OR IGNORE INTO counters (name, n) VALUES ('kind:' || NEW.kind, 0);
    UPDATE counters SET n = n - 1 WHERE name = 'kind:' || OLD.kind;
    UPDATE counters SET n = n + 1 WHERE name = 'kind:' || NEW.kind;
END;

CREATE TRIGGER counters_asset_trash AFTER UPDATE OF trashed_at ON assets
WHEN OLD.trashed_at IS NULL AND NEW.trashed_at IS NOT NULL BEGIN
    UPDATE counters SET n = n - 1 WHERE name IN ('assets', 'kind:' || OLD.kind);
    UPDATE counters SET n = n + 1 WHERE name = 'trashed';
    UPDATE counters SET n = n - 1
     WHERE name = 'tagged' AND EXISTS (SELECT 1 FROM asset_tags WHERE asset_id = NEW.id);
    UPDATE tags SET uses = uses - 1 WHERE id IN (SELECT tag_id FROM asset_tags WHERE asset_id = NEW.id);
    UPDATE tags SET total = total - 1
     WHERE id IN (SELECT p.ancestor_id FROM asset_tags at JOIN tag_paths p ON p.tag_id = at.tag_id WHERE at.asset_id = NEW.id);
    UPDATE collections SET assets = assets - 1
     WHERE id IN (SELECT collection_id FROM collection_assets WHERE asset_id = NEW.id);
END;

CREATE TRIGGER counters_asset_restore AFTER UPDATE OF trashed_at ON assets
WHEN OLD.trashed_at IS NOT NULL AND NEW.trashed_at IS NULL BEGIN
    INSERT OR IGNORE INTO counters (name, n) VALUES ('kind:' || NEW.kind, 0);
    UPDATE counters SET n = n + 1 WHERE name IN ('assets', 'kind:' || NEW.kind);
    UPDATE counters SET n = n - 1 WHERE name = 'trashed';
    UPDATE counters SET n = n + 1
     WHERE name = 'tagged' AND EXISTS (SELECT 1 FROM asset_tags WHERE asset_id = NEW.id);
    UPDATE tags SET uses = uses + 1 WHERE id IN (SELECT tag_id FROM asset_tags WHERE asset_id = NEW.id);
    UPDATE tags SET total = total + 1
     WHERE id IN (SELECT p.ancestor_id FROM asset_tags at JOIN tag_paths p ON p.tag_id = at.tag_id WHERE at.asset_id = NEW.id);
    UPDATE collections SET assets = assets + 1
     WHERE id IN (SELECT collection_id FROM collection_assets WHERE asset_id = NEW.id);
END;

-- Tagging a trashed asset (an undo, an edit by id) counts nowhere until it is restored. (An asset row already gone
-- reads as not trashed: the triggers then count as they did before this migration.)
DROP TRIGGER counters_tag_insert;
CREATE TRIGGER counters_tag_insert AFTER INSERT ON asset_tags
WHEN (SELECT trashed_at FROM assets WHERE id = NEW.asset_id) IS NULL BEGIN
    UPDATE tags SET uses = uses + 1 WHERE id = NEW.tag_id;
    UPDATE counters SET n = n + 1
     WHERE name = 'tagged' AND (SELECT count(*) FROM asset_tags WHERE asset_id = NEW.asset_id) = 1;
END;

DROP TRIGGER counters_tag_delete;
CREATE TRIGGER counters_tag_delete AFTER DELETE ON asset_tags
WHEN (SELECT trashed_at FROM assets WHERE id = OLD.asset_id) IS NULL BEGIN
    UPDATE tags SET uses = uses - 1 WHERE id = OLD.tag_id;
    UPDATE counters SET n = n - 1
     WHERE name = 'tagged' AND NOT EXISTS (SELECT 1 FROM asset_tags WHERE asset_id = OLD.asset_id);
END;

DROP TRIGGER tag_totals_insert;
CREATE TRIGGER tag_totals_insert AFTER INSERT ON asset_tags
WHEN (SELECT trashed_at FROM assets WHERE id = NEW.asset_id) IS NULL BEGIN
    UPDATE tags SET total = total + 1
     WHERE id IN (SELECT ancestor_id FROM tag_paths WHERE tag_id = NEW.tag_id)
       AND NOT EXISTS (SELECT 1 FROM asset_tags o JOIN tag_paths p ON p.tag_id = o.tag_id AND p.ancestor_id = tags.id
                        WHERE o.asset_id = NEW.asset_id AND o.tag_id <> NEW.tag_id);
END;

DROP TRIGGER tag_totals_delete;
CREATE TRIGGER tag_totals_delete AFTER DELETE ON asset_tags
WHEN (SELECT trashed_at FROM assets WHERE id = OLD.asset_id) IS NULL BEGIN
    UPDATE tags SET total = total - 1
     WHERE id IN (SELECT ancestor_id FROM tag_paths WHERE tag_id = OLD.tag_id)
       AND NOT EXISTS (SELECT 1 FROM asset_tags o JOIN tag_paths p ON p.tag_id = o.tag_id AND p.ancestor_id = tags.id
                        WHERE o.asset_id = OLD.asset_id);
END;

DROP TRIGGER collections_member_insert;
CREATE TRIGGER collections_member_insert AFTER INSERT ON collection_assets
WHEN (SELECT trashed_at FROM assets WHERE id = NEW.asset_id) IS NULL BEGIN
    UPDATE collections SET assets = assets + 1 WHERE id = NEW.collection_id;
END;

DROP TRIGGER collections_member_delete;
CREATE TRIGGER collections_member_delete AFTER DELETE ON collection_assets
WHEN (SELECT trashed_at FROM assets WHERE id = OLD.asset_id) IS NULL BEGIN
    UPDATE collections SET assets = assets - 1 WHERE id = OLD.collection_id;
END;
