package cn.shebao.counter.workstation.citizen;

/** The parts of a citizen's record, each loaded (and audited) when the clerk opens its tab. */
public enum RecordTab {
    BASIC, CONTRIBUTIONS, RETIREMENT, PENSION_PAYMENTS, BENEFIT_ADJUSTMENTS, MEDICAL_REIMBURSEMENTS, WORK_INJURY,
    MATERNITY, SPECIFIED_DISEASES, DRUG_APPROVALS
}
