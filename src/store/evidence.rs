//! The stored evidence library: sources, and their claims in a table of
//! their own. Every source belongs to one organisation; an organisation
//! sees its own sources, the sample library (built in) and sources other
//! organisations share. Every change is checked against the whole library
//! first (ids unique, dates well formed), then the in-memory copy that
//! rendering uses is replaced.
//!
//! A source cited by any stored draft version or template version, or
//! shared with others, is never deleted (the `citations` table remembers
//! every citation); it can be retired instead: hidden from the picker,
//! still rendering the documents that cite it.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, PoisonError};

use super::{corrupt, now, Store, StoreError, Tx};
use crate::accounts::{Caller, OrgId};
use crate::compose::Template;
use crate::evidence::{Claim, Library, Source};
use crate::i18n::{msg, Message};

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ImportReport {
    pub added: Vec<String>,
    /// Ids already in the library: left as they are.
    pub skipped: Vec<String>,
}

/// Who owns a source and how it may be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceMeta {
    pub org: OrgId,
    /// The owner's name, for other organisations to see who shares it.
    pub org_name: String,
    pub shared: bool,
    pub retired: bool,
}

/// Every source with its owner: what the per-organisation libraries are cut from.
#[derive(Debug, Default)]
pub struct Evidence {
    pub all: Library,
    pub meta: HashMap<String, SourceMeta>,
}

impl Evidence {
    fn visible(&self, org: OrgId, id: &str) -> bool {
        self.meta
            .get(id)
            .is_some_and(|m| m.org == org || m.org == OrgId::BUILT_IN || m.shared)
    }
}

impl Store {
    /// Loads the sample evidence library once, on the first start, as the
    /// built-in owner's.
    pub async fn seed_evidence(&self, path: &Path) -> Result<(), StoreError> {
        let done: Option<String> =
            sqlx::query_scalar("SELECT done_at FROM seeded WHERE name = 'sample-evidence'")
                .fetch_optional(self.pool())
                .await?;
        if done.is_some() {
            return Ok(());
        }
        let sample = Library::load(path).map_err(StoreError::invalid_as_given)?;
        let mut tx = self.write().await?;
        for (position, source) in sample.sources.iter().enumerate() {
            write_source(&mut tx, OrgId::BUILT_IN, source, position as i64).await?;
        }
        sqlx::query("INSERT INTO seeded (name, done_at) VALUES ('sample-evidence', $1)")
            .bind(now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.reload_library().await
    }

    /// The evidence generation the database is at: raised by every change
    /// to sources, claims or their owners' names, on any instance.
    async fn evidence_generation(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT value FROM generations WHERE name = 'evidence'")
                .fetch_one(self.pool())
                .await?,
        )
    }

    /// The evidence library's version: its change counter, recorded in
    /// packet manifests.
    pub async fn evidence_version(&self) -> Result<i64, StoreError> {
        self.evidence_generation().await
    }

