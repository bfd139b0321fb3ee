-- Templates: every version of every template, built-in or not. A draft
-- points at the exact version it was written with.
CREATE TABLE templates (
    id          TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    source      TEXT    NOT NULL,           -- the template file, front matter and body
    sample      TEXT,                       -- sample answers (JSON), if any
    origin      TEXT    NOT NULL,           -- 'built-in' or 'library'
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE drafts (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    title             TEXT    NOT NULL,
    template_id       TEXT    NOT NULL,
    template_version  INTEGER NOT NULL,
    company           TEXT    NOT NULL DEFAULT '',   -- copied from the answers for listing
    status            TEXT    NOT NULL DEFAULT 'draft'
                      CHECK (status IN ('draft', 'in-review', 'final')),
    archived          INTEGER NOT NULL DEFAULT 0,
    head              INTEGER NOT NULL,              -- number of the latest version
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    FOREIGN KEY (template_id, template_version) REFERENCES templates (id, version)
);

-- Every save is a version; versions are never changed or deleted.
CREATE TABLE draft_versions (
    draft_id    INTEGER NOT NULL REFERENCES drafts (id),
    number      INTEGER NOT NULL,
    answers     TEXT    NOT NULL,           -- JSON object: field id -> answer
    dismissals  TEXT    NOT NULL DEFAULT '{}', -- JSON object: warning id -> reason
    note        TEXT    NOT NULL DEFAULT '',
    saved_at    TEXT    NOT NULL,
    PRIMARY KEY (draft_id, number)
);

-- The sources the latest version of each draft cites, so a cited source
-- cannot be deleted from under it.
CREATE TABLE draft_sources (
    draft_id   INTEGER NOT NULL REFERENCES drafts (id),
    source_id  TEXT    NOT NULL,
    PRIMARY KEY (draft_id, source_id)
);
CREATE INDEX draft_sources_by_source ON draft_sources (source_id);

CREATE TABLE evidence_sources (
    id          TEXT    PRIMARY KEY,
    position    INTEGER NOT NULL,
    data        TEXT    NOT NULL,           -- JSON of the source, claims excluded
    updated_at  TEXT    NOT NULL
);

CREATE TABLE evidence_claims (
    source_id  TEXT    NOT NULL REFERENCES evidence_sources (id) ON DELETE CASCADE,
    id         TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    data       TEXT    NOT NULL,            -- JSON of the claim
    PRIMARY KEY (source_id, id)
);

-- One-time loads (the sample evidence library), so that deleting sample
-- data is not undone by the next start.
CREATE TABLE seeded (
    name       TEXT PRIMARY KEY,
    done_at    TEXT NOT NULL
);
