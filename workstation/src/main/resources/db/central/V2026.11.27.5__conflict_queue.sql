-- The conflict queue is replicated to the workstations and resolved by commands: it gets a row version, the
-- citizen and command concerned, and the resolution.
ALTER TABLE sync_conflict ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sync_conflict ADD COLUMN command_type VARCHAR(40);
ALTER TABLE sync_conflict ADD COLUMN person_id ${uuid};
ALTER TABLE sync_conflict ADD COLUMN resolved_by ${uuid};
ALTER TABLE sync_conflict ADD COLUMN resolved_at ${timestamp};
ALTER TABLE sync_conflict ADD COLUMN resolution VARCHAR(500);
