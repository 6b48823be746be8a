package cn.shebao.counter.workstation.central;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One workstation's audit row as shipped to central; the workstation's chain stays verifiable there. */
@Entity
@Table(name = "shipped_audit_event")
public class ShippedAuditEvent {

    @Id
    private UUID id;
    private String workstationCode;
    private long sequenceNumber;
    private Instant occurredAt;
    private UUID actorId;
    private String actorName;
    private String actionCode;
    private String subjectType;
    private String subjectId;
    private String purpose;
    private String detail;
    private String previousHash;
    private String entryHash;
    private Instant receivedAt;

    protected ShippedAuditEvent() {
        // for Hibernate
    }

    public ShippedAuditEvent(UUID id, String workstationCode, long sequenceNumber, Instant occurredAt, UUID actorId, String actorName,
            String actionCode, String subjectType, String subjectId, String purpose, String detail, String previousHash,
            String entryHash, Instant receivedAt) {
        this.id = id;
        this.workstationCode = workstationCode;
        this.sequenceNumber = sequenceNumber;
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.actorName = actorName;
        this.actionCode = actionCode;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.purpose = purpose;
        this.detail = detail;
        this.previousHash = previousHash;
        this.entryHash = entryHash;
        this.receivedAt = receivedAt;
    }

    public String getWorkstationCode() {
        return workstationCode;
    }

    public long getSequenceNumber() {
        return sequenceNumber;
    }

    public String getEntryHash() {
        return entryHash;
    }

    public String getActionCode() {
        return actionCode;
    }
}
