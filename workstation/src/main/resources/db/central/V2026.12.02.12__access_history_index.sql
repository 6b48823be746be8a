-- The citizen's access statement reads every window's shipped openings and printings of one record.
CREATE INDEX ix_shipped_audit_subject ON shipped_audit_event (subject_id, occurred_at);
