package cn.shebao.counter.workstation.central;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Central's view of one workstation's audit chain: verified from sequence 1 up to {@code verifiedSequence} (each row
 * re-hashed and linked to the one before), the newest row received, and the first break found, if any. Only the
 * verified part is ever countersigned.
 */
@Entity
@Table(name = "audit_chain_state")
public class AuditChainState {

    /** The kinds of break central finds as rows arrive. */
    public enum Problem {
        /** The row's content does not give its own hash. */
        EDITED,
        /** Rows are missing before this one. */
        GAP,
        /** The row does not link to the hash of the row before it. */
        BROKEN_LINK,
        /** A second, different row for a sequence number central already holds. */
        FORK
    }

    @Id
    private String workstationCode;
    private long verifiedSequence;
    private String verifiedHash;
    private long receivedSequence;
    private String problemKind;
    private Long problemSequence;
    private Instant updatedAt;

    protected AuditChainState() {
        // for Hibernate
    }

    public AuditChainState(String workstationCode, String genesisHash, Instant at) {
        this.workstationCode = workstationCode;
        this.verifiedHash = genesisHash;
        this.updatedAt = at;
    }

    /** Takes the next row: extends the verified part when it links, or records the first break. */
    public Problem accept(long sequence, String previousHash, String entryHash, boolean contentMatchesHash, Instant at) {
        Problem found = null;
        if (problemKind == null) {
            if (!contentMatchesHash) {
                found = Problem.EDITED;
            } else if (sequence != verifiedSequence + 1) {
                found = Problem.GAP;
            } else if (!previousHash.equals(verifiedHash)) {
                found = Problem.BROKEN_LINK;
            } else {
                verifiedSequence = sequence;
                verifiedHash = entryHash;
            }
            if (found != null) {
                broken(found, sequence);
            }
        }
        receivedSequence = Math.max(receivedSequence, sequence);
        updatedAt = at;
        return found;
    }

    public void broken(Problem kind, long sequence) {
        if (problemKind == null) {
            problemKind = kind.name();
            problemSequence = sequence;
        }
    }

    public String getWorkstationCode() {
        return workstationCode;
    }

    public long getVerifiedSequence() {
        return verifiedSequence;
    }

    public String getVerifiedHash() {
        return verifiedHash;
    }

    public long getReceivedSequence() {
        return receivedSequence;
    }

    public String getProblemKind() {
        return problemKind;
    }

    public Long getProblemSequence() {
        return problemSequence;
    }
}
