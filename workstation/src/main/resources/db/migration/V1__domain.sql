-- Domain tables of the local replica (and of the central database: the same migrations run on both).
-- Placeholders: ${uuid} and ${timestamp} differ between Derby and PostgreSQL, see store/SqlFlavour.java.
-- Aggregates reference each other by id columns, not ORM associations, so sync can ship rows one by one.
-- Derby backs every foreign key with an index of its own; PostgreSQL does not, hence the composite indexes
-- that lead with the foreign key (they also serve the per-person queries, ordered by date).

CREATE TABLE employer (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    credit_code VARCHAR(18) NOT NULL,
    name VARCHAR(100) NOT NULL,
    district_code VARCHAR(6) NOT NULL,
    address VARCHAR(200),
    work_injury_rate DECIMAL(6,4) NOT NULL,
    status VARCHAR(12) NOT NULL,
    registered_on DATE NOT NULL,
    CONSTRAINT pk_employer PRIMARY KEY (id),
    CONSTRAINT uq_employer_credit_code UNIQUE (credit_code)
);
CREATE INDEX ix_employer_name ON employer (name);

CREATE TABLE insured_person (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    citizen_id_number VARCHAR(18) NOT NULL,
    name VARCHAR(50) NOT NULL,
    gender VARCHAR(6) NOT NULL,
    birth_date DATE NOT NULL,
    nation_code VARCHAR(2) NOT NULL,
    household_area_code VARCHAR(6) NOT NULL,
    address VARCHAR(200),
    phone VARCHAR(20),
    social_security_card_number VARCHAR(20),
    current_employer_id ${uuid},
    status VARCHAR(12) NOT NULL,
    retirement_category VARCHAR(16) NOT NULL,
    first_work_date DATE,
    retired_on DATE,
    registered_on DATE NOT NULL,
    CONSTRAINT pk_insured_person PRIMARY KEY (id),
    CONSTRAINT uq_insured_person_citizen_id_number UNIQUE (citizen_id_number),
    CONSTRAINT uq_insured_person_social_security_card_number UNIQUE (social_security_card_number),
    CONSTRAINT fk_insured_person_current_employer_id FOREIGN KEY (current_employer_id) REFERENCES employer (id)
);
CREATE INDEX ix_person_name_birth ON insured_person (name, birth_date);
CREATE INDEX ix_person_name_area ON insured_person (name, household_area_code);
CREATE INDEX ix_person_birth ON insured_person (birth_date);
CREATE INDEX ix_person_employer ON insured_person (current_employer_id, status);

CREATE TABLE insurance_participation (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    person_id ${uuid} NOT NULL,
    insurance_type VARCHAR(12) NOT NULL,
    status VARCHAR(12) NOT NULL,
    first_insured_on DATE NOT NULL,
    prior_months INTEGER NOT NULL,
    personal_account_balance DECIMAL(14,2),
    CONSTRAINT pk_insurance_participation PRIMARY KEY (id),
    CONSTRAINT fk_insurance_participation_person_id FOREIGN KEY (person_id) REFERENCES insured_person (id),
    CONSTRAINT uq_participation_person_type UNIQUE (person_id, insurance_type)
);

CREATE TABLE contribution (
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
    CONSTRAINT pk_contribution PRIMARY KEY (id),
    CONSTRAINT fk_contribution_person_id FOREIGN KEY (person_id) REFERENCES insured_person (id),
    CONSTRAINT fk_contribution_employer_id FOREIGN KEY (employer_id) REFERENCES employer (id)
);
CREATE INDEX ix_contribution_person_month ON contribution (person_id, contribution_month);
CREATE INDEX ix_contribution_employer_month ON contribution (employer_id, contribution_month);

CREATE TABLE pension_payment (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    person_id ${uuid} NOT NULL,
    payment_month INTEGER NOT NULL,
    basic_pension DECIMAL(12,2) NOT NULL,
    personal_account_pension DECIMAL(12,2) NOT NULL,
    transitional_pension DECIMAL(12,2) NOT NULL,
    total_amount DECIMAL(12,2) NOT NULL,
    status VARCHAR(10) NOT NULL,
    paid_on DATE,
    CONSTRAINT pk_pension_payment PRIMARY KEY (id),
    CONSTRAINT fk_pension_payment_person_id FOREIGN KEY (person_id) REFERENCES insured_person (id)
);
CREATE INDEX ix_pension_person_month ON pension_payment (person_id, payment_month);

