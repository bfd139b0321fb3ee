-- Packets: a set of drafts rendered in the background into one ZIP. The
-- row is the job's whole state (progress, a request to stop, failures, the
-- ZIP itself), so any instance shows its progress and serves the ZIP, and
-- a page reload finds it again.
CREATE TABLE batch_jobs (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id         INTEGER NOT NULL REFERENCES organisations (id),
    created_by     TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    drafts         TEXT    NOT NULL,                 -- JSON array of draft ids, in packet order
    formats        TEXT    NOT NULL,                 -- `docx,pdf`
    state          TEXT    NOT NULL DEFAULT 'queued'
                   CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    total          INTEGER NOT NULL,
    done           INTEGER NOT NULL DEFAULT 0,
    files          INTEGER NOT NULL DEFAULT 0,
    failures       TEXT    NOT NULL DEFAULT '[]',    -- JSON: [{origin, stem, message}]
    stop_asked     INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT    NOT NULL,
    started_at     TEXT,
    heartbeat_at   TEXT,                             -- the running instance's last sign of life
    finished_at    TEXT,
    packet         BLOB,
    packet_sha256  TEXT
);
CREATE INDEX batch_jobs_by_org ON batch_jobs (org_id, id);
