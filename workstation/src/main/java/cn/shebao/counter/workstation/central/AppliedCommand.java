package cn.shebao.counter.workstation.central;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A command central has applied, with its result, so a repeated push gets the same answer again. */
@Entity
@Table(name = "applied_command")
@IdClass(AppliedCommand.Key.class)
public class AppliedCommand {

    /** Node and sequence: the command's place in its node's history. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String nodeCode;
        private long sequenceNumber;

        public Key() {
            // for Hibernate
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.sequenceNumber == sequenceNumber && Objects.equals(k.nodeCode, nodeCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(nodeCode, sequenceNumber);
        }
    }

    @Id
    private String nodeCode;
    @Id
    private long sequenceNumber;
    private UUID commandId;
    private String commandType;
    private String resultCode;
    private String resultDetail;
    private Instant appliedAt;
    private UUID signedBy;
    private String signature;

    protected AppliedCommand() {
        // for Hibernate
    }

    AppliedCommand(String nodeCode, long sequenceNumber, UUID commandId, String commandType, String resultCode,
            String resultDetail, Instant appliedAt, UUID signedBy, String signature) {
        this.signedBy = signedBy;
        this.signature = signature;
        this.nodeCode = nodeCode;
        this.sequenceNumber = sequenceNumber;
        this.commandId = commandId;
        this.commandType = commandType;
        this.resultCode = resultCode;
        this.resultDetail = resultDetail;
        this.appliedAt = appliedAt;
    }

    public long getSequenceNumber() {
        return sequenceNumber;
    }

    public UUID getCommandId() {
        return commandId;
    }

    public String getResultCode() {
        return resultCode;
    }

    public String getResultDetail() {
        return resultDetail;
    }
}
