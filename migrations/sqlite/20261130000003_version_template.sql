-- Each draft version records the template version it was written with, so
-- a draft moved to a newer template keeps its earlier versions readable
-- and restorable with their own questions.
ALTER TABLE draft_versions ADD COLUMN template_version INTEGER;
UPDATE draft_versions SET template_version =
    (SELECT template_version FROM drafts WHERE drafts.id = draft_versions.draft_id);
