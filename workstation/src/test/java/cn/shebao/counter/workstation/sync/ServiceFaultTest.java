package cn.shebao.counter.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.audit.AuditVerifier;
import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.ShippedAuditEvent;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.command.OutboxCommand;
import cn.shebao.counter.workstation.demo.DemoCards;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.identity.IdentityConfirmations;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.TcpProxy;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network fails on both links while a workstation syncs: proxies of our own (loopback only) cut, blackhole and
 * delay the TLS connection between the workstation and the central service, and the JDBC connection between the
 * service and PostgreSQL, during push, pull and initial load. The faults are counted
 * and must have hit; afterwards every command is applied exactly once and in order, the audit chain arrived whole,
 * the replica equals central, and the queue drains soon after the network returns.
 */
class ServiceFaultTest {

    private static final String NODE = "SVCFAULT-01";

    @TempDir
    Path tmp;
    private TestPostgres pg;
    private TestCentral service;
    private SessionFactory central;
    private TcpProxy proxy;
    private TcpProxy toDatabase;
    private ServiceClient viaProxy;
    private ServiceClient direct;

    @BeforeEach
    void start() throws Exception {
        pg = TestPostgres.createDatabase();
        toDatabase = new TcpProxy(pg.port());
        // The service reaches PostgreSQL through its own proxy, with the timeouts that notice a blackhole.
        service = TestCentral.start(pg.through(toDatabase.port()), tmp.resolve("pki"));
        central = CentralSchema.unit(PersistenceUnit.SchemaCheck.VALIDATE).create(pg.dataSource());
        new DemoDataGenerator(new DemoDataGenerator.Settings(2026, 150, DemoReplica.AS_OF, 12, 50))
                .generate(new HibernateDemoSink(central), (d, t, r) -> { });
        TestCentral.Machine machine = service.enrolled(NODE);
        proxy = new TcpProxy(service.port());
        // Short timeouts, so a blackholed link fails in two seconds rather than thirty.
        viaProxy = machine.at(URI.create("https://127.0.0.1:" + proxy.port()), Duration.ofSeconds(2), Duration.ofSeconds(2));
        direct = machine.at(URI.create(service.url()));
    }

    @AfterEach
    void close() throws Exception {
        proxy.close();
        central.close();
        service.close();
        toDatabase.close();
        pg.close();
    }

    private Replica replica() {
        return Replica.open(new DataDirectory(tmp.resolve("data")), new KeyStoreKeyProtector(tmp.resolve("keys"),
                "faults".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE));
    }

