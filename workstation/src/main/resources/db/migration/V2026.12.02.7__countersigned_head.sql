-- The head of this workstation's audit chain as central verified and countersigned it (wire/CountersignedHead).
ALTER TABLE audit_chain_head ADD COLUMN countersigned_sequence BIGINT;
ALTER TABLE audit_chain_head ADD COLUMN countersigned_hash VARCHAR(64);
ALTER TABLE audit_chain_head ADD COLUMN countersigned_at ${timestamp};
ALTER TABLE audit_chain_head ADD COLUMN countersignature VARCHAR(200);
