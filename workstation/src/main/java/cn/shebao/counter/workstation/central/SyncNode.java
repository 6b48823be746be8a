package cn.shebao.counter.workstation.central;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered workstation and the last of its commands central has applied. */
@Entity
@Table(name = "sync_node")
public class SyncNode {

    @Id
    private String nodeCode;
    private Instant registeredAt;
    private long lastAppliedSequence;
    private boolean active;

    protected SyncNode() {
        // for Hibernate
    }

    public SyncNode(String nodeCode, Instant registeredAt) {
        this.nodeCode = nodeCode;
        this.registeredAt = registeredAt;
        this.active = true;
    }

    public String getNodeCode() {
        return nodeCode;
    }

    public long getLastAppliedSequence() {
        return lastAppliedSequence;
    }

    void advanceTo(long sequence) {
        this.lastAppliedSequence = sequence;
    }

    public boolean isActive() {
        return active;
    }
}
