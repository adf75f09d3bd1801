-- Search at a million assets: dates a full-text search can use (`tag:summer taken:2023 bea` checked the date of each
-- of the 49,000 assets matching the word and the tag to find 2,962).

-- 1. The taken year and month as tokens of a new `dates` column of `asset_text`: U+E000 (private use: a token
--    character no one types) + `y2023` and `m202305`. `taken:2023` and `taken:2023-05` become one more term of the
--    MATCH, so FTS5 intersects doclists instead of SQLite reading a date per candidate. The exact `taken_at` range
--    stays in the WHERE clause. An FTS5 table cannot gain a column: it is made again (at 1,000,000 assets ~1 min).
--    `asset_date_tokens` is the one definition of the tokens, for this copy and for every insert (store/assets_write.rs).
CREATE VIEW asset_date_tokens AS
SELECT id, CASE WHEN taken_at IS NULL THEN '' ELSE
    char(57344) || 'y' || strftime('%Y', taken_at, 'unixepoch') || ' ' ||
    char(57344) || 'm' || strftime('%Y%m', taken_at, 'unixepoch') END AS tokens
FROM assets;

CREATE VIRTUAL TABLE asset_text_v6 USING fts5 (
    name, title, description, tags, camera, uploader, dates,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO asset_text_v6 (rowid, name, title, description, tags, camera, uploader, dates)
SELECT t.rowid, t.name, t.title, t.description, t.tags, t.camera, t.uploader, ifnull(d.tokens, '')
FROM asset_text t LEFT JOIN asset_date_tokens d ON d.id = t.rowid;
DROP TABLE asset_text;
ALTER TABLE asset_text_v6 RENAME TO asset_text;

-- 2. The asset's dates by its id, for the candidates a date range still has to check (an `added>` range, or survivors
--    of the tokens): ~20 bytes an asset, ~200 to a page, where the asset's row is ~250 bytes, ~16 to a page.
CREATE INDEX assets_dates_by_id ON assets (id, taken_at, added_at);
