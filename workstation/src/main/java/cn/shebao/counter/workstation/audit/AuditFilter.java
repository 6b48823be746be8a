package cn.shebao.counter.workstation.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the audit screen asks for; every part may be left out. A citizen is named by record id (the screen finds
 * it from the typed ID number), so neither the filter nor the audit of the search holds an ID number.
 *
 * @param to exclusive
 * @param actionPrefix an action code or the start of one ({@code citizen.record}, {@code login})
 */
public record AuditFilter(Instant from, Instant to, UUID personId, UUID actorId, String workstationCode, String actionPrefix,
        String purpose, Outcome outcome) {

    /** Whether the action went through or was refused (a wrong password, an identity that did not match, a refusal). */
    public enum Outcome { ANY, SUCCEEDED, REFUSED }

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null, null, null, Outcome.ANY);
    }

    public AuditFilter {
        workstationCode = blankToNull(workstationCode);
        actionPrefix = blankToNull(actionPrefix);
        purpose = blankToNull(purpose);
        outcome = outcome == null ? Outcome.ANY : outcome;
    }

    /** For the audit of the search itself: which parts were set, never their personal values. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (from != null) {
            parts.add("from=" + from);
        }
        if (to != null) {
            parts.add("to=" + to);
        }
        if (personId != null) {
            parts.add("citizen");
        }
        if (actorId != null) {
            parts.add("staff=" + actorId);
        }
        if (workstationCode != null) {
            parts.add("workstation=" + workstationCode);
        }
        if (actionPrefix != null) {
            parts.add("action=" + actionPrefix);
        }
        if (purpose != null) {
            parts.add("purpose=" + purpose);
        }
        if (outcome != Outcome.ANY) {
            parts.add("outcome=" + outcome);
        }
        return parts.isEmpty() ? "all" : String.join(" ", parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