    /** Flips one of the two links at a time between failure modes at random until stopped, then leaves both passing. */
    private Thread chaos(long seed) {
        Thread t = new Thread(() -> {
            Random random = new Random(seed);
            TcpProxy.Mode[] modes = {TcpProxy.Mode.CUT, TcpProxy.Mode.BLACKHOLE, TcpProxy.Mode.PASS, TcpProxy.Mode.DELAY};
            TcpProxy[] links = {proxy, toDatabase};
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    TcpProxy link = links[random.nextInt(links.length)];
                    TcpProxy.Mode m = modes[random.nextInt(modes.length)];
                    if (m == TcpProxy.Mode.DELAY) {
                        link.delay(20 + random.nextInt(200));
                    } else {
                        link.mode(m);
                    }
                    Thread.sleep(100 + random.nextInt(700)); // the fault schedule's own pace, not a wait for state
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                proxy.mode(TcpProxy.Mode.PASS);
                toDatabase.mode(TcpProxy.Mode.PASS);
            }
        }, "chaos");
        t.setDaemon(true);
        return t;
    }

    @Test
    void aCutInitialLoadResumesAndTheReplicaEqualsCentral() throws Exception {
        try (Replica replica = replica()) {
            InitialLoad load = new InitialLoad(viaProxy, replica.dataSource(), 200);
            int[] pages = {0};
            assertThatThrownBy(() -> load.run(p -> {
                if (++pages[0] == 10) {
                    proxy.mode(TcpProxy.Mode.CUT);
                }
            })).isInstanceOf(cn.shebao.counter.workstation.wire.CentralUnavailableException.class);
            assertThat(InitialLoad.completed(replica.dataSource())).isFalse();
            proxy.mode(TcpProxy.Mode.PASS);
            // Resumed, and cut again on the other link: the service loses its database and answers 503.
            int[] more = {0};
            assertThatThrownBy(() -> load.run(p -> {
                if (++more[0] == 5) {
                    toDatabase.mode(TcpProxy.Mode.CUT);
                }
            })).isInstanceOf(cn.shebao.counter.workstation.wire.CentralUnavailableException.class);
            toDatabase.mode(TcpProxy.Mode.PASS);
            // The service's pool finds its cut connections dead as it next uses them: the first request after the link
            // returns may still be a 503, which a workstation retries like any other. Resumed until complete.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            int attempts = 0;
            while (!InitialLoad.completed(replica.dataSource())) {
                attempts++;
                try {
                    load.run(p -> { });
                } catch (cn.shebao.counter.workstation.wire.CentralUnavailableException transientAfterCut) {
                    assertThat(System.nanoTime()).as("the load completes once the database link is back").isLessThan(deadline);
                    Thread.onSpinWait();
                }
            }
            assertThat(attempts).isPositive();
            assertThat(InitialLoad.completed(replica.dataSource())).isTrue();
            assertThat(rows(replica.sessions())).isEqualTo(rows(central));
        }
    }

    @Test
    void commandsPushedThroughFailuresAreAppliedExactlyOnceInOrderWithTheAuditAndDrainOnceTheNetworkIsBack() throws Exception {
        try (Replica replica = replica()) {
            new InitialLoad(direct, replica.dataSource(), 1000).run(p -> { });
            Clock clock = Clock.systemUTC();
            Outbox outbox = new Outbox(replica.sessions(), clock, TimeOrderedIds.system());
            AuditLog audit = new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), NODE).shipTo(outbox);
            IdentityConfirmations confirmations = new IdentityConfirmations(replica.sessions(), new StaffAuthenticator(
                    replica.sessions(), new PasswordHasher(), audit, clock, LoginPolicy.standard()), outbox, audit, clock,
                    TimeOrderedIds.system(), NODE);
            StaffSession clerk = DemoReplica.staff(replica.sessions(), "chenjing");
            List<InsuredPerson> people = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                    "from InsuredPerson order by citizenIdNumber", InsuredPerson.class).getResultList());
            int confirmed = 100;
            for (int i = 0; i < confirmed; i++) {
                InsuredPerson p = people.get(i % people.size());
                confirmations.confirmByCard(clerk, p.getId(), DemoCards.cardOf(p), IdentityConfirmations.FaceCheck.PHOTO_NOT_DECODABLE);
            }
            long queued = outbox.pendingCount();
            assertThat(queued).as("each confirmation and its audit event").isEqualTo(2L * confirmed);

            Pusher pusher = new Pusher(outbox, viaProxy, NODE);
            Thread chaos = chaos(42);
            chaos.start();
            long chaosUntil = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            int failures = 0;
            while (System.nanoTime() < chaosUntil && outbox.pendingCount() > 0) {
                if (pusher.push(5).error() != null) {
                    failures++;
                }
            }
            chaos.interrupt();
            chaos.join();
            long back = System.nanoTime();
            while (outbox.pendingCount() > 0) {
                pusher.push(100);
                assertThat(System.nanoTime() - back).as("drained after the network returned").isLessThan(Duration.ofSeconds(30).toNanos());
            }
            assertThat(failures).as("the faults really interrupted pushes").isPositive();

            // Answers the faults cut off after central had committed came back as duplicates on the retry.
            long lostToFaults = duplicates(replica, Long.MAX_VALUE);
            // Of those, the ones among the first commands: the last ten are sent again below, which replaces their
            // answers (counting them all made the test fail whenever the faults had hit one of the last ten).
            long lostBeforeTheLastTen = duplicates(replica, queued - 10);
            // An answer lost after central committed (the workstation crashed before recording it): the command goes
            // again and central answers it from the stored result, applying nothing twice.
            replica.sessions().inTransaction(s -> s.createNativeMutationQuery(
                    "UPDATE outbox_command SET state = 'PENDING', result_code = NULL WHERE sequence_number > ?1")
                    .setParameter(1, queued - 10).executeUpdate());
            assertThat(pusher.push(100).acknowledged()).isEqualTo(10);
            assertThat(duplicates(replica, Long.MAX_VALUE)).as("answered as duplicates").isEqualTo(10 + lostBeforeTheLastTen);
            System.out.printf("ServiceFaultTest: %d pushes failed under faults, %d answers lost to them came back as duplicates%n",
                    failures, lostToFaults);

            List<Long> applied = central.fromTransaction(s -> s.createSelectionQuery(
                    "select sequenceNumber from AppliedCommand where nodeCode = :n order by sequenceNumber", Long.class)
                    .setParameter("n", NODE).getResultList());
            assertThat(applied).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, queued).boxed().toList());
            List<String> conflicts = central.fromTransaction(s -> s.createSelectionQuery(
                    "select conflictKind || ': ' || coalesce(detail, '') from SyncConflict where nodeCode = :n", String.class)
                    .setParameter("n", NODE).getResultList());
            assertThat(conflicts).as("a real clerk's confirmations: no conflict").isEmpty();
            List<UUID> local = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                    "select id from IdentityConfirmation where workstationCode = :n", UUID.class).setParameter("n", NODE).getResultList());
            List<UUID> there = central.fromTransaction(s -> s.createSelectionQuery(
                    "select id from IdentityConfirmation where workstationCode = :n", UUID.class).setParameter("n", NODE).getResultList());
            assertThat(there).hasSize(confirmed).containsExactlyInAnyOrderElementsOf(local);
            // The audit chain reached central whole and in order, with the hashes the workstation wrote.
            List<String> shipped = central.fromTransaction(s -> s.createSelectionQuery(
                    "from ShippedAuditEvent where workstationCode = :n order by sequenceNumber", ShippedAuditEvent.class)
                    .setParameter("n", NODE).getResultList()).stream().map(ShippedAuditEvent::getEntryHash).toList();
            List<String> written = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                    "select entryHash from AuditEvent order by sequenceNumber", String.class).getResultList());
            assertThat(shipped).hasSize(confirmed).containsExactlyElementsOf(written);
            assertThat(new AuditVerifier(replica.sessions()).verify().intact()).isTrue();
            // Central verified the chain itself as it arrived, through every fault: linked and unedited to its end.
            cn.shebao.counter.workstation.central.AuditChainState chain = central.fromTransaction(s -> s.find(
                    cn.shebao.counter.workstation.central.AuditChainState.class, NODE));
            assertThat(chain.getProblemKind()).isNull();
            assertThat(chain.getVerifiedSequence()).isEqualTo(written.size());
        }
    }

    @Test
    void pagesPulledThroughFailuresLeaveTheReplicaEqualToCentral() throws Exception {
        try (Replica replica = replica()) {
            new InitialLoad(direct, replica.dataSource(), 1000).run(p -> { });
            List<UUID> ids = central.fromTransaction(s -> s.createSelectionQuery("select id from InsuredPerson", UUID.class).getResultList());
            ChangeLog log = new ChangeLog(Clock.systemUTC());
            Random random = new Random(7);
            for (int batch = 0; batch < 30; batch++) {
                int first = batch * 50;
                central.inTransaction(s -> {
                    for (int i = first; i < first + 50; i++) {
                        InsuredPerson p = s.find(InsuredPerson.class, ids.get(random.nextInt(ids.size())));
                        p.setPhone(String.format("1390000%04d", i));
                        s.flush();
                        log.record(s, "insured_person", p.getId(), p.getRowVersion(), ChangeLogEntry.Operation.UPSERT, null);
                    }
                });
            }
            Puller puller = new Puller(viaProxy, replica.dataSource(), 50, Clock.systemUTC());
            Thread chaos = chaos(99);
            chaos.start();
            long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            int failures = 0;
            while (System.nanoTime() < until) {
                try {
                    if (puller.pullPage().entries() == 0) {
                        break;
                    }
                } catch (RuntimeException e) {
                    failures++;
                }
            }
            chaos.interrupt();
            chaos.join();
            puller.pullAll();
            assertThat(failures).as("the faults really interrupted pulls").isPositive();
            assertThat(rows(replica.sessions())).isEqualTo(rows(central));
        }
    }

    /** Commands answered as duplicates, among those numbered up to {@code upTo}. */
    private static long duplicates(Replica replica, long upTo) {
        return replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from OutboxCommand where resultCode like 'DUPLICATE%' and sequenceNumber <= :upTo", Long.class)
                .setParameter("upTo", upTo).getSingleResult());
    }

    /** Every person's phone and row version: the replica must equal central row by row, not only in counts. */
    private static Map<UUID, String> rows(SessionFactory sessions) {
        return sessions.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson", InsuredPerson.class).getResultList())
                .stream().collect(Collectors.toMap(InsuredPerson::getId, p -> p.getPhone() + "@" + p.getRowVersion(), (a, b) -> a, TreeMap::new));
    }
}
