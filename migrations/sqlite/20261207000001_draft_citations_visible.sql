-- A draft's citation of a source its organisation could not see (another
-- organisation's private source, or an id nobody had) was recorded all the
-- same, and kept that source's owner from ever deleting it. Saves no longer
-- record such citations (store::evidence::record_draft_citation); this
-- removes those recorded before. Sharing cannot be undone, so a source
-- visible when it was cited is visible now.
DELETE FROM citations
WHERE kind = 'draft' AND NOT EXISTS (
    SELECT 1 FROM drafts d JOIN evidence_sources s ON s.id = citations.source_id
    WHERE CAST(d.id AS TEXT) = citations.owner
      AND (s.org_id = d.org_id OR s.org_id = 1 OR s.shared_at IS NOT NULL)
);
