package cn.shebao.counter.workstation.audit;

import cn.shebao.counter.workstation.central.ChangeLog;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.central.CommandHandler;
import cn.shebao.counter.workstation.central.ShippedAuditEvent;
import cn.shebao.counter.workstation.wire.Payloads;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.Session;

/** AUDIT_EVENT, version 1: one audit row as the workstation wrote it, and central's side that keeps it. */
public final class AuditShipping implements CommandHandler {

    private final Clock clock;

    public AuditShipping(Clock clock) {
        this.clock = clock;
    }

    static String payload(AuditEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.getId().toString());
        m.put("workstationCode", e.getWorkstationCode());
        m.put("sequenceNumber", e.getSequenceNumber());
        m.put("occurredAt", e.getOccurredAt().toString());
        m.put("actorId", Payloads.text(e.getActorId()));
        m.put("actorName", e.getActorName());
        m.put("actionCode", e.getActionCode());
        m.put("subjectType", e.getSubjectType());
        m.put("subjectId", e.getSubjectId());
        m.put("purpose", e.getPurpose());
        m.put("detail", e.getDetail());
        m.put("previousHash", e.getPreviousHash());
        m.put("entryHash", e.getEntryHash());
        return Payloads.write(m);
    }

    /** Central keeps the row once; nothing changes on the workstations, so no change log entry. */
    @Override
    public HandlerOutcome apply(Session s, CommandEnvelope c, ChangeLog changes) {
        Map<String, Object> m = Payloads.read(c.payload());
        if (s.find(ShippedAuditEvent.class, Payloads.uuid(m, "id")) != null) {
            return HandlerOutcome.ok();
        }
        s.persist(new ShippedAuditEvent(Payloads.uuid(m, "id"), Payloads.string(m, "workstationCode"),
                ((Number) m.get("sequenceNumber")).longValue(), Payloads.instant(m, "occurredAt"), Payloads.uuid(m, "actorId"),
                Payloads.string(m, "actorName"), Payloads.string(m, "actionCode"), Payloads.string(m, "subjectType"),
                Payloads.string(m, "subjectId"), Payloads.string(m, "purpose"), Payloads.string(m, "detail"),
                Payloads.string(m, "previousHash"), Payloads.string(m, "entryHash"), clock.instant()));
        return HandlerOutcome.ok();
    }
}
