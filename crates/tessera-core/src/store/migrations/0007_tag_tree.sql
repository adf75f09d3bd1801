-- Tags become a tree. A tag's name stays its full path (`Brand/Product/Sneaker`, unique without regard to case), so
-- an asset's tags read as paths everywhere and the full-text index holds every part of them; `parent_id` is the tag
-- one level up. `tag_paths` is the tree's closure (every tag with itself and each of its ancestors), so "this tag and
-- everything beneath it" is one index range, and `tags.total` (assets carrying the tag or any tag beneath it, each
-- counted once) is kept in step by triggers as `uses` is: the sidebar reads counts, never recounts.
--   tags.colour: '#rrggbb' or NULL.
--   tag_synonyms: another name that resolves to the tag, in searches and edits (`trainer` ~ `Footwear/Sneaker`);
--   a rename or a merge keeps the old paths as synonyms, so saved queries and scripts that name them keep working.
--   edits.undoable: 0 for entries that are on record but that `undo` passes over (tag renames and merges, which
--   change names rather than assets' values).
ALTER TABLE tags ADD COLUMN parent_id INTEGER REFERENCES tags (id);
ALTER TABLE tags ADD COLUMN colour TEXT;
ALTER TABLE tags ADD COLUMN total INTEGER NOT NULL DEFAULT 0;
CREATE INDEX tags_by_parent ON tags (parent_id);

CREATE TABLE tag_paths (
    ancestor_id INTEGER NOT NULL REFERENCES tags (id),
    tag_id      INTEGER NOT NULL REFERENCES tags (id),
    PRIMARY KEY (ancestor_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX tag_paths_by_tag ON tag_paths (tag_id, ancestor_id);

CREATE TABLE tag_synonyms (
    name   TEXT PRIMARY KEY COLLATE NOCASE,
    tag_id INTEGER NOT NULL REFERENCES tags (id)
) WITHOUT ROWID;
CREATE INDEX tag_synonyms_by_tag ON tag_synonyms (tag_id);

ALTER TABLE edits ADD COLUMN undoable INTEGER NOT NULL DEFAULT 1;

-- Existing names with a `/` were paths already: make their ancestors (a well-formed path only: no empty part, no
-- `/` at either end; other names stay flat), then link each tag to its parent.
WITH RECURSIVE prefix (path, rest) AS (
    SELECT substr(name, 1, instr(name, '/') - 1), substr(name, instr(name, '/') + 1)
      FROM tags
     WHERE instr(name, '/') > 0 AND name NOT LIKE '/%' AND name NOT LIKE '%/' AND instr(name, '//') = 0
    UNION
    SELECT path || '/' || substr(rest, 1, instr(rest, '/') - 1), substr(rest, instr(rest, '/') + 1)
      FROM prefix
     WHERE instr(rest, '/') > 0
)
INSERT OR IGNORE INTO tags (name) SELECT path FROM prefix;

-- The parent's path: the name with its last part cut (rtrim drops the trailing characters that are not `/`).
UPDATE tags
   SET parent_id = (SELECT p.id FROM tags p WHERE p.name = substr(rtrim(tags.name, replace(tags.name, '/', '')), 1,
                                                              length(rtrim(tags.name, replace(tags.name, '/', ''))) - 1))
 WHERE instr(name, '/') > 0 AND name NOT LIKE '/%' AND name NOT LIKE '%/' AND instr(name, '//') = 0;

WITH RECURSIVE up (tag_id, ancestor_id) AS (
    SELECT id, id FROM tags
    UNION ALL
    SELECT up.tag_id, t.parent_id FROM up JOIN tags t ON t.id = up.ancestor_id WHERE t.parent_id IS NOT NULL
)
INSERT INTO tag_paths (ancestor_id, tag_id) SELECT ancestor_id, tag_id FROM up;

UPDATE tags SET total = (SELECT count(DISTINCT at.asset_id) FROM tag_paths p JOIN asset_tags at ON at.tag_id = p.tag_id
                          WHERE p.ancestor_id = tags.id);

-- An asset newly carrying a tag counts once more for the tag and for each ancestor under which it carried nothing.
CREATE TRIGGER tag_totals_insert AFTER INSERT ON asset_tags BEGIN
    UPDATE tags SET total = total + 1
     WHERE id IN (SELECT ancestor_id FROM tag_paths WHERE tag_id = NEW.tag_id)
       AND NOT EXISTS (SELECT 1 FROM asset_tags o JOIN tag_paths p ON p.tag_id = o.tag_id AND p.ancestor_id = tags.id
                        WHERE o.asset_id = NEW.asset_id AND o.tag_id <> NEW.tag_id);
END;

CREATE TRIGGER tag_totals_delete AFTER DELETE ON asset_tags BEGIN
    UPDATE tags SET total = total - 1
     WHERE id IN (SELECT ancestor_id FROM tag_paths WHERE tag_id = OLD.tag_id)
       AND NOT EXISTS (SELECT 1 FROM asset_tags o JOIN tag_paths p ON p.tag_id = o.tag_id AND p.ancestor_id = tags.id
                        WHERE o.asset_id = OLD.asset_id);
END;

-- A new tag is its own ancestor; the store adds its ancestors' rows when it links the tag to a parent.
CREATE TRIGGER tag_paths_insert AFTER INSERT ON tags BEGIN
    INSERT INTO tag_paths (ancestor_id, tag_id) VALUES (NEW.id, NEW.id);
END;
