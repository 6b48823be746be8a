package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.central.JdbcSnapshotSource;
import cn.shebao.counter.workstation.central.JdbcChangeSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.app.CommandHandlers;
import cn.shebao.counter.workstation.app.DataDirectory;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.central.ChangeLog;
import cn.shebao.counter.workstation.central.ChangeLogEntry;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.demo.DemoCards;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.identity.IdentityConfirmation;
import cn.shebao.counter.workstation.identity.IdentityConfirmations;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.store.DriverDataSource;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.TcpProxy;
import cn.shebao.counter.workstation.testing.TestPostgres;
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
 * The network between a workstation and central fails while it syncs: a proxy of our own (loopback only) cuts,
 * blackholes and delays the PostgreSQL connection during push, pull and initial load. Afterwards every command
 * is applied exactly once and in order, the replica equals central, and the queue drains soon after the network
 * returns.
 */
class SyncFaultTest {

    @TempDir
    Path tmp;
    private TestPostgres pg;
    private SessionFactory central;
    private TcpProxy proxy;
    private DriverDataSource viaProxy;

    @BeforeEach
    void central() throws Exception {
        pg = TestPostgres.createDatabase();
        Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
        central = PersistenceUnit.create(pg.dataSource(), PersistenceUnit.SchemaCheck.VALIDATE, Migrations.Role.CENTRAL);
        new DemoDataGenerator(new DemoDataGenerator.Settings(2026, 150, DemoReplica.AS_OF, 12, 50))
                .generate(new HibernateDemoSink(central), (d, t, r) -> { });
        proxy = new TcpProxy(pg.port());
        viaProxy = pg.through(proxy.port());
    }

    @AfterEach
    void close() throws Exception {
        proxy.close();
        central.close();
        pg.close();
    }

    private Replica replica() {
        return Replica.open(new DataDirectory(tmp.resolve("data")), new KeyStoreKeyProtector(tmp.resolve("keys"),
                "faults".toCharArray()), PersistenceUnit.SchemaCheck.VALIDATE);
    }

