package cn.shebao.counter.workstation.demo;

import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/**
 * Writes generated rows through the application's persistence path: a Hibernate stateless session
 * with JDBC batching, one transaction per batch (so a crash loses at most the batch in flight).
 */
public final class HibernateDemoSink implements DemoDataSink {

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
                if (session.getTransaction().isActive()) {
                    session.getTransaction().rollback();
                }
                throw e;
            }
        }
    }
}
