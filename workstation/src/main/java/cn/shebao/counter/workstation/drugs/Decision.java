package cn.shebao.counter.workstation.drugs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A supervisor's decision on one application. */
public sealed interface Decision {

    UUID applicationId();

    /** Approved for a validity period with a reimbursement limit (at most the drug's). */
    record Approve(UUID applicationId, LocalDate validFrom, LocalDate validTo, BigDecimal limit) implements Decision {
    }

    /** Rejected for a reason from the maintained list, with the supervisor's words. */
    record Reject(UUID applicationId, RejectionReason reason, String text) implements Decision {
    }
}
