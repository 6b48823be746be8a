package cn.shebao.counter.workstation.command;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A local write waiting to be applied centrally; written in the same transaction as the change itself. */
@Entity
@Table(name = "outbox_command")
public class OutboxCommand {

    @Id
    private long sequenceNumber;
    private UUID commandId;
    @Enumerated(EnumType.STRING)
    private CommandType commandType;
    private int payloadVersion;
    private String payload;
    private String subjectTable;
    private UUID subjectId;
    private UUID actorId;
    private String actorName;
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    private OutboxState state;
    private String resultCode;
    private String resultDetail;
    private Instant acknowledgedAt;
    private UUID signedBy;
    private String signature;

    protected OutboxCommand() {
        // for Hibernate
    }

    OutboxCommand(long sequenceNumber, UUID commandId, CommandType type, String payload, String subjectTable, UUID subjectId,
            UUID actorId, String actorName, Instant createdAt) {
        this.sequenceNumber = sequenceNumber;
        this.commandId = commandId;
        this.commandType = type;
        this.payloadVersion = type.payloadVersion();
        this.payload = payload;
        this.subjectTable = subjectTable;
        this.subjectId = subjectId;
        this.actorId = actorId;
        this.actorName = actorName;
        this.createdAt = createdAt;
        this.state = OutboxState.PENDING;
    }

    /** A person's signature over this command (a decision, a co-sign), made when it was queued. */
    void sign(UUID signer, String signatureText) {
        this.signedBy = signer;
        this.signature = signatureText;
    }

    public UUID getSignedBy() {
        return signedBy;
    }

    public String getSignature() {
        return signature;
    }

    void acknowledge(OutboxState outcome, String code, String detail, Instant at) {
        this.state = outcome;
        this.resultCode = code;
        this.resultDetail = detail;
        this.acknowledgedAt = at;
    }

    public long getSequenceNumber() {
        return sequenceNumber;
    }

    public UUID getCommandId() {
        return commandId;
    }

    public CommandType getCommandType() {
        return commandType;
    }

    public int getPayloadVersion() {
        return payloadVersion;
    }

    public String getPayload() {
        return payload;
    }

    /** The main row this command changes (table and id), which a pull must not overwrite while it is pending. */
    public String getSubjectTable() {
        return subjectTable;
    }

    public UUID getSubjectId() {
        return subjectId;
    }

    public UUID getActorId() {
        return actorId;
    }

    public String getActorName() {
        return actorName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public OutboxState getState() {
        return state;
    }

    public String getResultCode() {
        return resultCode;
    }

    public String getResultDetail() {
        return resultDetail;
    }
}
