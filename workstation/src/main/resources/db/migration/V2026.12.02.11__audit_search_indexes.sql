-- The audit screen filters by citizen (the record and what belongs to it, by subject id alone), by staff member
-- over time, and by time: each an index, so a year of events is searched without reading it all.
CREATE INDEX ix_audit_subject_id ON audit_event (subject_id, occurred_at);
CREATE INDEX ix_audit_actor_time ON audit_event (actor_id, occurred_at);
CREATE INDEX ix_audit_time ON audit_event (occurred_at);
