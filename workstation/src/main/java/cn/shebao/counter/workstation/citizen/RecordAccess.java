package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.workstation.security.StaffSession;
import java.util.Objects;
import java.util.UUID;

/**
 * A record opened by a member of staff for a stated purpose. Only {@link CitizenRecords#open} makes one, so
 * every tab read through it is attributable to an audited opening.
 */
public final class RecordAccess {

    private final UUID personId;
    private final AccessPurpose purpose;
    private final StaffSession staff;

    RecordAccess(UUID personId, AccessPurpose purpose, StaffSession staff) {
        this.personId = Objects.requireNonNull(personId);
        this.purpose = Objects.requireNonNull(purpose);
        this.staff = Objects.requireNonNull(staff);
    }

    public UUID personId() {
        return personId;
    }

    public AccessPurpose purpose() {
        return purpose;
    }

    public StaffSession staff() {
        return staff;
    }
}
