-- The audit screen filters by citizen (the record and what belongs to it, by subject id alone), by staff member
-- and by time, newest first. Derby cannot read an index backwards, so each index is in the order the screen asks
-- for (time descending, then sequence): the first page comes from the index without sorting a staff member's year.
CREATE INDEX ix_audit_subject_id ON audit_event (subject_id, occurred_at DESC, sequence_number DESC);
CREATE INDEX ix_audit_actor_time ON audit_event (actor_id, occurred_at DESC, sequence_number DESC);
CREATE INDEX ix_audit_time ON audit_event (occurred_at DESC, sequence_number DESC);
