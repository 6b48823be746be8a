package cn.shebao.counter.workstation.demo;

import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/**
 * Writes generated rows through the application's persistence path: a Hibernate stateless session
 * with JDBC batching, one transaction per batch (so a crash loses at most the batch in flight).
 */
public final class HibernateDemoSink implements DemoDataSink, DemoDataGenerator.StoredRows {

    private final SessionFactory sessions;

    public HibernateDemoSink(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public void write(DemoBatch batch) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            session.setJdbcBatchSize(500);
            session.beginTransaction();
            try {
                for (List<Object> rows : batch.rowsByType().values()) {
                    if (!rows.isEmpty()) {
                        session.insertMultiple(rows);
                    }
                }
                session.getTransaction().commit();
            } catch (RuntimeException e) {
                rollBack(session, e);
                throw e;
            }
        }
    }

    /**
     * After a full disk Derby may have closed the connection, and the rollback fails too: that failure is attached to
     * the first one instead of replacing it ("Unable to rollback against JDBC Connection" told nobody the disk was full).
     */
    private static void rollBack(StatelessSession session, RuntimeException failure) {
        try {
            if (session.getTransaction().isActive()) {
                session.getTransaction().rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public boolean holds(Object row) {
        Object id = sessions.getPersistenceUnitUtil().getIdentifier(row);
        return sessions.fromStatelessTransaction(s -> s.get(row.getClass(), id) != null);
    }
}
