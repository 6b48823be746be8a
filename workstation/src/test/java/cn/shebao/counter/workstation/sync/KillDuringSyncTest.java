package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.central.JdbcSnapshotSource;
import cn.shebao.counter.workstation.central.JdbcChangeSource;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.app.CommandHandlers;
import cn.shebao.counter.workstation.app.DataDirectory;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.audit.AuditVerifier;
import cn.shebao.counter.workstation.central.ChangeLog;
import cn.shebao.counter.workstation.central.ChangeLogEntry;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.demo.DemoCards;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.identity.IdentityConfirmations;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workstation process killed with SIGKILL at random points while it pushes and while it applies pages, then
 * restarted: every committed command is applied centrally exactly once and in order, the replica ends equal
 * to central, and the audit holds exactly the audited actions in an intact chain.
 */
class KillDuringSyncTest {

    private static final String KEYS = "kill-test";

    @TempDir
    Path tmp;

    @Test
    void killedMidPushAndMidPullLosesAndDuplicatesNothing() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase()) {
            Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
            int commands = 200;
            try (SessionFactory central = PersistenceUnit.create(pg.dataSource(), PersistenceUnit.SchemaCheck.VALIDATE,
                    Migrations.Role.CENTRAL)) {
                new DemoDataGenerator(new DemoDataGenerator.Settings(2026, 120, DemoReplica.AS_OF, 12, 60))
                        .generate(new HibernateDemoSink(central), (d, t, r) -> { });
                new CommandApplier(central, Map.of(), Clock.systemUTC(), TimeOrderedIds.system()).register("KILL-01");
                try (Replica replica = open()) {
                    new InitialLoad(new JdbcSnapshotSource(pg.dataSource()), replica.dataSource(), 1000).run(p -> { });
                    queueConfirmations(replica, commands);
                }
                Random random = new Random(2026);
                for (int round = 0; round < 4; round++) {
                    killAfter(child(pg, "push"), 300 + random.nextInt(1500));
                }
                // Central changes for the pulls; then the child dies while applying pages.
                List<UUID> ids = central.fromTransaction(s -> s.createSelectionQuery("select id from InsuredPerson", UUID.class)
                        .getResultList());
                ChangeLog log = new ChangeLog(Clock.systemUTC());
                for (int i = 0; i < 600; i++) {
                    UUID id = ids.get(random.nextInt(ids.size()));
                    String phone = String.format("1370000%04d", i);
                    central.inTransaction(s -> {
                        InsuredPerson p = s.find(InsuredPerson.class, id);
                        p.setPhone(phone);
                        s.flush();
                        log.record(s, "insured_person", id, p.getRowVersion(), ChangeLogEntry.Operation.UPSERT, null);
                    });
                }
                for (int round = 0; round < 4; round++) {
                    killAfter(child(pg, "pull"), 200 + random.nextInt(800));
                }

                // Restart and finish: everything converges.
                try (Replica replica = open()) {
                    Outbox outbox = new Outbox(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system());
                    Pusher pusher = new Pusher(outbox, new CommandApplier(central, CommandHandlers.all(Clock.systemUTC()),
                            Clock.systemUTC(), TimeOrderedIds.system()), "KILL-01");
                    while (outbox.pendingCount() > 0) {
                        assertThat(pusher.push(100).complete()).isTrue();
                    }
                    new Puller(new JdbcChangeSource(pg.dataSource()), replica.dataSource(), 1000, Clock.systemUTC()).pullAll();

                    List<Long> applied = central.fromTransaction(s -> s.createSelectionQuery(
                            "select sequenceNumber from AppliedCommand where nodeCode = 'KILL-01' order by sequenceNumber",
                            Long.class).getResultList());
                    assertThat(applied).containsExactlyElementsOf(LongStream.rangeClosed(1, commands).boxed().toList());
                    long confirmations = central.fromTransaction(s -> s.createSelectionQuery(
                            "select count(*) from IdentityConfirmation where workstationCode = 'KILL-01'", Long.class).getSingleResult());
                    assertThat(confirmations).isEqualTo(commands);
                    assertThat(phones(replica.sessions())).isEqualTo(phones(central));
                    long audited = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                            "select count(*) from AuditEvent where actionCode like 'identity.card.%'", Long.class).getSingleResult());
                    assertThat(audited).isEqualTo(commands);
                    assertThat(new AuditVerifier(replica.sessions()).verify().intact()).isTrue();
                }
            }
        }
    }

    private Replica open() {
        return Replica.open(new DataDirectory(tmp.resolve("data")), new KeyStoreKeyProtector(tmp.resolve("keys"), KEYS.toCharArray()),
                PersistenceUnit.SchemaCheck.VALIDATE);
    }

    private static void queueConfirmations(Replica replica, int commands) {
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), "KILL-01");
        Outbox outbox = new Outbox(replica.sessions(), clock, TimeOrderedIds.system());
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

    private Process child(TestPostgres pg, String mode) throws Exception {
        ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ChildWorkstation.class.getName(), tmp.toString(), KEYS,
                pg.dataSource().url(), pg.user(), mode);
        b.environment().put("CENTRAL_PASSWORD", new String(pg.password()));
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
                out.transferTo(java.io.Writer.nullWriter());
            } catch (java.io.IOException ignored) {
                // the child was killed
            }
        });
        drain.setDaemon(true);
        drain.start();
        return p;
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
