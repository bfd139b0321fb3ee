-- Campaigns: a company's meeting, a lead filer, co-filers and the drafts
-- that belong to it. The shared answers (company, meeting dates, proposal
-- title, lead filer) are kept once here and copied into each member draft
-- as a new version when they change (unless the draft overrides them), so
-- a draft version stays the whole of what its files are rendered from.
CREATE TABLE campaigns (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id      INTEGER NOT NULL REFERENCES organisations (id),
    name        TEXT    NOT NULL,
    jurisdiction TEXT   NOT NULL,
    shared      TEXT    NOT NULL,                 -- JSON: campaigns::campaign::Shared
    revision    INTEGER NOT NULL DEFAULT 1,       -- raised by each edit; stale edits are refused
    created_by  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX campaigns_by_org ON campaigns (org_id, id);

-- A member draft names its campaign and, for a co-filer's documents, the co-filer.
ALTER TABLE drafts ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id);
ALTER TABLE drafts ADD COLUMN cofiler TEXT;
CREATE INDEX drafts_by_campaign ON drafts (campaign_id);

-- A co-filer list uploaded and waiting for its column mapping to be
-- confirmed: the table as read (JSON: header and rows of text cells).
CREATE TABLE campaign_imports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    file_name   TEXT    NOT NULL,
    table_json  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    used_at     TEXT                              -- set when its drafts were made
);
CREATE INDEX campaign_imports_by_campaign ON campaign_imports (campaign_id, id);
