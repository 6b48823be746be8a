package cn.shebao.counter.workstation.citizen;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A month within the replica's detail window: replicated to every workstation. */
@Entity
@Table(name = "contribution")
public class Contribution extends MonthlyContribution {

    protected Contribution() {
        // for Hibernate
    }

    public Contribution(UUID id) {
        super(id);
    }
}
