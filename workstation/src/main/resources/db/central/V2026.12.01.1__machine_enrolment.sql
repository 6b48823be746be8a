-- Machines are enrolled, not trusted: an admin opens a one-time code for a node code; the machine sends its
-- certificate request with it and gets a certificate from the centre's CA. Only the code's SHA-256 is kept.
CREATE TABLE enrolment_code (
    code_hash VARCHAR(64) NOT NULL,
    node_code VARCHAR(20) NOT NULL,
    node_kind VARCHAR(10) NOT NULL,
    site VARCHAR(40),
    created_at ${timestamp} NOT NULL,
    expires_at ${timestamp} NOT NULL,
    used_at ${timestamp},
    CONSTRAINT pk_enrolment_code PRIMARY KEY (code_hash)
);

-- Every certificate issued to a machine; the service checks its serial on each request, so revoking a stolen
-- machine takes effect at its next request, without waiting for a revocation list to reach anyone.
CREATE TABLE node_certificate (
    serial_number VARCHAR(40) NOT NULL,
    node_code VARCHAR(20) NOT NULL,
    node_kind VARCHAR(10) NOT NULL,
    site VARCHAR(40),
    issued_at ${timestamp} NOT NULL,
    expires_at ${timestamp} NOT NULL,
    revoked_at ${timestamp},
    revoked_reason VARCHAR(200),
    CONSTRAINT pk_node_certificate PRIMARY KEY (serial_number)
);
CREATE INDEX ix_node_certificate_node ON node_certificate (node_code);
