-- Central's time as last measured: business timestamps are stamped with the local clock corrected by this
-- offset, and a local clock that went backwards is noticed against the last local time seen.
ALTER TABLE sync_state ADD COLUMN clock_offset_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN offset_measured_at ${timestamp};
ALTER TABLE sync_state ADD COLUMN last_local_at ${timestamp};
