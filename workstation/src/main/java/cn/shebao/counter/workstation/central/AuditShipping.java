package cn.shebao.counter.workstation.central;

import cn.shebao.counter.workstation.audit.AuditChain;
import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditEvent;
import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.Payloads;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** AUDIT_EVENT, version 1: one audit row as the workstation wrote it, and central's side that keeps it. */
public final class AuditShipping implements CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AuditShipping.class);

    private final Clock clock;

    public AuditShipping(Clock clock) {
        this.clock = clock;
    }

    /**
     * Central keeps the row once and verifies the node's chain as it grows (see {@link AuditChainState}); nothing
     * changes on the workstations, so no change log entry. A break is an alert for IT and stops the countersigning,
     * never a refusal that would wedge the queue; only a fork (a second row for a number central holds) cannot be
     * kept and becomes a conflict, so it is seen.
     */
    @Override
    public HandlerOutcome apply(Session s, CommandEnvelope c, ChangeLog changes) {
        Map<String, Object> m = Payloads.read(c.payload());
        UUID id = Payloads.uuid(m, "id");
        String workstation = Payloads.string(m, "workstationCode");
        if (!c.nodeCode().equals(workstation)) {
            // A node ships its own chain only: the certificate says who it is, the row must agree.
            return HandlerOutcome.conflict("AUDIT_OTHER_NODE", workstation);
        }
        if (s.find(ShippedAuditEvent.class, id) != null) {
            return HandlerOutcome.ok();
        }
        long sequence = ((Number) m.get("sequenceNumber")).longValue();
        AuditEvent rebuilt = new AuditEvent(id, sequence, Payloads.instant(m, "occurredAt"), workstation,
                new AuditEntry(Payloads.uuid(m, "actorId"), Payloads.string(m, "actorName"), Payloads.string(m, "actionCode"),
                        Payloads.string(m, "subjectType"), Payloads.string(m, "subjectId"), Payloads.string(m, "purpose"),
                        Payloads.string(m, "detail")), Payloads.string(m, "previousHash"));
        String entryHash = Payloads.string(m, "entryHash");
        AuditChainState chain = s.find(AuditChainState.class, workstation);
        if (chain == null) {
            chain = new AuditChainState(workstation, AuditChain.GENESIS_HASH, clock.instant());
            s.persist(chain);
        }
        Long taken = s.createSelectionQuery("select count(*) from ShippedAuditEvent where workstationCode = :w and sequenceNumber = :q",
                Long.class).setParameter("w", workstation).setParameter("q", sequence).getSingleResult();
        if (taken > 0) {
            chain.broken(AuditChainState.Problem.FORK, sequence);
            LOG.warn("AUDIT ALERT: workstation {} shipped a second audit row {}: its chain forked", workstation, sequence);
            return HandlerOutcome.conflict("AUDIT_FORK", "sequence " + sequence);
        }
        AuditChainState.Problem problem = chain.accept(sequence, rebuilt.getPreviousHash(), entryHash,
                rebuilt.getEntryHash().equals(entryHash), clock.instant());
        if (problem != null) {
            LOG.warn("AUDIT ALERT: the audit chain of workstation {} is broken at {} ({}); it is no longer countersigned",
                    workstation, sequence, problem);
        }
        s.persist(new ShippedAuditEvent(id, workstation, sequence, Payloads.instant(m, "occurredAt"), Payloads.uuid(m, "actorId"),
                Payloads.string(m, "actorName"), Payloads.string(m, "actionCode"), Payloads.string(m, "subjectType"),
                Payloads.string(m, "subjectId"), Payloads.string(m, "purpose"), Payloads.string(m, "detail"),
                Payloads.string(m, "previousHash"), entryHash, clock.instant()));
        return HandlerOutcome.ok();
    }
}
