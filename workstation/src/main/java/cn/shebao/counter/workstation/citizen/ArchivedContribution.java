package cn.shebao.counter.workstation.citizen;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A month older than the replicas' detail window, kept only at central: a retiree's working years, the early
 * years of a rights-record statement. Counted in the participation's prior months (which is why it is a table of
 * its own and not old rows of {@code contribution}: a replica's month counts stay right without it), and read
 * through the central service when a record needs it.
 */
@Entity
@Table(name = "contribution_archive")
public class ArchivedContribution extends MonthlyContribution {

    protected ArchivedContribution() {
        // for Hibernate
    }

    public ArchivedContribution(UUID id) {
        super(id);
    }
}
