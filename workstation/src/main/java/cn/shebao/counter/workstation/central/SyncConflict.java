package cn.shebao.counter.workstation.central;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A business conflict found when a command was applied centrally; shown to supervisors, never auto-resolved. */
@Entity
@Table(name = "sync_conflict")
public class SyncConflict {

    @Id
    private UUID id;
    private String nodeCode;
    private UUID commandId;
    private String conflictKind;
    private String detail;
    private String status;
    private Instant createdAt;

    protected SyncConflict() {
        // for Hibernate
    }

    SyncConflict(UUID id, String nodeCode, UUID commandId, String conflictKind, String detail, Instant createdAt) {
        this.id = id;
        this.nodeCode = nodeCode;
        this.commandId = commandId;
        this.conflictKind = conflictKind;
        this.detail = detail;
        this.status = "OPEN";
        this.createdAt = createdAt;
    }

    public String getNodeCode() {
        return nodeCode;
    }

    public UUID getCommandId() {
        return commandId;
    }

    public String getConflictKind() {
        return conflictKind;
    }

    public String getStatus() {
        return status;
    }
}
