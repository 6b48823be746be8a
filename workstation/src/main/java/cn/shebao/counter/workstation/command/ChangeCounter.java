package cn.shebao.counter.workstation.command;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The change log's last sequence; locked by the committing transaction, so sequence order is commit order. */
@Entity
@Table(name = "change_counter")
public class ChangeCounter {

    static final int SINGLETON_ID = 1;

    @Id
    private Integer id;
    private long lastSequence;

    protected ChangeCounter() {
        // for Hibernate
    }

    long next() {
        return ++lastSequence;
    }
}
