package cn.shebao.counter.workstation.store;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;

/**
 * Every replicated row: a workstation-generated, time-ordered UUID (so offline work needs no central
 * round trip) and a row version, which sync uses to apply changes idempotently and detect stale writes.
 */
@MappedSuperclass
public abstract class DomainEntity {

    @Id
    private UUID id;

    @Version
    private long rowVersion;

    protected DomainEntity() {
        // for Hibernate
    }

    protected DomainEntity(UUID id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    public UUID getId() {
        return id;
    }

    public long getRowVersion() {
        return rowVersion;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DomainEntity other && getClass() == other.getClass() && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
