package cn.shebao.counter.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.audit.AuditVerifier;
import cn.shebao.counter.workstation.central.CentralSchema;
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
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workstation process killed with SIGKILL at random points while it pushes and while it applies pages through the
 * central service, then restarted: every committed command is applied centrally exactly once and in order, the replica ends equal
 * to central, and the audit holds exactly the audited actions in an intact chain.
 */
class KillDuringSyncTest {

    private static final String KEYS = "kill-test";
    private static final String NODE_PASSWORD = "kill-node";
    /** Batches of 50 phone changes at central before the pulls: over 150 pages of 20 for the children, who take a handful each. */
    private static final int CHANGE_BATCHES = 60;

    @TempDir
    Path tmp;

    @Test
    void killedMidPushAndMidPullLosesAndDuplicatesNothing() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral service = TestCentral.start(pg.dataSource(), tmp.resolve("pki"))) {
            int confirmed = 1000;
            int commands = 2 * confirmed; // each confirmation and its audit row, shipped in the same outbox
            try (SessionFactory central = CentralSchema.unit(PersistenceUnit.SchemaCheck.VALIDATE).create(pg.dataSource())) {
                new DemoDataGenerator(new DemoDataGenerator.Settings(2026, 120, DemoReplica.AS_OF, 12, 60))
                        .generate(new HibernateDemoSink(central), (d, t, r) -> { });
                service.writeMachineKeyStore("KILL-01", tmp.resolve("node.p12"), NODE_PASSWORD.toCharArray());
                ServiceClient client = TestCentral.machine(tmp.resolve("node.p12"), NODE_PASSWORD.toCharArray()).at(URI.create(service.url()));
                try (Replica replica = open()) {
                    new InitialLoad(client, replica.dataSource(), 1000).run(p -> { });
                    queueConfirmations(replica, confirmed);
                }
                Random random = new Random(2026);
                for (int round = 0; round < 4; round++) {
                    // Killed once it has really pushed something in this round, at a random moment after that.
                    long before = applied(central);
                    Process pushing = child(service, "push");
                    awaitProgress(pushing, () -> applied(central) > before);
                    killAfter(pushing, random.nextInt(400));
                }
                long appliedByChildren = central.fromTransaction(s -> s.createSelectionQuery(
                        "select count(*) from AppliedCommand where nodeCode = 'KILL-01'", Long.class).getSingleResult());
                assertThat(appliedByChildren).as("the killed workstations pushed, and were killed before they finished")
                        .isBetween(1L, commands - 1L);
                // Central changes for the pulls; then the child dies while applying pages.
                List<UUID> ids = central.fromTransaction(s -> s.createSelectionQuery("select id from InsuredPerson", UUID.class)
                        .getResultList());
                ChangeLog log = new ChangeLog(Clock.systemUTC());
                // Enough changes that four kills, each a few pages in, can never reach the end of the log, however fast
                // the machine: a child that had nothing left to pull would never report a page (a fast CI machine once
                // drained 12 batches within the first kills' random delays and the next child waited in vain).
                for (int batch = 0; batch < CHANGE_BATCHES; batch++) {
                    int first = batch * 50;
                    central.inTransaction(s -> {
                        for (int i = first; i < first + 50; i++) {
                            InsuredPerson p = s.find(InsuredPerson.class, ids.get(random.nextInt(ids.size())));
                            p.setPhone(String.format("1370000%04d", i));
                            s.flush();
                            log.record(s, "insured_person", p.getId(), p.getRowVersion(), ChangeLogEntry.Operation.UPSERT, null);
                        }
                    });
                }
                for (int round = 0; round < 4; round++) {
                    // Killed once it has really applied one to four pages in this round, at a random moment within the
                    // next page or two: counted in pages rather than milliseconds, so the log outlasts every round.
                    AtomicInteger pages = new AtomicInteger();
                    Process pulling = child(service, "pull", pages);
                    int committed = 1 + random.nextInt(4);
                    awaitProgress(pulling, () -> pages.get() >= committed);
                    killAfter(pulling, random.nextInt(60));
                }
                long centralHead = central.fromTransaction(s -> s.createSelectionQuery(
                        "select max(sequenceNumber) from ChangeLogEntry", Long.class).getSingleResult());

                // Restart and finish: everything converges.
                try (Replica replica = open()) {
                    Outbox outbox = new Outbox(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system());
                    assertThat(cursor(replica)).as("the killed workstations applied pages, and were killed before the end of the log")
                            .isPositive().isLessThan(centralHead);
                    Pusher pusher = new Pusher(outbox, client, "KILL-01");
                    while (outbox.pendingCount() > 0) {
                        assertThat(pusher.push(100).complete()).isTrue();
                    }
                    long duplicates = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                            "select count(*) from OutboxCommand where resultCode like 'DUPLICATE%'", Long.class).getSingleResult());
                    System.out.printf("KillDuringSyncTest: %d of %d commands applied by killed workstations, %d answers lost to a kill"
                            + " came back as duplicates%n", appliedByChildren, commands, duplicates);
                    new Puller(client, replica.dataSource(), 1000, Clock.systemUTC()).pullAll();

                    List<Long> applied = central.fromTransaction(s -> s.createSelectionQuery(
                            "select sequenceNumber from AppliedCommand where nodeCode = 'KILL-01' order by sequenceNumber",
                            Long.class).getResultList());
                    assertThat(applied).containsExactlyElementsOf(LongStream.rangeClosed(1, commands).boxed().toList());
                    long confirmations = central.fromTransaction(s -> s.createSelectionQuery(
                            "select count(*) from IdentityConfirmation where workstationCode = 'KILL-01'", Long.class).getSingleResult());
                    assertThat(confirmations).isEqualTo(confirmed);
                    assertThat(phones(replica.sessions())).isEqualTo(phones(central));
                    long audited = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                            "select count(*) from AuditEvent where actionCode like 'identity.card.%'", Long.class).getSingleResult());
                    assertThat(audited).isEqualTo(confirmed);
                    assertThat(new AuditVerifier(replica.sessions()).verify().intact()).isTrue();
                    // Central verified the shipped chain row by row through every kill: whole, linked, unedited.
                    long localHead = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                            "select max(sequenceNumber) from AuditEvent", Long.class).getSingleResult());
                    cn.shebao.counter.workstation.central.AuditChainState chain = central.fromTransaction(s -> s.find(
                            cn.shebao.counter.workstation.central.AuditChainState.class, "KILL-01"));
                    assertThat(chain.getProblemKind()).isNull();
                    assertThat(chain.getVerifiedSequence()).isEqualTo(localHead);
                }
            }
        }
    }

    private static long cursor(Replica replica) throws java.sql.SQLException {
        try (var c = replica.dataSource().getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT pull_cursor FROM sync_state WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Replica open() {
        return Replica.open(new DataDirectory(tmp.resolve("data")), new KeyStoreKeyProtector(tmp.resolve("keys"), KEYS.toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE));
    }

    private static void queueConfirmations(Replica replica, int commands) {
        Clock clock = Clock.systemUTC();
        Outbox outbox = new Outbox(replica.sessions(), clock, TimeOrderedIds.system());
        AuditLog audit = new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), "KILL-01").shipTo(outbox);
        IdentityConfirmations confirmations = new IdentityConfirmations(replica.sessions(), new StaffAuthenticator(replica.sessions(),
                new PasswordHasher(), audit, clock, LoginPolicy.standard()), outbox, audit, clock, TimeOrderedIds.system(), "KILL-01");
        List<InsuredPerson> people = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                "from InsuredPerson order by citizenIdNumber", InsuredPerson.class).getResultList());
        for (int i = 0; i < commands; i++) {
            InsuredPerson p = people.get(i % people.size());
            confirmations.confirmByCard(DemoReplica.staff(replica.sessions(), "chenjing"), p.getId(), DemoCards.cardOf(p),
                    IdentityConfirmations.FaceCheck.MATCHES);
        }
    }

    private Process child(TestCentral service, String mode) throws Exception {
        return child(service, mode, new AtomicInteger());
    }

    /** @param pages counts the pages the child reports it committed ("PAGE" lines) */
    private Process child(TestCentral service, String mode, AtomicInteger pages) throws Exception {
        ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ChildWorkstation.class.getName(), tmp.toString(), KEYS,
                service.url(), tmp.resolve("node.p12").toString(), mode);
        b.environment().put("NODE_PASSWORD", NODE_PASSWORD);
        b.redirectErrorStream(true);
        Process p = b.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.contains("READY")) {
            // start-up log lines
        }
        assertThat(line).as("the child workstation started").isNotNull();
        Thread drain = new Thread(() -> {
            try {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    if (l.startsWith("PAGE")) {
                        pages.incrementAndGet();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the child was killed
            }
        });
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    private static long applied(SessionFactory central) {
        return central.fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from AppliedCommand where nodeCode = 'KILL-01'", Long.class).getSingleResult());
    }

    private static void awaitProgress(Process p, java.util.function.BooleanSupplier progressed) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!progressed.getAsBoolean()) {
            assertThat(p.isAlive()).as("the child workstation runs").isTrue();
            assertThat(System.nanoTime()).as("the child workstation made progress").isLessThan(deadline);
            p.waitFor(20, TimeUnit.MILLISECONDS); // returns early if the child died
        }
    }

    private static void killAfter(Process p, int millis) throws Exception {
        Thread.sleep(millis);
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no Derby shutdown
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static Map<UUID, String> phones(SessionFactory sessions) {
        return sessions.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson", InsuredPerson.class).getResultList())
                .stream().collect(Collectors.toMap(InsuredPerson::getId, p -> String.valueOf(p.getPhone()), (a, b) -> a, TreeMap::new));
    }
}
