package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.audit.CountersignedHeads;
import cn.shebao.counter.workstation.auditview.AccessHistory;
import cn.shebao.counter.workstation.auditview.CentreAudit;
import cn.shebao.counter.workstation.citizen.OlderRecords;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.store.KeyProtector;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.sync.Backoff;
import cn.shebao.counter.workstation.sync.CentralAccessHistory;
import cn.shebao.counter.workstation.sync.CentralOlderRecords;
import cn.shebao.counter.workstation.sync.CentralTime;
import cn.shebao.counter.workstation.sync.KeptCentrePolicy;
import cn.shebao.counter.workstation.sync.Puller;
import cn.shebao.counter.workstation.sync.Pusher;
import cn.shebao.counter.workstation.sync.ServiceCentreAudit;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.sync.SyncEngine;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An enrolled workstation's link to the central service: mutual TLS with this machine's certificate, and the
 * background sync engine. Built without contacting central, so the workstation starts offline just as well.
 */
public final class CentralConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CentralConnection.class);
    /**
     * Background sync period while online. Two seconds keeps central-to-workstation propagation well under five
     * seconds at the 95th percentile (see the sync benchmark); an idle round is one indexed query on central.
     */
    /**
     * Between background rounds. A central change reaches the window within about one interval (p95 = the interval
     * plus a pull): 1.5 s keeps p95 under 2 s; each idle round is one small GET per window.
     */
    public static final Duration SYNC_INTERVAL = Duration.ofMillis(1500);

    /** Reads for the clerk waiting at the window: a frozen service is given up on within seconds, not half a minute. */
    static final Duration READ_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(8);

    private final SyncEngine engine;
    private final OlderRecords olderRecords;
    private final AccessHistory accessHistory;
    private final CentreAudit centreAudit;

    private CentralConnection(SyncEngine engine, OlderRecords olderRecords, AccessHistory accessHistory, CentreAudit centreAudit) {
        this.engine = engine;
        this.olderRecords = olderRecords;
        this.accessHistory = accessHistory;
        this.centreAudit = centreAudit;
    }

    static Optional<CentralConnection> open(DataDirectory dir, KeyProtector keys, Replica replica, Outbox outbox, CentralTime clock,
            KeptCentrePolicy policy) {
        Optional<Enrolment> enrolment = Enrolment.read(dir);
        Optional<NodeIdentity> identity = NodeIdentity.load(dir, keys);
        if (enrolment.isEmpty() || identity.isEmpty() || enrolment.get().serviceUrl() == null) {
            return Optional.empty();
        }
        Enrolment e = enrolment.get();
        ServiceClient service = new ServiceClient(URI.create(e.serviceUrl()), identity.get().tls())
                .signingBatchesWith(identity.get().privateKey());
        SyncEngine engine = new SyncEngine(outbox, new Pusher(outbox, service, e.workstationCode()),
                new Puller(service, replica.dataSource(), 1000, clock), clock, SYNC_INTERVAL,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SecureRandom()))
                .watchingAnswersOf(service::waitingSince);
        AtomicBoolean online = new AtomicBoolean();
        ServiceClient reads = new ServiceClient(URI.create(e.serviceUrl()), identity.get().tls(), READ_CONNECT_TIMEOUT, READ_TIMEOUT);
        OlderRecords older = new CentralOlderRecords(reads, online::get);
        AccessHistory accesses = new CentralAccessHistory(reads, online::get);
        CountersignedHeads heads = new CountersignedHeads(replica.sessions(), e.workstationCode(), identity.get().ca().getPublicKey());
        engine.addListener(status -> online.set(status.online()));
        engine.atEachRoundEnd(status -> {
            try {
                clock.checkpoint();
                if (status.online()) {
                    clock.measure(service);
                }
            } catch (SQLException | RuntimeException failure) {
                LOG.info("Central time not measured this round: {}", failure.toString());
            }
            try {
                if (status.online()) {
                    policy.refresh(service);
                }
            } catch (SQLException | RuntimeException failure) {
                LOG.info("The centre's policy not fetched this round: {}", failure.toString());
            }
            try {
                if (status.online()) {
                    heads.refresh(service); // asks only when rows were shipped since the head kept
                }
            } catch (RuntimeException failure) {
                LOG.info("Countersigned audit head not fetched this round: {}", failure.toString());
            }
        });
        return Optional.of(new CentralConnection(engine.start(), older, accesses, new ServiceCentreAudit(reads, online::get, clock.getZone())));
    }

    /** The months older than the replica's window, read from central while online. */
    OlderRecords olderRecords() {
        return olderRecords;
    }

    /** Who viewed or printed a record at every window, from central while online. */
    AccessHistory accessHistory() {
        return accessHistory;
    }

    /** The centre's view of every window's audit, while online. */
    CentreAudit centreAudit() {
        return centreAudit;
    }

    SyncEngine engine() {
        return engine;
    }

    @Override
    public void close() throws InterruptedException {
        engine.close();
    }
}
