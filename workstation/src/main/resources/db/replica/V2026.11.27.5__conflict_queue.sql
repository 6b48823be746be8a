-- The central conflict queue, replicated down so supervisors see it offline too (see central/SyncConflict).
CREATE TABLE sync_conflict (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    node_code VARCHAR(20) NOT NULL,
    command_id ${uuid} NOT NULL,
    conflict_kind VARCHAR(40) NOT NULL,
    detail VARCHAR(1000),
    status VARCHAR(12) NOT NULL,
    created_at ${timestamp} NOT NULL,
    command_type VARCHAR(40),
    person_id ${uuid},
    resolved_by ${uuid},
    resolved_at ${timestamp},
    resolution VARCHAR(500),
    CONSTRAINT pk_sync_conflict PRIMARY KEY (id)
);
CREATE INDEX ix_sync_conflict_status ON sync_conflict (status, created_at);
