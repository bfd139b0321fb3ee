-- A counter that every change to the evidence library raises in the same
-- transaction (by triggers, so that no writer can forget it). Each app
-- instance keeps the library in memory with the value it read it at and
-- reads the counter again before using it, so a source added through one
-- instance is seen by the others on their next request.
CREATE TABLE generations (
    name   TEXT    PRIMARY KEY,
    value  INTEGER NOT NULL
);
INSERT INTO generations (name, value) VALUES ('evidence', 0);

CREATE TRIGGER evidence_sources_added AFTER INSERT ON evidence_sources
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'evidence'; END;
CREATE TRIGGER evidence_sources_changed AFTER UPDATE ON evidence_sources
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'evidence'; END;
CREATE TRIGGER evidence_sources_deleted AFTER DELETE ON evidence_sources
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'evidence'; END;
CREATE TRIGGER evidence_claims_added AFTER INSERT ON evidence_claims
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'evidence'; END;
CREATE TRIGGER evidence_claims_changed AFTER UPDATE ON evidence_claims
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'evidence'; END;
CREATE TRIGGER evidence_claims_deleted AFTER DELETE ON evidence_claims
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'evidence'; END;
-- The library shows each source's owner by name.
CREATE TRIGGER organisations_renamed AFTER UPDATE OF name ON organisations
BEGIN UPDATE generations SET value = value + 1 WHERE name = 'evidence'; END;