    /// Reads the whole library from the database into the in-memory copy.
    pub(super) async fn reload_library(&self) -> Result<(), StoreError> {
        type SourceRow = (
            String,
            String,
            Option<i64>,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        // Read before the data: a change that lands in between makes the
        // copy newer than its generation says, which costs one more
        // reload, never a stale copy taken for fresh.
        let generation = self.evidence_generation().await?;
        let sources: Vec<SourceRow> = sqlx::query_as(
            "SELECT s.id, s.data, s.org_id, o.name, s.shared_at, s.retired_at
             FROM evidence_sources s LEFT JOIN organisations o ON o.id = s.org_id
             ORDER BY s.position, s.id",
        )
        .fetch_all(self.pool())
        .await?;
        let claims: Vec<(String, String)> = sqlx::query_as(
            "SELECT source_id, data FROM evidence_claims ORDER BY source_id, position",
        )
        .fetch_all(self.pool())
        .await?;
        // Each source's claims, in order, found by id: scanning every claim
        // for each source made a reload take sources × claims.
        let mut claims_of: HashMap<String, Vec<String>> = HashMap::new();
        for (source_id, data) in claims {
            claims_of.entry(source_id).or_default().push(data);
        }
        let mut evidence = Evidence::default();
        for (id, data, org, org_name, shared_at, retired_at) in sources {
            let mut source: Source =
                serde_json::from_str(&data).map_err(|e| corrupt(&format!("source `{id}`"), e))?;
            for data in claims_of.remove(&id).unwrap_or_default() {
                let claim: Claim = serde_json::from_str(&data)
                    .map_err(|e| corrupt(&format!("a claim of source `{id}`"), e))?;
                source.claims.push(claim);
            }
            evidence.meta.insert(
                id,
                SourceMeta {
                    // Sources from before accounts with no organisation yet
                    // are seen by nobody until one adopts them.
                    org: OrgId(org.unwrap_or(0)),
                    org_name: org_name.unwrap_or_default(),
                    shared: shared_at.is_some(),
                    retired: retired_at.is_some(),
                },
            );
            evidence.all.sources.push(source);
        }
        let mut cached = self
            .evidence
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        // Two requests may reload at once: the newer copy stays.
        if generation >= cached.0 {
            *cached = (generation, Arc::new(evidence));
        }
        Ok(())
    }

    /// The copy in memory and the generation it was read at.
    fn cached_evidence(&self) -> (i64, Arc<Evidence>) {
        // A poisoned lock only means a panic elsewhere; the value inside is whole.
        let cached = self.evidence.read().unwrap_or_else(PoisonError::into_inner);
        (cached.0, cached.1.clone())
    }

    /// Every source and its owner as the database holds them now: the copy
    /// in memory, read again first when any instance changed the library
    /// since (one small query per call).
    pub async fn evidence(&self) -> Result<Arc<Evidence>, StoreError> {
        Ok(self.fresh_evidence().await?.1)
    }

    /// [`Store::evidence`] with the generation of the copy returned.
    async fn fresh_evidence(&self) -> Result<(i64, Arc<Evidence>), StoreError> {
        let generation = self.evidence_generation().await?;
        if self.cached_evidence().0 != generation {
            self.reload_library().await?;
        }
        Ok(self.cached_evidence())
    }

    /// The library as `org` renders with it: its own sources, the sample
    /// library and shared sources (retired ones included, so that old
    /// documents still render). Cut once per change and kept.
    pub async fn library_for(&self, org: OrgId) -> Result<Arc<Library>, StoreError> {
        let (generation, evidence) = self.fresh_evidence().await?;
        let mut cache = self
            .org_libraries
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some((at, library)) = cache.get(&org) {
            if *at == generation {
                return Ok(library.clone());
            }
        }
        let library = Arc::new(Library {
            sources: evidence
                .all
                .sources
                .iter()
                .filter(|s| evidence.visible(org, &s.id))
                .cloned()
                .collect(),
        });
        cache.insert(org, (generation, library.clone()));
        Ok(library)
    }

    /// Checks that `caller`'s organisation may change source `id`: another's
    /// source is "not found" unless shared or built in, then refused.
    async fn check_source_owner(&self, caller: &Caller, id: &str) -> Result<(), StoreError> {
        let evidence = self.evidence().await?;
        match evidence.meta.get(id) {
            Some(meta) if meta.org == caller.org => Ok(()),
            Some(meta) if evidence.visible(caller.org, id) => Err(StoreError::Forbidden(msg!(
                "store-source-not-yours",
                source = id,
                owner = meta.org_name.as_str()
            ))),
            _ => Err(no_source(id)),
        }
    }

    /// Adds a source, or replaces the one with the same id when `replace` is set.
    pub async fn save_source(
        &self,
        caller: &Caller,
        source: Source,
        replace: bool,
    ) -> Result<(), StoreError> {
        let evidence = self.evidence().await?;
        let mut library = evidence.all.clone();
        match library.sources.iter().position(|s| s.id == source.id) {
            Some(_) if !replace => return Err(source_id_taken(&source.id)),
            Some(index) => {
                self.check_source_owner(caller, &source.id).await?;
                library.sources[index] = source.clone()
            }
            None if replace => return Err(no_source(&source.id)),
            None => library.sources.push(source.clone()),
        }
        library.validate().map_err(StoreError::Invalid)?;
        let mut tx = self.write().await?;
        // Checked again under the write lock: another request may have
        // added this id since the library above was read.
        let owner: Option<Option<i64>> =
            sqlx::query_scalar("SELECT org_id FROM evidence_sources WHERE id = $1")
                .bind(&source.id)
                .fetch_optional(&mut *tx)
                .await?;
        match (owner, replace) {
            (Some(_), false) => return Err(source_id_taken(&source.id)),
            (Some(org), true) if org != Some(caller.org.0) => return Err(no_source(&source.id)),
            (None, true) => return Err(no_source(&source.id)),
            _ => {}
        }
        let position: i64 = sqlx::query_scalar(
            "SELECT COALESCE((SELECT position FROM evidence_sources WHERE id = $1),
                             (SELECT COALESCE(MAX(position), -1) + 1 FROM evidence_sources))",
        )
        .bind(&source.id)
        .fetch_one(&mut *tx)
        .await?;
        write_source(&mut tx, caller.org, &source, position).await?;
        let action = if replace { "edit source" } else { "add source" };
        super::accounts::insert_audit(
            &mut tx,
            Some(caller.org),
            &caller.email,
            action,
            &source.id,
            "",
        )
        .await?;
        tx.commit().await?;
        self.reload_library().await
    }

