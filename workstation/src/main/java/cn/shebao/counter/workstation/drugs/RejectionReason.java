package cn.shebao.counter.workstation.drugs;

/**
 * The maintained list of rejection reasons (each with a message {@code rejection.<NAME>}); the supervisor adds
 * free text. A centre changes the list by release, so the notices stay consistent across windows.
 */
public enum RejectionReason {
    INDICATION_NOT_MET, DOCUMENTS_INCOMPLETE, INSURANCE_NOT_IN_FORCE, OVERLAPPING_APPROVAL, DISEASE_NOT_REGISTERED,
    DOSAGE_OR_PERIOD, OTHER
}
