package cn.shebao.counter.workstation.command;

/**
 * Every kind of command a workstation sends, with the payload version it writes today. Central keeps
 * handlers for older versions too, so an older workstation's queue still applies after central is upgraded.
 */
public enum CommandType {
    AUDIT_EVENT(1),
    IDENTITY_CONFIRMED(1),
    CREDENTIAL_ISSUED(1),
    CREDENTIAL_RESET(1),
    CREDENTIAL_LOCKED(1),
    CREDENTIAL_UNLOCKED(1),
    CREDENTIAL_REVOKED(1),
    DRUG_APPLICATION_REGISTERED(1),
    DRUG_APPLICATION_DECIDED(1),
    DRUG_APPLICATION_WITHDRAWN(1),
    DRUG_APPROVAL_REVOKED(1),
    SPECIFIED_DISEASE_REGISTERED(1),
    SPECIFIED_DISEASE_ENDED(1),
    DOCUMENT_ISSUED(1),
    CONFLICT_RESOLVED(1),
    STAFF_CREATED(1),
    STAFF_UPDATED(1),
    STAFF_PASSWORD_RESET(1),
    STAFF_PASSWORD_CHANGED(1);

    private final int payloadVersion;

    CommandType(int payloadVersion) {
        this.payloadVersion = payloadVersion;
    }

    public int payloadVersion() {
        return payloadVersion;
    }
}
