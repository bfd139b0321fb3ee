-- Template versions are saved as drafts and published on purpose: new
-- drafts start from the latest published version. Versions stored so far
-- were all in use, so they count as published.
ALTER TABLE templates ADD COLUMN published_at TEXT;     -- NULL: saved, not published
ALTER TABLE templates ADD COLUMN notes TEXT NOT NULL DEFAULT '';  -- release notes
UPDATE templates SET published_at = created_at;

-- A retired template is kept (drafts still render with it) but offered to
-- no new draft.
CREATE TABLE template_retirements (
    id          TEXT PRIMARY KEY,
    retired_at  TEXT NOT NULL
);
