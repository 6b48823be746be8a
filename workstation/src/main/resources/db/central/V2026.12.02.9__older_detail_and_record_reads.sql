-- Months older than the replicas' detail window stay at central only: the replicas count them in the
-- participation's prior months, and a record that needs them (a retiree's contributions, an early year's
-- rights-record statement, a self-service terminal without a replica) reads them through the service.
CREATE TABLE contribution_archive (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    person_id ${uuid} NOT NULL,
    employer_id ${uuid},
    contribution_month INTEGER NOT NULL,
    insurance_type VARCHAR(12) NOT NULL,
    region_code VARCHAR(6) NOT NULL,
    base DECIMAL(12,2) NOT NULL,
    employer_rate DECIMAL(6,4) NOT NULL,
    personal_rate DECIMAL(6,4) NOT NULL,
    employer_amount DECIMAL(12,2) NOT NULL,
    personal_amount DECIMAL(12,2) NOT NULL,
    status VARCHAR(10) NOT NULL,
    paid_on DATE,
    CONSTRAINT pk_contribution_archive PRIMARY KEY (id),
    CONSTRAINT fk_contribution_archive_person_id FOREIGN KEY (person_id) REFERENCES insured_person (id),
    CONSTRAINT fk_contribution_archive_employer_id FOREIGN KEY (employer_id) REFERENCES employer (id)
);
CREATE INDEX ix_contribution_archive_person_month ON contribution_archive (person_id, contribution_month);

-- Every read of a person's record through the service, by whom and for what: a workstation's own views are in
-- its shipped audit chain, but a terminal has no chain and a read at central must be answerable too.
CREATE TABLE record_read (
    id ${uuid} NOT NULL,
    read_at ${timestamp} NOT NULL,
    node_code VARCHAR(20) NOT NULL,
    node_kind VARCHAR(10) NOT NULL,
    staff_id ${uuid},
    person_id ${uuid} NOT NULL,
    purpose VARCHAR(30) NOT NULL,
    tables_read VARCHAR(400) NOT NULL,
    CONSTRAINT pk_record_read PRIMARY KEY (id)
);
CREATE INDEX ix_record_read_person ON record_read (person_id, read_at);
