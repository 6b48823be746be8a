-- Append-only, hash-chained audit log. Each row carries the SHA-256 of its predecessor; the head row
-- holds the newest sequence and hash, so deleting the newest rows is detected as well as editing any row.
CREATE TABLE audit_event (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    sequence_number BIGINT NOT NULL,
    occurred_at ${timestamp} NOT NULL,
    workstation_code VARCHAR(20) NOT NULL,
    actor_id ${uuid},
    actor_name VARCHAR(50) NOT NULL,
    action_code VARCHAR(40) NOT NULL,
    subject_type VARCHAR(40),
    subject_id VARCHAR(40),
    purpose VARCHAR(40),
    detail VARCHAR(1000),
    previous_hash VARCHAR(64) NOT NULL,
    entry_hash VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (id),
    CONSTRAINT uq_audit_event_sequence UNIQUE (sequence_number)
);
CREATE INDEX ix_audit_subject ON audit_event (subject_type, subject_id);

CREATE TABLE audit_chain_head (
    id INTEGER NOT NULL,
    last_sequence BIGINT NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_chain_head PRIMARY KEY (id)
);
INSERT INTO audit_chain_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
