package cn.shebao.counter.workstation.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The newest sequence number and hash of the audit chain, in a single row. Appends lock it, which
 * serialises writers and keeps the sequence gap-free; the verifier compares it with the last row.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    static final int SINGLETON_ID = 1;

    @Id
    private Integer id;
    private long lastSequence;
    private String lastHash;

    protected AuditChainHead() {
        // for Hibernate
    }

    long getLastSequence() {
        return lastSequence;
    }

    String getLastHash() {
        return lastHash;
    }

    void advance(AuditEvent event) {
        this.lastSequence = event.getSequenceNumber();
        this.lastHash = event.getEntryHash();
    }
}
