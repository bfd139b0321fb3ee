-- A campaign's drafts are found by company (ignoring case) and meeting year.
-- The company's name folded to lower case by the app (Unicode-aware, which
-- SQLite's lower() is not) is kept beside it and indexed, so a preview finds
-- the other drafts of its campaign without reading every draft. Rows saved
-- before this column existed are filled in when the store opens.
ALTER TABLE drafts ADD COLUMN company_key TEXT;
CREATE INDEX drafts_by_company ON drafts (org_id, company_key);
