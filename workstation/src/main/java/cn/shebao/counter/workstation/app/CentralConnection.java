package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.store.DriverDataSource;
import cn.shebao.counter.workstation.store.PooledDataSource;
import cn.shebao.counter.workstation.store.KeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.Backoff;
import cn.shebao.counter.workstation.sync.CentralTime;
import cn.shebao.counter.workstation.sync.Outbox;
import cn.shebao.counter.workstation.sync.Puller;
import cn.shebao.counter.workstation.sync.Pusher;
import cn.shebao.counter.workstation.sync.SyncEngine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import org.hibernate.SessionFactory;

/**
 * An enrolled workstation's link to central: the connection (password from the key protector), and the
 * background sync engine. Built without contacting central, so the workstation starts offline just as well.
 */
public final class CentralConnection implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CentralConnection.class);
    /**
     * Background sync period while online. Two seconds keeps central-to-workstation propagation well under five
     * seconds at the 95th percentile (see the sync benchmark); an idle round is one indexed query on central.
     */
    public static final Duration SYNC_INTERVAL = Duration.ofSeconds(2);

    private final SessionFactory central;
    private final SyncEngine engine;
    private final PooledDataSource pool;

    private CentralConnection(SessionFactory central, PooledDataSource pool, SyncEngine engine) {
        this.central = central;
        this.pool = pool;
        this.engine = engine;
    }

    static Optional<CentralConnection> open(DataDirectory dir, KeyProtector keys, Replica replica, Outbox outbox, CentralTime clock) {
        Optional<Enrolment> enrolment = Enrolment.read(dir);
        if (enrolment.isEmpty()) {
            return Optional.empty();
        }
        Enrolment e = enrolment.get();
        char[] secret = keys.loadSecret(Enrolment.CENTRAL_SECRET).orElse(new char[0]);
        char[] kept = secret.clone();
        Arrays.fill(secret, '\0');
        DriverDataSource dataSource = new DriverDataSource(e.centralUrl(), () -> {
            Properties p = new Properties();
            if (e.centralUser() != null) {
                p.setProperty("user", e.centralUser());
            }
            p.setProperty("password", new String(kept));
            if (e.centralUrl().startsWith("jdbc:postgresql:")) {
                // Never hang the sync thread on a dead network: a blackholed connection (packets dropped, no reset)
                // is noticed only by these timeouts (see SyncFaultTest).
                p.setProperty("connectTimeout", "5");
                p.setProperty("socketTimeout", "30");
            }
            return p;
        });
        PooledDataSource pooled = new PooledDataSource(dataSource, 3);
        SessionFactory central = PersistenceUnit.createOffline(pooled, e.centralUrl(), Migrations.Role.CENTRAL);
        CommandApplier applier = new CommandApplier(central, CommandHandlers.all(clock), clock, TimeOrderedIds.system());
        SyncEngine engine = new SyncEngine(outbox, new Pusher(outbox, applier, e.workstationCode()),
                new Puller(pooled, replica.dataSource(), 1000, clock, e.centralUrl()), clock, SYNC_INTERVAL,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SecureRandom()));
        boolean postgres = e.centralUrl().startsWith("jdbc:postgresql:");
        engine.addListener(status -> {
            try {
                clock.checkpoint();
                if (status.online()) {
                    clock.measure(pooled, postgres);
                }
            } catch (java.sql.SQLException | RuntimeException failure) {
                LOG.info("Central time not measured this round: {}", failure.toString());
            }
        });
        return Optional.of(new CentralConnection(central, pooled, engine.start()));
    }

    SyncEngine engine() {
        return engine;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            engine.close();
        } finally {
            central.close();
            pool.close();
        }
    }
}
