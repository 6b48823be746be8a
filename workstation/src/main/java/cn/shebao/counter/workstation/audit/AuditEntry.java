package cn.shebao.counter.workstation.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * What happened, before it is sequenced and hashed. {@code detail} must never hold a secret, and a
 * citizen is named by record id, not by ID number, so the log itself leaks as little as possible.
 */
public record AuditEntry(UUID actorId, String actorName, String action, String subjectType, String subjectId,
        String purpose, String detail) {

    public AuditEntry {
        Objects.requireNonNull(actorName, "actorName");
        Objects.requireNonNull(action, "action");
    }

    /** An action by the system itself (migration, generator, sync) rather than a logged-in person. */
    public static AuditEntry system(String action, String detail) {
        return new AuditEntry(null, "system", action, null, null, null, detail);
    }
}
