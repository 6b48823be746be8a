package cn.shebao.counter.workstation.audit;

import cn.shebao.counter.workstation.store.DomainEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One audited action. Rows are only ever inserted; {@link AuditChain} proves none was edited or removed. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends DomainEntity {

    private long sequenceNumber;
    private Instant occurredAt;
    private String workstationCode;
    private UUID actorId;
    private String actorName;
    private String actionCode;
    private String subjectType;
    private String subjectId;
    private String purpose;
    private String detail;
    private String previousHash;
    private String entryHash;

    protected AuditEvent() {
        // for Hibernate
    }

    /** Public because central rebuilds each shipped row with it to check the chain (central/AuditShipping). */
    public AuditEvent(UUID id, long sequenceNumber, Instant occurredAt, String workstationCode, AuditEntry entry,
            String previousHash) {
        super(id);
        this.sequenceNumber = sequenceNumber;
        this.occurredAt = occurredAt;
        this.workstationCode = workstationCode;
        this.actorId = entry.actorId();
        this.actorName = entry.actorName();
        this.actionCode = entry.action();
        this.subjectType = entry.subjectType();
        this.subjectId = entry.subjectId();
        this.purpose = entry.purpose();
        this.detail = entry.detail();
        this.previousHash = previousHash;
        this.entryHash = AuditChain.hash(this);
    }

    public long getSequenceNumber() {
        return sequenceNumber;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getWorkstationCode() {
        return workstationCode;
    }

    public UUID getActorId() {
        return actorId;
    }

    public String getActorName() {
        return actorName;
    }

    public String getActionCode() {
        return actionCode;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getDetail() {
        return detail;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getEntryHash() {
        return entryHash;
    }
}
