package cn.shebao.counter.workstation.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Failed logins of one staff member at this window and the lockout they caused. Only the replica holds it: it
 * never replicates, so a wrong password at one window changes nothing central owns.
 */
@Entity
@Table(name = "staff_lockout")
public class StaffLockout {

    @Id
    private UUID staffId;
    private int failedAttempts;
    private Instant lockedUntil;

    protected StaffLockout() {
        // for Hibernate
    }

    public StaffLockout(UUID staffId) {
        this.staffId = staffId;
    }

    public UUID getStaffId() {
        return staffId;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public void setFailedAttempts(int failedAttempts) {
        this.failedAttempts = failedAttempts;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public void setLockedUntil(Instant lockedUntil) {
        this.lockedUntil = lockedUntil;
    }
}
