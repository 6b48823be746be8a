-- Replica only: the outbox of commands waiting for central, its gap-free per-node counter, and sync state.
-- Versions are dates from here on (common, central and replica migrations interleave in time, so a later
-- common migration can never sort before one a database already applied).
CREATE TABLE outbox_counter (
    id INTEGER NOT NULL,
    last_sequence BIGINT NOT NULL,
    CONSTRAINT pk_outbox_counter PRIMARY KEY (id)
);
INSERT INTO outbox_counter (id, last_sequence) VALUES (1, 0);

CREATE TABLE outbox_command (
    sequence_number BIGINT NOT NULL,
    command_id ${uuid} NOT NULL,
    command_type VARCHAR(40) NOT NULL,
    payload_version INTEGER NOT NULL,
    payload VARCHAR(8000) NOT NULL,
    subject_table VARCHAR(40),
    subject_id ${uuid},
    actor_id ${uuid},
    actor_name VARCHAR(50) NOT NULL,
    created_at ${timestamp} NOT NULL,
    state VARCHAR(12) NOT NULL,
    result_code VARCHAR(40),
    result_detail VARCHAR(1000),
    acknowledged_at ${timestamp},
    CONSTRAINT pk_outbox_command PRIMARY KEY (sequence_number),
    CONSTRAINT uq_outbox_command_id UNIQUE (command_id)
);
CREATE INDEX ix_outbox_state ON outbox_command (state, sequence_number);
-- A pull must not overwrite a row that a pending local command changed: looked up by subject.
CREATE INDEX ix_outbox_subject ON outbox_command (subject_table, subject_id, state);

-- Where pulling stands: the last change-log sequence applied, moved in the same transaction as the rows.
CREATE TABLE sync_state (
    id INTEGER NOT NULL,
    pull_cursor BIGINT NOT NULL,
    last_pull_at ${timestamp},
    last_push_at ${timestamp},
    CONSTRAINT pk_sync_state PRIMARY KEY (id)
);
INSERT INTO sync_state (id, pull_cursor) VALUES (1, 0);
