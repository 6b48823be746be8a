package cn.shebao.counter.workstation.audit;

import cn.shebao.counter.workstation.wire.AuditHeadSource;
import cn.shebao.counter.workstation.wire.CountersignedHead;
import java.security.PublicKey;
import java.util.Optional;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the newest head of this workstation's chain that central verified and countersigned. Asks central only
 * when the local chain has grown past the head kept; keeps only a head the centre's key signed for this
 * workstation, so a forged answer is never stored.
 */
public final class CountersignedHeads {

    private static final Logger LOG = LoggerFactory.getLogger(CountersignedHeads.class);

    private final SessionFactory sessions;
    private final String workstationCode;
    private final PublicKey centre;

    public CountersignedHeads(SessionFactory sessions, String workstationCode, PublicKey centre) {
        this.sessions = sessions;
        this.workstationCode = workstationCode;
        this.centre = centre;
    }

    /** @return true when a newer countersigned head was kept */
    public boolean refresh(AuditHeadSource central) {
        AuditChainHead local = sessions.fromTransaction(s -> s.find(AuditChainHead.class, AuditChainHead.SINGLETON_ID));
        if (local.getLastSequence() <= local.countersignedSequence()) {
            return false;
        }
        Optional<CountersignedHead> answer = central.countersignedHead();
        if (answer.isEmpty() || answer.get().sequence() <= local.countersignedSequence()) {
            return false;
        }
        CountersignedHead head = answer.get();
        if (!workstationCode.equals(head.workstationCode()) || !head.signedBy(centre)) {
            LOG.warn("The central service answered an audit head not signed by the centre for this workstation; it is not kept");
            return false;
        }
        // Under the appenders' lock: read here without it, the head's last sequence would be written back stale.
        sessions.inTransaction(s -> AuditChainHead.locked(s).keep(head));
        return true;
    }

    /** The head kept, if any. */
    public Optional<CountersignedHead> kept() {
        return Optional.ofNullable(sessions.fromTransaction(s -> s.find(AuditChainHead.class, AuditChainHead.SINGLETON_ID)
                .countersigned(workstationCode)));
    }
}
