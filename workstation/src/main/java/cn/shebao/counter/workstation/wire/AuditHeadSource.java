package cn.shebao.counter.workstation.wire;

import java.util.Optional;

/** Where a workstation gets the countersigned head of its own audit chain: the central service. */
public interface AuditHeadSource {

    /** Empty while central has verified nothing of this workstation's chain, or found it broken. */
    Optional<CountersignedHead> countersignedHead();
}
