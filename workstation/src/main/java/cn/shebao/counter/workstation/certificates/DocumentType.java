package cn.shebao.counter.workstation.certificates;

/** Every kind of document the counter prints and registers. Stored by name, so reordering constants never corrupts data. */
public enum DocumentType {
    PARTICIPATION_CERTIFICATE, RIGHTS_RECORD_STATEMENT, CREDENTIAL_SLIP, DRUG_DECISION_NOTICE, PENSION_STATEMENT, ACCESS_STATEMENT
}
