-- People: one profile per person who acts in the library (see domain/profile.rs). The first profile, the OS user as
-- admin, is made by the first command that runs on a library without any (app/people/resolve.rs): SQL cannot know
-- who the OS user is, and a library made before this migration gets its profile the same way.
CREATE TABLE profiles (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    role           TEXT    NOT NULL
        CHECK (role IN ('admin', 'brand_manager', 'reviewer', 'contributor', 'publisher', 'viewer')),
    email          TEXT,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at     INTEGER NOT NULL,
    last_acted_at  INTEGER,
    deactivated_at INTEGER
);
