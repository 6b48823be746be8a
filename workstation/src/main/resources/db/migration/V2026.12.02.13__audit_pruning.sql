-- Events older than the retention period, shipped and countersigned, may leave the replica (central keeps them).
-- The last pruned event's sequence and hash stay as the anchor the remaining chain links to; the anchor is trusted
-- because the chain from it to the countersigned head verifies, and only the centre's key signs that head.
ALTER TABLE audit_chain_head ADD COLUMN pruned_sequence BIGINT;
ALTER TABLE audit_chain_head ADD COLUMN pruned_hash VARCHAR(64);
