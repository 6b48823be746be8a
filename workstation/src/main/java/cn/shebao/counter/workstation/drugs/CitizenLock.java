package cn.shebao.counter.workstation.drugs;

import java.util.UUID;
import org.hibernate.Session;

/**
 * Central's lock on one citizen while a rule over their rows is checked: two registrations (or two approvals) checked at
 * once by two service instances would otherwise each miss the other. A no-op update of the person's row holds its row
 * lock until the transaction ends (plain SQL, as in AuditLog: no entity is loaded for it).
 */
final class CitizenLock {

    private CitizenLock() {
    }

    static void hold(Session central, UUID personId) {
        if (personId != null) {
            central.createNativeMutationQuery("UPDATE insured_person SET row_version = row_version WHERE id = ?1")
                    .setParameter(1, personId).executeUpdate();
        }
    }
}
