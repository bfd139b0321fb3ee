-- Accounts: organisations, their people and roles, sessions, invitations,
-- the audit log, and which organisation owns each stored thing.

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    slug        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('investor', 'advocacy', 'built-in')),
    created_at  TEXT    NOT NULL
);
-- The owner of the built-in templates and the sample evidence: readable by
-- everyone, changed by no one, and nobody signs in to it.
INSERT INTO organisations (id, slug, name, kind, created_at)
VALUES (1, 'built-in', 'Resolution Studio (built-in)', 'built-in', '2026-12-02T00:00:00.000000Z');

CREATE TABLE users (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id         INTEGER NOT NULL REFERENCES organisations (id),
    email          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    password_hash  TEXT    NOT NULL,           -- Argon2id, PHC string
    role           TEXT    NOT NULL CHECK (role IN ('admin', 'editor', 'drafter', 'viewer')),
    created_at     TEXT    NOT NULL
);

-- The cookie holds a random token; only its SHA-256 is stored, so a copy of
-- the database does not let anyone sign in.
CREATE TABLE sessions (
    token_hash    TEXT    PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    TEXT    NOT NULL,
    last_seen_at  TEXT    NOT NULL,
    expires_at    TEXT    NOT NULL               -- absolute expiry
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed sign-ins, per account (`email:…`) and per address (`ip:…`).
CREATE TABLE sign_in_failures (
    key  TEXT NOT NULL,
    at   TEXT NOT NULL
);
CREATE INDEX sign_in_failures_by_key ON sign_in_failures (key, at);

CREATE TABLE invitations (
    token_hash   TEXT    PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisations (id),
    email        TEXT    NOT NULL COLLATE NOCASE,
    role         TEXT    NOT NULL CHECK (role IN ('admin', 'editor', 'drafter', 'viewer')),
    invited_by   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL,
    accepted_at  TEXT
);

-- The one-time address printed on the console while no user exists.
CREATE TABLE setup_tokens (
    token_hash  TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL
);

CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id   INTEGER REFERENCES organisations (id),  -- NULL: no organisation known (a failed sign-in for an unknown email)
    at       TEXT    NOT NULL,
    actor    TEXT    NOT NULL,                       -- email, or `cli`, or `anonymous`
    action   TEXT    NOT NULL,
    target   TEXT    NOT NULL DEFAULT '',
    detail   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_org ON audit_log (org_id, id);

-- Ownership. NULL marks data stored before accounts existed: the first
-- organisation created adopts it (see store/accounts.rs).
ALTER TABLE drafts ADD COLUMN org_id INTEGER REFERENCES organisations (id);
CREATE INDEX drafts_by_org ON drafts (org_id, updated_at);

ALTER TABLE templates ADD COLUMN org_id INTEGER REFERENCES organisations (id);
-- A published version an advocacy organisation shares with everyone.
ALTER TABLE templates ADD COLUMN shared_at TEXT;
UPDATE templates SET org_id = 1 WHERE origin = 'built-in';

ALTER TABLE evidence_sources ADD COLUMN org_id INTEGER REFERENCES organisations (id);
ALTER TABLE evidence_sources ADD COLUMN shared_at TEXT;   -- readable by every organisation
ALTER TABLE evidence_sources ADD COLUMN retired_at TEXT;  -- hidden from the picker, still rendering
-- The sample library was loaded before accounts: it belongs to the built-in owner.
UPDATE evidence_sources SET org_id = 1
WHERE EXISTS (SELECT 1 FROM seeded WHERE name = 'sample-evidence')
  AND updated_at <= (SELECT done_at FROM seeded WHERE name = 'sample-evidence');

-- Every source any version of a draft or of a template cites, so that a
-- source still cited anywhere is never deleted. Filled on every save, and
-- for older rows once at start-up.
CREATE TABLE citations (
    source_id   TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('draft', 'template')),
    owner       TEXT    NOT NULL,   -- draft id, or template id
    version     INTEGER NOT NULL,
    PRIMARY KEY (source_id, kind, owner, version)
);

-- A final draft published for readers at an unguessable address.
CREATE TABLE publications (
    token         TEXT    PRIMARY KEY,
    draft_id      INTEGER NOT NULL REFERENCES drafts (id),
    org_id        INTEGER NOT NULL REFERENCES organisations (id),
    version       INTEGER NOT NULL,    -- the draft version readers see
    indexable     INTEGER NOT NULL DEFAULT 0,
    published_by  TEXT    NOT NULL,
    published_at  TEXT    NOT NULL,
    withdrawn_at  TEXT
);
CREATE INDEX publications_by_draft ON publications (draft_id);
ALTER TABLE draft_versions ADD COLUMN saved_by TEXT NOT NULL DEFAULT '';
