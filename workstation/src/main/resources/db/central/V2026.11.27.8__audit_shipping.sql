-- Every workstation's audit chain, shipped row by row through the outbox: central keeps them all, each with its
-- workstation, sequence and hashes, so the centre can check any window's chain without that window.
CREATE TABLE shipped_audit_event (
    id ${uuid} NOT NULL,
    workstation_code VARCHAR(20) NOT NULL,
    sequence_number BIGINT NOT NULL,
    occurred_at ${timestamp} NOT NULL,
    actor_id ${uuid},
    actor_name VARCHAR(50) NOT NULL,
    action_code VARCHAR(40) NOT NULL,
    subject_type VARCHAR(40),
    subject_id VARCHAR(40),
    purpose VARCHAR(40),
    detail VARCHAR(1000),
    previous_hash VARCHAR(64) NOT NULL,
    entry_hash VARCHAR(64) NOT NULL,
    received_at ${timestamp} NOT NULL,
    CONSTRAINT pk_shipped_audit_event PRIMARY KEY (id),
    CONSTRAINT uq_shipped_audit_event UNIQUE (workstation_code, sequence_number)
);
