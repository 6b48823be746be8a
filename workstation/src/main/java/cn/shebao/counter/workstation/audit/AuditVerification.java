package cn.shebao.counter.workstation.audit;

import java.util.List;

/** Result of walking the audit chain: how many rows were checked and every break found. */
public record AuditVerification(long rowsChecked, List<Problem> problems) {

    /** The kinds of break; each has a translated message {@code audit.problem.<kind>}. */
    public enum Kind {
        /** A row's content no longer matches its own hash. */
        EDITED,
        /** A row does not link to the hash of the row before it. */
        BROKEN_LINK,
        /** Sequence numbers jump: rows in between were removed. */
        MISSING,
        /** The newest row is not the one the chain head recorded: newest rows were removed. */
        HEAD_MISMATCH,
        /** The row central countersigned is gone: the chain was cut back below what central verified. */
        TRUNCATED,
        /** The row central countersigned now has another hash: the chain was rewritten and re-hashed. */
        COUNTERSIGN_MISMATCH,
        /** The countersignature itself is not the centre's: the kept head was forged. */
        COUNTERSIGNATURE_INVALID
    }

    public record Problem(Kind kind, long sequenceNumber) {
    }

    public AuditVerification {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
