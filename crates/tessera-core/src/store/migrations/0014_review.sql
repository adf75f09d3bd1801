-- Reviews: workflow templates (TOML, parsed by domain/review.rs), one review per submission round of an asset, its
-- stages copied from the template at submission (rule, veto, what each waits for) with their reviewers (named people
-- or roles), one decision per reviewer per stage (changeable until the stage closes), and comments pinned to a point
-- or a rectangle of the picture (0..1 from the top-left) of the version they were made on.
CREATE TABLE review_templates (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    body       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
INSERT INTO review_templates (name, body, created_at) VALUES ('Default',
'# Any brand manager or admin approves.
[[stage]]
name = "Brand approval"
roles = ["brand_manager", "admin"]
rule = "any"
', 0);

CREATE TABLE reviews (
    id           INTEGER PRIMARY KEY,
    asset_id     INTEGER NOT NULL REFERENCES assets (id),
    template_id  INTEGER NOT NULL REFERENCES review_templates (id),
    round        INTEGER NOT NULL DEFAULT 1,
    submitted_by TEXT    NOT NULL,
    submitted_at INTEGER NOT NULL,
    message      TEXT,
    due          TEXT,
    state        TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    outcome      TEXT,
    resets       INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX reviews_one_open ON reviews (asset_id) WHERE state = 'open';
CREATE INDEX reviews_by_asset ON reviews (asset_id, id);
CREATE INDEX reviews_by_submitter ON reviews (submitted_by, id);

CREATE TABLE review_stages (
    review_id INTEGER NOT NULL REFERENCES reviews (id),
    idx       INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    rule      TEXT    NOT NULL,           -- any | all | a number
    veto      INTEGER,
    after     TEXT    NOT NULL DEFAULT '', -- indexes of the stages it waits for, comma-separated
    state     TEXT    NOT NULL CHECK (state IN ('waiting', 'active', 'closed')),
    outcome   TEXT,
    due_at    INTEGER,
    PRIMARY KEY (review_id, idx)
) WITHOUT ROWID;
CREATE INDEX review_stages_active ON review_stages (state, due_at) WHERE state = 'active';

CREATE TABLE review_reviewers (
    review_id INTEGER NOT NULL,
    idx       INTEGER NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('person', 'role')),
    name      TEXT    NOT NULL COLLATE NOCASE,
    PRIMARY KEY (review_id, idx, kind, name),
    FOREIGN KEY (review_id, idx) REFERENCES review_stages (review_id, idx)
) WITHOUT ROWID;
CREATE INDEX review_reviewers_by_name ON review_reviewers (kind, name);

CREATE TABLE review_decisions (
    review_id INTEGER NOT NULL,
    idx       INTEGER NOT NULL,
    reviewer  TEXT    NOT NULL COLLATE NOCASE,
    decision  TEXT    NOT NULL,
    comment   TEXT,
    at        INTEGER NOT NULL,
    PRIMARY KEY (review_id, idx, reviewer),
    FOREIGN KEY (review_id, idx) REFERENCES review_stages (review_id, idx)
) WITHOUT ROWID;

CREATE TABLE comments (
    id          INTEGER PRIMARY KEY,
    asset_id    INTEGER NOT NULL REFERENCES assets (id),
    review_id   INTEGER REFERENCES reviews (id),
    file_id     INTEGER,
    parent_id   INTEGER REFERENCES comments (id),
    author      TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    x           REAL,
    y           REAL,
    w           REAL,
    h           REAL,
    created_at  INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by TEXT
);
CREATE INDEX comments_by_asset ON comments (asset_id, id);
