-- Each staff member's own signing key (security/StaffSigningKey): the public half central verifies against, the
-- private half sealed under a key derived from that person's password, replicated so a supervisor signs offline.
ALTER TABLE staff_user ADD COLUMN signing_public_key VARCHAR(100);
ALTER TABLE staff_user ADD COLUMN signing_key_sealed VARCHAR(300);
