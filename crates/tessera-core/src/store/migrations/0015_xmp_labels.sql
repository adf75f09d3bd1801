-- XMP, the rest of issue 8.
-- More XMP properties as built-in fields: photoshop:Headline and :Instructions, Iptc4xmpCore:CreatorContactInfo
-- (CiEmailWork, CiUrlWork, CiTelWork), xmpRights:WebStatement and :Marked (0/1), plus:Licensor/LicensorName.
ALTER TABLE assets ADD COLUMN headline      TEXT;
ALTER TABLE assets ADD COLUMN instructions  TEXT;
ALTER TABLE assets ADD COLUMN contact_email TEXT;
ALTER TABLE assets ADD COLUMN contact_url   TEXT;
ALTER TABLE assets ADD COLUMN contact_phone TEXT;
ALTER TABLE assets ADD COLUMN web_statement TEXT;
ALTER TABLE assets ADD COLUMN rights_marked INTEGER; -- 1 = copyrighted, 0 = public domain, NULL = unknown
ALTER TABLE assets ADD COLUMN licensor      TEXT;
-- The xmp:Label text as the file wrote it ("Approved", "Red"), kept beside the colour it maps to, so `xmp write`
-- writes the same text back while the colour still matches it.
ALTER TABLE assets ADD COLUMN label_text    TEXT;

-- Label sets: which label text stands for which colour. Defaults: Adobe Bridge's and Lightroom's sets.
-- `tessera label set NAME COLOUR` edits it. One text has one colour (case-insensitive).
CREATE TABLE label_names (
    name       TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    colour     TEXT NOT NULL CHECK (colour IN ('red', 'orange', 'yellow', 'green', 'blue', 'purple')),
    label_set  TEXT NOT NULL
);
INSERT INTO label_names (name, colour, label_set) VALUES
    ('Select', 'red', 'bridge'), ('Second', 'yellow', 'bridge'), ('Approved', 'green', 'bridge'),
    ('Review', 'blue', 'bridge'), ('To Do', 'purple', 'bridge'),
    ('Red', 'red', 'lightroom'), ('Orange', 'orange', 'lightroom'), ('Yellow', 'yellow', 'lightroom'),
    ('Green', 'green', 'lightroom'), ('Blue', 'blue', 'lightroom'), ('Purple', 'purple', 'lightroom');

-- Where an asset's embedded XMP and its sidecar disagreed at ingest: per field, both values and which won
-- ('embedded' or 'sidecar', the newer of the two).
CREATE TABLE xmp_conflicts (
    asset_id  INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    field     TEXT    NOT NULL,
    embedded  TEXT,
    sidecar   TEXT,
    winner    TEXT    NOT NULL CHECK (winner IN ('embedded', 'sidecar')),
    PRIMARY KEY (asset_id, field)
);

-- Library settings, by key (`tessera config set KEY VALUE`): xmp.naming = keep-extension | adobe.
CREATE TABLE library_settings (
    key    TEXT NOT NULL PRIMARY KEY,
    value  TEXT NOT NULL
);
