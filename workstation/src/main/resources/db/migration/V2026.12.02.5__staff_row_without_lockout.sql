-- The lockout moved to the replica-only staff_lockout (replica migration V2026.12.02.4); central never used it.
ALTER TABLE staff_user DROP COLUMN failed_attempts;
ALTER TABLE staff_user DROP COLUMN locked_until;