CREATE TABLE benefit_adjustment (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    person_id ${uuid} NOT NULL,
    effective_month INTEGER NOT NULL,
    reason VARCHAR(100) NOT NULL,
    amount_before DECIMAL(12,2) NOT NULL,
    amount_after DECIMAL(12,2) NOT NULL,
    approved_on DATE NOT NULL,
    CONSTRAINT pk_benefit_adjustment PRIMARY KEY (id),
    CONSTRAINT fk_benefit_adjustment_person_id FOREIGN KEY (person_id) REFERENCES insured_person (id)
);
CREATE INDEX ix_adjustment_person ON benefit_adjustment (person_id, effective_month);

CREATE TABLE medical_reimbursement (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    person_id ${uuid} NOT NULL,
    settlement_number VARCHAR(30) NOT NULL,
    hospital_name VARCHAR(100) NOT NULL,
    visit_type VARCHAR(30) NOT NULL,
    admitted_on DATE NOT NULL,
    discharged_on DATE,
    diagnosis_code VARCHAR(10) NOT NULL,
    total_cost DECIMAL(12,2) NOT NULL,
    fund_paid DECIMAL(12,2) NOT NULL,
    personal_paid DECIMAL(12,2) NOT NULL,
    settled_on DATE NOT NULL,
    CONSTRAINT pk_medical_reimbursement PRIMARY KEY (id),
    CONSTRAINT fk_medical_reimbursement_person_id FOREIGN KEY (person_id) REFERENCES insured_person (id),
    CONSTRAINT uq_medical_reimbursement_settlement_number UNIQUE (settlement_number)
);
CREATE INDEX ix_reimbursement_person ON medical_reimbursement (person_id, settled_on);

CREATE TABLE work_injury_claim (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    person_id ${uuid} NOT NULL,
    employer_id ${uuid},
    injured_on DATE NOT NULL,
    recognised_on DATE,
    description VARCHAR(200) NOT NULL,
    disability_grade INTEGER,
    status VARCHAR(16) NOT NULL,
    lump_sum_amount DECIMAL(12,2),
    medical_amount DECIMAL(12,2),
    CONSTRAINT pk_work_injury_claim PRIMARY KEY (id),
    CONSTRAINT fk_work_injury_claim_person_id FOREIGN KEY (person_id) REFERENCES insured_person (id),
    CONSTRAINT fk_work_injury_claim_employer_id FOREIGN KEY (employer_id) REFERENCES employer (id)
);
CREATE INDEX ix_injury_person ON work_injury_claim (person_id, injured_on);

CREATE TABLE maternity_benefit (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    person_id ${uuid} NOT NULL,
    employer_id ${uuid},
    childbirth_on DATE NOT NULL,
    delivery_type VARCHAR(12) NOT NULL,
    leave_days INTEGER NOT NULL,
    allowance_amount DECIMAL(12,2) NOT NULL,
    medical_amount DECIMAL(12,2) NOT NULL,
    status VARCHAR(10) NOT NULL,
    paid_on DATE,
    CONSTRAINT pk_maternity_benefit PRIMARY KEY (id),
    CONSTRAINT fk_maternity_benefit_person_id FOREIGN KEY (person_id) REFERENCES insured_person (id),
    CONSTRAINT fk_maternity_benefit_employer_id FOREIGN KEY (employer_id) REFERENCES employer (id)
);
CREATE INDEX ix_maternity_person ON maternity_benefit (person_id, childbirth_on);

CREATE TABLE specified_disease_registration (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    person_id ${uuid} NOT NULL,
    disease_code VARCHAR(10) NOT NULL,
    disease_name VARCHAR(60) NOT NULL,
    hospital_name VARCHAR(100) NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE NOT NULL,
    status VARCHAR(10) NOT NULL,
    registered_on DATE NOT NULL,
    CONSTRAINT pk_specified_disease_registration PRIMARY KEY (id),
    CONSTRAINT fk_specified_disease_registration_person_id FOREIGN KEY (person_id) REFERENCES insured_person (id)
);
CREATE INDEX ix_disease_person ON specified_disease_registration (person_id, valid_to);

CREATE TABLE special_drug (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    drug_code VARCHAR(20) NOT NULL,
    name VARCHAR(100) NOT NULL,
    specification VARCHAR(100) NOT NULL,
    indication_codes VARCHAR(200) NOT NULL,
    reimbursement_limit DECIMAL(12,2) NOT NULL,
    requires_disease_registration BOOLEAN NOT NULL,
    active BOOLEAN NOT NULL,
    CONSTRAINT pk_special_drug PRIMARY KEY (id),
    CONSTRAINT uq_special_drug_drug_code UNIQUE (drug_code)
);
CREATE INDEX ix_drug_name ON special_drug (name);

