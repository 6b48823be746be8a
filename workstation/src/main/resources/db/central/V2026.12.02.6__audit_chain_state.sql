-- How far central verified each workstation's shipped audit chain, and the first break it found (an edited row,
-- a gap, a broken link, a fork): IT is alerted and the chain is no longer countersigned; the queue moves on.
CREATE TABLE audit_chain_state (
    workstation_code VARCHAR(20) NOT NULL,
    verified_sequence BIGINT NOT NULL,
    verified_hash VARCHAR(64) NOT NULL,
    received_sequence BIGINT NOT NULL,
    problem_kind VARCHAR(20),
    problem_sequence BIGINT,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT pk_audit_chain_state PRIMARY KEY (workstation_code)
);
