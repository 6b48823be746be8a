package cn.shebao.counter.workstation.audit;

import cn.shebao.counter.workstation.wire.CountersignedHead;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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
    private Long countersignedSequence;
    private String countersignedHash;
    private Instant countersignedAt;
    private String countersignature;
    private Long prunedSequence;
    private String prunedHash;

    protected AuditChainHead() {
        // for Hibernate
    }

    long getLastSequence() {
        return lastSequence;
    }

    String getLastHash() {
        return lastHash;
    }

    /** The newest head central verified and signed, or null before the first. */
    CountersignedHead countersigned(String workstationCode) {
        return countersignedSequence == null ? null : new CountersignedHead(workstationCode,
                countersignedSequence, countersignedHash, countersignedAt, countersignature);
    }

    long countersignedSequence() {
        return countersignedSequence == null ? 0 : countersignedSequence;
    }

    void keep(CountersignedHead head) {
        this.countersignedSequence = head.sequence();
        this.countersignedHash = head.hash();
        this.countersignedAt = head.signedAt();
        this.countersignature = head.signature();
    }

    /** The last event pruned from the replica (0 when none was): the remaining chain links to its hash. */
    long prunedSequence() {
        return prunedSequence == null ? 0 : prunedSequence;
    }

    /** The hash the first remaining event links to: the last pruned event's, or the genesis hash. */
    String anchorHash() {
        return prunedHash == null ? AuditChain.GENESIS_HASH : prunedHash;
    }

    void pruned(long sequence, String hash) {
        this.prunedSequence = sequence;
        this.prunedHash = hash;
    }

    /**
     * The head row, locked for this transaction: every writer of the head takes it this way before it reads, so no
     * writer can put back a value another wrote meanwhile. (A plain find-then-change once did: the countersignature
     * kept from central wrote a stale last_sequence over an append, and every later append at that window failed on
     * the duplicate sequence; the fault soak found it.) A no-op update takes the write lock: PESSIMISTIC_WRITE would be
     * the obvious tool, but Hibernate 7.4's DerbyDialect renders it as "for update with rs with rs", which Derby
     * rejects; plain SQL without a table alias, because Hibernate 7.4 renders this update with one, which Derby
     * intermittently refused to prepare ("column not in the FROM list").
     */
    static AuditChainHead locked(EntityManager em) {
        int locked = em.createNativeQuery("UPDATE audit_chain_head SET last_sequence = last_sequence WHERE id = ?1")
                .setParameter(1, SINGLETON_ID).executeUpdate();
        if (locked != 1) {
            throw new IllegalStateException("audit_chain_head row missing: the replica's migrations did not run");
        }
        AuditChainHead head = em.find(AuditChainHead.class, SINGLETON_ID);
        em.refresh(head);
        return head;
    }

    void advance(AuditEvent event) {
        this.lastSequence = event.getSequenceNumber();
        this.lastHash = event.getEntryHash();
    }
}
