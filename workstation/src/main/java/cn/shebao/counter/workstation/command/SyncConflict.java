package cn.shebao.counter.workstation.command;

import cn.shebao.counter.workstation.store.DomainEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A business conflict found when a command was applied centrally: both sides in words, the citizen concerned,
 * and its resolution. Replicated to every workstation, so a supervisor sees the queue even offline; resolving
 * one is itself a command. Never resolved automatically.
 */
@Entity
@Table(name = "sync_conflict")
public class SyncConflict extends DomainEntity {

    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";

    private String nodeCode;
    private UUID commandId;
    private String commandType;
    private UUID personId;
    private String conflictKind;
    private String detail;
    private String status;
    private Instant createdAt;
    private UUID resolvedBy;
    private Instant resolvedAt;
    private String resolution;

    protected SyncConflict() {
        // for Hibernate
    }

    public SyncConflict(UUID id, String nodeCode, UUID commandId, String commandType, UUID personId, String conflictKind, String detail,
            Instant createdAt) {
        super(id);
        this.nodeCode = nodeCode;
        this.commandId = commandId;
        this.commandType = commandType;
        this.personId = personId;
        this.conflictKind = conflictKind;
        this.detail = detail;
        this.status = OPEN;
        this.createdAt = createdAt;
    }

    public void resolve(UUID by, Instant at, String note) {
        this.status = RESOLVED;
        this.resolvedBy = by;
        this.resolvedAt = at;
        this.resolution = note;
    }

    public String getNodeCode() {
        return nodeCode;
    }

    public UUID getCommandId() {
        return commandId;
    }

    public String getCommandType() {
        return commandType;
    }

    public UUID getPersonId() {
        return personId;
    }

    public String getConflictKind() {
        return conflictKind;
    }

    public String getDetail() {
        return detail;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public UUID getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getResolution() {
        return resolution;
    }
}
