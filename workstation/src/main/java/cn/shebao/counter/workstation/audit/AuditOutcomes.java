package cn.shebao.counter.workstation.audit;

import java.util.List;
import java.util.Locale;

/**
 * Which recorded actions were refusals. The audit has no outcome column (its rows are hashed as they are), so the
 * outcome is read from the action code, whose words say it: {@code login.wrongPassword}, {@code identity.card.refused},
 * {@code credential.refusedByCentral}. One list, used by the query and by the screen alike.
 */
public final class AuditOutcomes {

    /** Lower-case parts of the action codes of refusals; "lockedout", not "locked": {@code staff.unlocked} succeeded. */
    public static final List<String> REFUSAL_WORDS = List.of("refus", "wrong", "unknown", "lockedout", "fail", "mismatch", "denied");

    private AuditOutcomes() {
    }

    public static AuditFilter.Outcome of(String actionCode) {
        String a = actionCode.toLowerCase(Locale.ROOT);
        return REFUSAL_WORDS.stream().anyMatch(a::contains) ? AuditFilter.Outcome.REFUSED : AuditFilter.Outcome.SUCCEEDED;
    }
}
