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
END;

CREATE TRIGGER counters_asset_restore AFTER UPDATE OF trashed_at ON assets
WHEN OLD.trashed_at IS NOT NULL AND NEW.trashed_at IS NULL BEGIN
    INSERT OR IGNORE INTO counters (name, n) VALUES ('kind:' || NEW.kind, 0);
    UPDATE counters SET n = n + 1 WHERE name IN ('assets', 'kind:' || NEW.kind);
    UPDATE counters SET n = n - 1 WHERE name = 'trashed';
    UPDATE counters SET n = n + 1
     WHERE name = 'tagged' AND EXISTS (SELECT 1 FROM asset_tags WHERE asset_id = NEW.id);
END;

-- Tagging a trashed asset (an undo, a bulk edit by query) leaves 'tagged' alone; tags.uses still counts it.
DROP TRIGGER counters_tag_insert;
CREATE TRIGGER counters_tag_insert AFTER INSERT ON asset_tags BEGIN
    UPDATE tags SET uses = uses + 1 WHERE id = NEW.tag_id;
    UPDATE counters SET n = n + 1
     WHERE name = 'tagged' AND (SELECT count(*) FROM asset_tags WHERE asset_id = NEW.asset_id) = 1
       AND (SELECT trashed_at FROM assets WHERE id = NEW.asset_id) IS NULL;
END;

DROP TRIGGER counters_tag_delete;
CREATE TRIGGER counters_tag_delete AFTER DELETE ON asset_tags BEGIN
    UPDATE tags SET uses = uses - 1 WHERE id = OLD.tag_id;
    UPDATE counters SET n = n - 1
     WHERE name = 'tagged' AND NOT EXISTS (SELECT 1 FROM asset_tags WHERE asset_id = OLD.asset_id)
       AND (SELECT trashed_at FROM assets WHERE id = OLD.asset_id) IS NULL;
END;