    /// What cites a source, as the refusal to delete it lists it: the
    /// caller's own drafts and templates by name, others' only counted.
    async fn citing(&self, org: OrgId, id: &str) -> Result<Vec<Message>, StoreError> {
        // kind, owner, version, the owner's organisation, the draft's title
        type CitingRow = (String, String, i64, Option<i64>, Option<String>);
        let rows: Vec<CitingRow> = sqlx::query_as(
            "SELECT c.kind, c.owner, c.version,
                    CASE c.kind WHEN 'draft' THEN d.org_id ELSE t.org_id END,
                    d.title
             FROM citations c
             LEFT JOIN drafts d ON c.kind = 'draft' AND CAST(d.id AS TEXT) = c.owner
             LEFT JOIN templates t ON c.kind = 'template' AND t.id = c.owner AND t.version = c.version
             WHERE c.source_id = $1 ORDER BY c.kind, c.owner, c.version",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        let mut citing: Vec<Message> = Vec::new();
        let mut others: i64 = 0;
        for (kind, owner, version, org_id, title) in rows {
            if org_id != Some(org.0) {
                others += 1;
            } else if kind == "draft" {
                citing.push(msg!(
                    "store-cited-by-draft",
                    id = owner,
                    title = title.unwrap_or_default(),
                    version = version
                ));
            } else {
                citing.push(msg!(
                    "store-cited-by-template",
                    id = owner,
                    version = version
                ));
            }
        }
        // In the order of their English wording, as the list always read.
        citing.sort_by_cached_key(Message::to_string);
        citing.dedup();
        if others > 0 {
            citing.push(msg!("store-cited-by-others", count = others));
        }
        Ok(citing)
    }

    /// Deletes a source nothing cites and nobody else uses; otherwise
    /// refuses and lists what cites it (retire it instead).
    pub async fn delete_source(&self, caller: &Caller, id: &str) -> Result<(), StoreError> {
        self.check_source_owner(caller, id).await?;
        let mut citing = self.citing(caller.org, id).await?;
        if self
            .evidence()
            .await?
            .meta
            .get(id)
            .is_some_and(|m| m.shared)
        {
            citing.push(msg!("store-cited-by-sharing"));
        }
        if !citing.is_empty() {
            return Err(StoreError::SourceInUse {
                source_id: id.to_owned(),
                drafts: citing,
            });
        }
        let mut tx = self.write().await?;
        // Checked again under the write lock: a save may have cited it since.
        let cited: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM citations WHERE source_id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        if cited > 0 {
            return Err(StoreError::SourceInUse {
                source_id: id.to_owned(),
                drafts: vec![msg!("store-cited-just-now")],
            });
        }
        sqlx::query("DELETE FROM evidence_sources WHERE id = $1 AND org_id = $2")
            .bind(id)
            .bind(caller.org.0)
            .execute(&mut *tx)
            .await?;
        super::accounts::insert_audit(
            &mut tx,
            Some(caller.org),
            &caller.email,
            "delete source",
            id,
            "",
        )
        .await?;
        tx.commit().await?;
        self.reload_library().await
    }

    /// Retires a source (hidden from the picker, still rendering what
    /// cites it), or brings it back.
    pub async fn set_source_retired(
        &self,
        caller: &Caller,
        id: &str,
        retired: bool,
    ) -> Result<(), StoreError> {
        self.check_source_owner(caller, id).await?;
        sqlx::query("UPDATE evidence_sources SET retired_at = $1 WHERE id = $2 AND org_id = $3")
            .bind(retired.then(now))
            .bind(id)
            .bind(caller.org.0)
            .execute(self.pool())
            .await?;
        let action = if retired {
            "retire source"
        } else {
            "bring back source"
        };
        self.audit(Some(caller.org), &caller.email, action, id, "")
            .await?;
        self.reload_library().await
    }

    /// Shares a source read-only with every organisation. Sharing is for
    /// good: others may cite it from then on.
    pub async fn share_source(&self, caller: &Caller, id: &str) -> Result<(), StoreError> {
        self.check_source_owner(caller, id).await?;
        sqlx::query(
            "UPDATE evidence_sources SET shared_at = COALESCE(shared_at, $1) WHERE id = $2 AND org_id = $3",
        )
        .bind(now())
        .bind(id)
        .bind(caller.org.0)
        .execute(self.pool())
        .await?;
        self.audit(Some(caller.org), &caller.email, "share source", id, "")
            .await?;
        self.reload_library().await
    }

    /// Adds every source whose id is new; sources already there are skipped,
    /// never overwritten. All or nothing: one invalid source stops the import.
    pub async fn import_sources(
        &self,
        caller: &Caller,
        sources: Vec<Source>,
    ) -> Result<ImportReport, StoreError> {
        let mut library = self.evidence().await?.all.clone();
        let mut report = ImportReport::default();
        let mut added = Vec::new();
        for source in sources {
            if library.source(&source.id).is_some() {
                report.skipped.push(source.id);
            } else {
                report.added.push(source.id.clone());
                library.sources.push(source.clone());
                added.push(source);
            }
        }
        library.validate().map_err(StoreError::Invalid)?;
        let mut tx = self.write().await?;
        let first: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(position), -1) + 1 FROM evidence_sources")
                .fetch_one(&mut *tx)
                .await?;
        let mut offset = 0;
        for source in &added {
            // Added by another request since the library was read: skipped,
            // never overwritten.
            let taken: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM evidence_sources WHERE id = $1")
                    .bind(&source.id)
                    .fetch_one(&mut *tx)
                    .await?;
            if taken > 0 {
                report.added.retain(|id| *id != source.id);
                report.skipped.push(source.id.clone());
                continue;
            }
            write_source(&mut tx, caller.org, source, first + offset).await?;
            offset += 1;
        }
        let detail = format!(
            "{} added, {} skipped",
            report.added.len(),
            report.skipped.len()
        );
        super::accounts::insert_audit(
            &mut tx,
            Some(caller.org),
            &caller.email,
            "import sources",
            "",
            &detail,
        )
        .await?;
        tx.commit().await?;
        self.reload_library().await?;
        Ok(report)
    }

