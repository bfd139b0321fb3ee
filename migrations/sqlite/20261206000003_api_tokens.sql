-- API tokens: other systems (a portfolio tool, a mail merge, a script)
-- call /api/v1 with one. Only the token's SHA-256 is stored; the token is
-- shown once, when an admin creates it.
CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id        INTEGER NOT NULL REFERENCES organisations (id),
    name          TEXT    NOT NULL,
    token_hash    TEXT    NOT NULL UNIQUE,
    scope         TEXT    NOT NULL CHECK (scope IN ('read', 'draft', 'render')),
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    last_used_at  TEXT,
    revoked_at    TEXT
);
CREATE INDEX api_tokens_by_org ON api_tokens (org_id, id);
