package cn.shebao.counter.workstation.audit;

import cn.shebao.counter.workstation.wire.Payloads;
import java.util.LinkedHashMap;
import java.util.Map;

/** AUDIT_EVENT, version 1: one audit row as the workstation wrote it; central's side is {@code central.AuditShipping}. */
public final class AuditPayload {

    private AuditPayload() {
    }

    public static String of(AuditEvent e) {
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
}
