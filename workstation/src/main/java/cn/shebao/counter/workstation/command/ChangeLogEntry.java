package cn.shebao.counter.workstation.command;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One changed row, for workstations to pull: which row, at which version, upserted or deleted (tombstone). */
@Entity
@Table(name = "change_log")
public class ChangeLogEntry {

    /** Deletions travel as tombstones. */
    public enum Operation { UPSERT, DELETE }

    @Id
    private long sequenceNumber;
    private String tableName;
    private UUID rowId;
    private long rowVersion;
    @Enumerated(EnumType.STRING)
    private Operation operation;
    private String originNode;
    private Instant committedAt;

    protected ChangeLogEntry() {
        // for Hibernate
    }

    ChangeLogEntry(long sequenceNumber, String tableName, UUID rowId, long rowVersion, Operation operation,
            String originNode, Instant committedAt) {
        this.sequenceNumber = sequenceNumber;
        this.tableName = tableName;
        this.rowId = rowId;
        this.rowVersion = rowVersion;
        this.operation = operation;
        this.originNode = originNode;
        this.committedAt = committedAt;
    }

    public long getSequenceNumber() {
        return sequenceNumber;
    }

    public String getTableName() {
        return tableName;
    }

    public UUID getRowId() {
        return rowId;
    }

    public long getRowVersion() {
        return rowVersion;
    }

    public Operation getOperation() {
        return operation;
    }

    public String getOriginNode() {
        return originNode;
    }
}
