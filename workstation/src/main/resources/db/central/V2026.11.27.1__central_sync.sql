-- Central only: registered workstations, the commands applied per workstation (idempotency and order),
-- the change log read by pulls, and conflicts for the supervisor queue.
CREATE TABLE sync_node (
    node_code VARCHAR(20) NOT NULL,
    registered_at ${timestamp} NOT NULL,
    last_applied_sequence BIGINT NOT NULL,
    active BOOLEAN NOT NULL,
    CONSTRAINT pk_sync_node PRIMARY KEY (node_code)
);

CREATE TABLE applied_command (
    node_code VARCHAR(20) NOT NULL,
    sequence_number BIGINT NOT NULL,
    command_id ${uuid} NOT NULL,
    command_type VARCHAR(40) NOT NULL,
    result_code VARCHAR(40) NOT NULL,
    result_detail VARCHAR(1000),
    applied_at ${timestamp} NOT NULL,
    CONSTRAINT pk_applied_command PRIMARY KEY (node_code, sequence_number),
    CONSTRAINT uq_applied_command_id UNIQUE (command_id),
    CONSTRAINT fk_applied_command_node FOREIGN KEY (node_code) REFERENCES sync_node (node_code)
);

-- One row; the committing transaction locks it, so change sequence order equals commit order and a pull
-- can never skip a change that commits late.
CREATE TABLE change_counter (
    id INTEGER NOT NULL,
    last_sequence BIGINT NOT NULL,
    CONSTRAINT pk_change_counter PRIMARY KEY (id)
);
INSERT INTO change_counter (id, last_sequence) VALUES (1, 0);

CREATE TABLE change_log (
    sequence_number BIGINT NOT NULL,
    table_name VARCHAR(40) NOT NULL,
    row_id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    operation VARCHAR(8) NOT NULL,
    origin_node VARCHAR(20),
    committed_at ${timestamp} NOT NULL,
    CONSTRAINT pk_change_log PRIMARY KEY (sequence_number)
);

CREATE TABLE sync_conflict (
    id ${uuid} NOT NULL,
    node_code VARCHAR(20) NOT NULL,
    command_id ${uuid} NOT NULL,
    conflict_kind VARCHAR(40) NOT NULL,
    detail VARCHAR(1000),
    status VARCHAR(12) NOT NULL,
    created_at ${timestamp} NOT NULL,
    CONSTRAINT pk_sync_conflict PRIMARY KEY (id)
);
CREATE INDEX ix_sync_conflict_status ON sync_conflict (status, created_at);