CREATE TABLE special_drug_application (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    person_id ${uuid} NOT NULL,
    drug_id ${uuid} NOT NULL,
    diagnosis_code VARCHAR(10) NOT NULL,
    hospital_name VARCHAR(100) NOT NULL,
    prescribing_doctor VARCHAR(50) NOT NULL,
    planned_from DATE NOT NULL,
    planned_to DATE NOT NULL,
    indication_justification VARCHAR(500),
    diagnosis_certificate_received BOOLEAN NOT NULL,
    prescription_received BOOLEAN NOT NULL,
    test_reports_received BOOLEAN NOT NULL,
    status VARCHAR(12) NOT NULL,
    registered_by ${uuid} NOT NULL,
    registered_at ${timestamp} NOT NULL,
    decided_by ${uuid},
    decided_at ${timestamp},
    decision_reason VARCHAR(500),
    approved_from DATE,
    approved_to DATE,
    approved_limit DECIMAL(12,2),
    CONSTRAINT pk_special_drug_application PRIMARY KEY (id),
    CONSTRAINT fk_special_drug_application_person_id FOREIGN KEY (person_id) REFERENCES insured_person (id),
    CONSTRAINT fk_special_drug_application_drug_id FOREIGN KEY (drug_id) REFERENCES special_drug (id)
);
CREATE INDEX ix_application_person ON special_drug_application (person_id, planned_from);
CREATE INDEX ix_application_status ON special_drug_application (status, registered_at);

CREATE TABLE online_account (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    person_id ${uuid} NOT NULL,
    username VARCHAR(32) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    must_change_password BOOLEAN NOT NULL,
    permission_scope VARCHAR(16) NOT NULL,
    status VARCHAR(10) NOT NULL,
    issued_by ${uuid},
    issued_at ${timestamp} NOT NULL,
    password_expires_at ${timestamp},
    status_changed_at ${timestamp} NOT NULL,
    CONSTRAINT pk_online_account PRIMARY KEY (id),
    CONSTRAINT fk_online_account_person_id FOREIGN KEY (person_id) REFERENCES insured_person (id),
    CONSTRAINT uq_online_account_username UNIQUE (username)
);
CREATE INDEX ix_account_person ON online_account (person_id, status);

CREATE TABLE identity_confirmation (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    person_id ${uuid} NOT NULL,
    method VARCHAR(8) NOT NULL,
    card_name VARCHAR(50),
    card_citizen_id_number VARCHAR(18) NOT NULL,
    card_birth_date DATE,
    card_address VARCHAR(200),
    card_issuing_authority VARCHAR(60),
    card_valid_from DATE,
    card_valid_to DATE,
    card_type VARCHAR(20),
    result VARCHAR(10) NOT NULL,
    refusal_reason VARCHAR(200),
    clerk_id ${uuid} NOT NULL,
    co_signer_id ${uuid},
    workstation_code VARCHAR(20) NOT NULL,
    confirmed_at ${timestamp} NOT NULL,
    CONSTRAINT pk_identity_confirmation PRIMARY KEY (id),
    CONSTRAINT fk_identity_confirmation_person_id FOREIGN KEY (person_id) REFERENCES insured_person (id)
);
CREATE INDEX ix_confirmation_person ON identity_confirmation (person_id, confirmed_at);

CREATE TABLE staff_user (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    username VARCHAR(32) NOT NULL,
    display_name VARCHAR(50) NOT NULL,
    roles VARCHAR(60) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    password_changed_at ${timestamp} NOT NULL,
    must_change_password BOOLEAN NOT NULL,
    failed_attempts INTEGER NOT NULL,
    locked_until ${timestamp},
    active BOOLEAN NOT NULL,
    CONSTRAINT pk_staff_user PRIMARY KEY (id),
    CONSTRAINT uq_staff_user_username UNIQUE (username)
);

CREATE TABLE issued_document (
    id ${uuid} NOT NULL,
    row_version BIGINT NOT NULL,
    document_number VARCHAR(30) NOT NULL,
    document_type VARCHAR(30) NOT NULL,
    person_id ${uuid} NOT NULL,
    verification_code VARCHAR(16) NOT NULL,
    content_hash VARCHAR(64) NOT NULL,
    issued_by ${uuid} NOT NULL,
    issued_at ${timestamp} NOT NULL,
    workstation_code VARCHAR(20) NOT NULL,
    reprint_of ${uuid},
    CONSTRAINT pk_issued_document PRIMARY KEY (id),
    CONSTRAINT uq_issued_document_document_number UNIQUE (document_number),
    CONSTRAINT fk_issued_document_person_id FOREIGN KEY (person_id) REFERENCES insured_person (id)
);
CREATE INDEX ix_document_person ON issued_document (person_id, issued_at);