    /// Fills the citation index for versions stored before it existed;
    /// runs once.
    pub async fn index_citations(&self) -> Result<(), StoreError> {
        let done: Option<String> =
            sqlx::query_scalar("SELECT done_at FROM seeded WHERE name = 'citation-index'")
                .fetch_optional(self.pool())
                .await?;
        if done.is_some() {
            return Ok(());
        }
        let templates: Vec<(String, i64)> =
            sqlx::query_as("SELECT id, version FROM templates ORDER BY id, version")
                .fetch_all(self.pool())
                .await?;
        let versions: Vec<(i64, i64, String, String, i64, i64)> = sqlx::query_as(
            "SELECT v.draft_id, v.number, v.answers, d.template_id,
                    COALESCE(v.template_version, d.template_version), d.org_id
             FROM draft_versions v JOIN drafts d ON d.id = v.draft_id",
        )
        .fetch_all(self.pool())
        .await?;
        // Everything is read before the transaction starts: no pool
        // connection is asked for while it holds the write lock.
        let mut by_templates: Vec<(String, String, i64)> = Vec::new();
        for (id, version) in templates {
            let template = self.template(&id, version).await?;
            for source in crate::compose::lint::cited_sources(&template.body) {
                by_templates.push((source, id.clone(), version));
            }
        }
        let mut by_drafts: Vec<(String, OrgId, i64, i64)> = Vec::new();
        for (draft, number, answers, template_id, template_version, org) in versions {
            let template = self.template(&template_id, template_version).await?;
            let answers =
                serde_json::from_str(&answers).map_err(|e| corrupt("draft answers", e))?;
            for source in crate::drafts::cited_sources(&template.front.fields, &answers) {
                by_drafts.push((source, OrgId(org), draft, number));
            }
        }
        let mut tx = self.write().await?;
        for (source, template, version) in by_templates {
            record_citation(&mut tx, &source, &template, version).await?;
        }
        for (source, org, draft, version) in by_drafts {
            record_draft_citation(&mut tx, org, &source, draft, version).await?;
        }
        sqlx::query("INSERT INTO seeded (name, done_at) VALUES ('citation-index', $1)")
            .bind(now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Remembers that version `version` of draft `draft`, of organisation
/// `org`, cites `source`, if `org` can see that source. A draft's answers
/// may name any id (they are the drafter's text), but only a source its
/// organisation can render with is one it relies on: recording another
/// organisation's private source, or an id nobody has yet, would let any
/// drafter stop that organisation from deleting it.
pub(super) async fn record_draft_citation(
    tx: &mut Tx<'_>,
    org: OrgId,
    source: &str,
    draft: i64,
    version: i64,
) -> Result<(), StoreError> {
    // The same test as `Evidence::visible`, read under the write lock.
    sqlx::query(
        "INSERT INTO citations (source_id, kind, owner, version)
         SELECT s.id, 'draft', $1, $2 FROM evidence_sources s
         WHERE s.id = $3 AND (s.org_id = $4 OR s.org_id = $5 OR s.shared_at IS NOT NULL)
         ON CONFLICT DO NOTHING",
    )
    .bind(draft.to_string())
    .bind(version)
    .bind(source)
    .bind(org.0)
    .bind(OrgId::BUILT_IN.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Remembers that a version of a template cites `source`.
async fn record_citation(
    tx: &mut Tx<'_>,
    source: &str,
    template: &str,
    version: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO citations (source_id, kind, owner, version) VALUES ($1, 'template', $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(source)
    .bind(template)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Remembers the sources a template version's body cites by id.
pub(super) async fn record_template_citations(
    tx: &mut Tx<'_>,
    template: &Template,
    version: i64,
) -> Result<(), StoreError> {
    for source in crate::compose::lint::cited_sources(&template.body) {
        record_citation(tx, &source, template.id(), version).await?;
    }
    Ok(())
}

fn no_source(id: &str) -> StoreError {
    StoreError::NotFound(msg!("store-no-source", source = id))
}

fn source_id_taken(id: &str) -> StoreError {
    StoreError::Invalid(msg!("store-source-id-taken", source = id))
}

async fn write_source(
    tx: &mut Tx<'_>,
    org: OrgId,
    source: &Source,
    position: i64,
) -> Result<(), StoreError> {
    let mut without_claims = source.clone();
    let claims = std::mem::take(&mut without_claims.claims);
    let data = serde_json::to_string(&without_claims).map_err(StoreError::invalid_as_given)?;
    sqlx::query(
        "INSERT INTO evidence_sources (id, position, data, updated_at, org_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
    )
    .bind(&source.id)
    .bind(position)
    .bind(data)
    .bind(now())
    .bind(org.0)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM evidence_claims WHERE source_id = $1")
        .bind(&source.id)
        .execute(&mut **tx)
        .await?;
    for (position, claim) in claims.iter().enumerate() {
        let data = serde_json::to_string(claim).map_err(StoreError::invalid_as_given)?;
        sqlx::query(
            "INSERT INTO evidence_claims (source_id, id, position, data) VALUES ($1, $2, $3, $4)",
        )
        .bind(&source.id)
        .bind(&claim.id)
        .bind(position as i64)
        .bind(data)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