    /** Flips the proxy between failure modes at random until stopped, then leaves it passing. */
    private Thread chaos(long seed) {
        Thread t = new Thread(() -> {
            Random random = new Random(seed);
            TcpProxy.Mode[] modes = {TcpProxy.Mode.CUT, TcpProxy.Mode.BLACKHOLE, TcpProxy.Mode.PASS, TcpProxy.Mode.DELAY};
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    TcpProxy.Mode m = modes[random.nextInt(modes.length)];
                    if (m == TcpProxy.Mode.DELAY) {
                        proxy.delay(20 + random.nextInt(200));
                    } else {
                        proxy.mode(m);
                    }
                    Thread.sleep(100 + random.nextInt(700));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                proxy.mode(TcpProxy.Mode.PASS);
            }
        }, "chaos");
        t.setDaemon(true);
        return t;
    }

    @Test
    void aCutInitialLoadResumesAndTheReplicaEqualsCentral() throws Exception {
        try (Replica replica = replica()) {
            InitialLoad load = new InitialLoad(new JdbcSnapshotSource(viaProxy), replica.dataSource(), 200);
            proxy.mode(TcpProxy.Mode.PASS);
            int[] pages = {0};
            assertThatThrownBy(() -> load.run(p -> {
                if (++pages[0] == 10) {
                    proxy.mode(TcpProxy.Mode.CUT);
                }
            })).isInstanceOf(Exception.class);
            proxy.mode(TcpProxy.Mode.PASS);
            load.run(p -> { });
            assertThat(InitialLoad.completed(replica.dataSource())).isTrue();
            assertThat(counts(replica.dataSource())).isEqualTo(counts(pg.dataSource()));
        }
    }

    @Test
    void commandsPushedThroughFailuresAreAppliedExactlyOnceInOrderAndDrainOnceTheNetworkIsBack() throws Exception {
        try (Replica replica = replica()) {
            new InitialLoad(new JdbcSnapshotSource(pg.dataSource()), replica.dataSource(), 1000).run(p -> { });
            CommandApplier applier = new CommandApplier(PersistenceUnit.createOffline(viaProxy,
                    "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/x", Migrations.Role.CENTRAL),
                    CommandHandlers.all(Clock.systemUTC()), Clock.systemUTC(), TimeOrderedIds.system());
            new CommandApplier(central, Map.of(), Clock.systemUTC(), TimeOrderedIds.system()).register("FAULT-01");
            Clock clock = Clock.systemUTC();
            AuditLog audit = new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), "FAULT-01");
            Outbox outbox = new Outbox(replica.sessions(), clock, TimeOrderedIds.system());
            IdentityConfirmations confirmations = new IdentityConfirmations(replica.sessions(), new StaffAuthenticator(
                    replica.sessions(), new PasswordHasher(), audit, clock, LoginPolicy.standard()), outbox, audit, clock,
                    TimeOrderedIds.system(), "FAULT-01");
            List<InsuredPerson> people = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                    "from InsuredPerson order by citizenIdNumber", InsuredPerson.class).getResultList());
            int commands = 150;
            for (int i = 0; i < commands; i++) {
                InsuredPerson p = people.get(i % people.size());
                confirmations.confirmByCard(DemoReplica.clerk(), p.getId(), DemoCards.cardOf(p),
                        IdentityConfirmations.FaceCheck.PHOTO_NOT_DECODABLE);
            }
            Pusher pusher = new Pusher(outbox, applier, "FAULT-01");
            Thread chaos = chaos(42);
            chaos.start();
            long chaosUntil = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            int failures = 0;
            while (System.nanoTime() < chaosUntil && outbox.pendingCount() > 0) {
                Pusher.Report report = pusher.push(5);
                if (report.error() != null) {
                    failures++;
                }
            }
            chaos.interrupt();
            chaos.join();
            // Liveness: with the network back, the rest drains within a bounded time.
            long back = System.nanoTime();
            while (outbox.pendingCount() > 0) {
                pusher.push(100);
                assertThat(System.nanoTime() - back).as("drained after the network returned")
                        .isLessThan(Duration.ofSeconds(30).toNanos());
            }
            assertThat(failures).as("the faults really happened").isPositive();
            List<Long> applied = central.fromTransaction(s -> s.createSelectionQuery(
                    "select sequenceNumber from AppliedCommand where nodeCode = 'FAULT-01' order by sequenceNumber", Long.class)
                    .getResultList());
            assertThat(applied).hasSize(commands);
            assertThat(applied).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, commands).boxed().toList());
            List<UUID> local = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                    "select id from IdentityConfirmation where workstationCode = 'FAULT-01'", UUID.class).getResultList());
            List<UUID> there = central.fromTransaction(s -> s.createSelectionQuery(
                    "select id from IdentityConfirmation where workstationCode = 'FAULT-01'", UUID.class).getResultList());
            assertThat(there).hasSize(commands).containsExactlyInAnyOrderElementsOf(local);
            long audited = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                    "select count(*) from AuditEvent where actionCode like 'identity.card.%'", Long.class).getSingleResult());
            assertThat(audited).isEqualTo(commands);
        }
    }

    @Test
    void pagesPulledThroughFailuresLeaveTheReplicaEqualToCentral() throws Exception {
        try (Replica replica = replica()) {
            new InitialLoad(new JdbcSnapshotSource(pg.dataSource()), replica.dataSource(), 1000).run(p -> { });
            List<UUID> ids = central.fromTransaction(s -> s.createSelectionQuery("select id from InsuredPerson", UUID.class)
                    .getResultList());
            ChangeLog log = new ChangeLog(Clock.systemUTC());
            Random random = new Random(7);
            for (int i = 0; i < 1500; i++) {
                UUID id = ids.get(random.nextInt(ids.size()));
                String phone = String.format("1390000%04d", i);
                central.inTransaction(s -> {
                    InsuredPerson p = s.find(InsuredPerson.class, id);
                    p.setPhone(phone);
                    s.flush();
                    log.record(s, "insured_person", id, p.getRowVersion(), ChangeLogEntry.Operation.UPSERT, null);
                });
            }
            Puller puller = new Puller(new JdbcChangeSource(viaProxy), replica.dataSource(), 50, Clock.systemUTC());
            Thread chaos = chaos(99);
            chaos.start();
            long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            int failures = 0;
            while (System.nanoTime() < until) {
                try {
                    if (puller.pullPage().entries() == 0) {
                        break;
                    }
                } catch (Exception e) {
                    failures++;
                }
            }
            chaos.interrupt();
            chaos.join();
            puller.pullAll();
            assertThat(failures).as("the faults really happened").isPositive();
            Map<UUID, String> mine = phones(replica.sessions());
            Map<UUID, String> theirs = phones(central);
            assertThat(mine).isEqualTo(theirs);
        }
    }

    private static Map<UUID, String> phones(SessionFactory sessions) {
        return sessions.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson", InsuredPerson.class).getResultList())
                .stream().collect(Collectors.toMap(InsuredPerson::getId, p -> String.valueOf(p.getPhone()), (a, b) -> a, TreeMap::new));
    }

    private static Map<String, Long> counts(javax.sql.DataSource db) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement st = c.createStatement()) {
            for (String t : List.of("employer", "insured_person", "contribution", "pension_payment", "online_account",
                    "special_drug_application", "staff_user")) {
                try (java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
