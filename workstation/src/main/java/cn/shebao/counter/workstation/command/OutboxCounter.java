package cn.shebao.counter.workstation.command;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The node's last used command sequence; updated in the appending transaction, so it is gap-free. */
@Entity
@Table(name = "outbox_counter")
public class OutboxCounter {

    static final int SINGLETON_ID = 1;

    @Id
    private Integer id;
    private long lastSequence;

    protected OutboxCounter() {
        // for Hibernate
    }

    long next() {
        return ++lastSequence;
    }
}
