-- A finished packet's ZIP in parts of at most a mebibyte, written as the
-- job finishes and read one at a time when it is downloaded, so neither
-- holds the whole ZIP in memory. `packet` stays for ZIPs stored before.
CREATE TABLE batch_packet_parts (
    job_id  INTEGER NOT NULL REFERENCES batch_jobs (id),
    part    INTEGER NOT NULL,
    bytes   BLOB    NOT NULL,
    PRIMARY KEY (job_id, part)
);
ALTER TABLE batch_jobs ADD COLUMN packet_size INTEGER;
