-- XMP sidecars written (issue 8): what `tessera xmp write` put into each sidecar, so `tessera xmp read` can merge an
-- edit made in another tool three ways (what we wrote, what the file says now, what the library says now).
--   written_json: the metadata::xmp_sidecar::SidecarProps written; at: unix seconds. One row per asset and path,
--   replaced on every write.
CREATE TABLE xmp_sidecars (
    asset_id     INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    path         TEXT    NOT NULL,
    written_json TEXT    NOT NULL,
    at           INTEGER NOT NULL,
    PRIMARY KEY (asset_id, path)
);
