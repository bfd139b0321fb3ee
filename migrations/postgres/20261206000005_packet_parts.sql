-- See the SQLite migration `packet_parts`.
CREATE TABLE batch_packet_parts (
    job_id  BIGINT  NOT NULL REFERENCES batch_jobs (id),
    part    BIGINT  NOT NULL,
    bytes   BYTEA   NOT NULL,
    PRIMARY KEY (job_id, part)
);
ALTER TABLE batch_jobs ADD COLUMN packet_size BIGINT;
