package cn.shebao.counter.workstation.staff;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.security.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.InitialLoad;
import cn.shebao.counter.workstation.sync.Puller;
import cn.shebao.counter.workstation.sync.Pusher;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.testing.CentralRows;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import cn.shebao.counter.workstation.wire.ApplyResult;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.Payloads;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff accounts are central's, through the real service over mutual TLS on PostgreSQL: a password changed at
 * window A works at window B after its pull and the old one does not; a clerk IT disabled at A cannot log in at B,
 * even though B had counted failed logins of that clerk (which stay local and no longer hide central's change); a
 * new account made at A logs in at B; and a password change nobody signed is refused at central.
 */
class StaffSyncTest {

    private static final long SEED = 2026;

    @TempDir
    Path tmp;

    private record Window(Replica replica, StaffAuthenticator auth, PasswordChanges passwords, StaffAdministration administration,
            Pusher pusher, Puller puller) {

        static Window open(Path dir, String code, TestCentral central) throws Exception {
            Replica replica = Replica.open(new DataDirectory(dir.resolve("data")),
                    new KeyStoreKeyProtector(dir.resolve("keys"), "staff-sync".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE));
            ServiceClient service = central.machine(code);
            new InitialLoad(service, replica.dataSource(), 500).run(p -> { });
            Clock clock = Clock.systemUTC();
            AuditLog audit = new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), code);
            Outbox outbox = new Outbox(replica.sessions(), clock, TimeOrderedIds.system());
            StaffAuthenticator auth = new StaffAuthenticator(replica.sessions(), new PasswordHasher(), audit, clock, LoginPolicy.standard());
            return new Window(replica, auth, new PasswordChanges(replica.sessions(), auth, new PasswordHasher(), outbox, audit, clock,
                    () -> { }), new StaffAdministration(replica.sessions(), auth, new PasswordHasher(), outbox, audit, clock,
                    TimeOrderedIds.system(), () -> { }), new Pusher(outbox, service, code),
                    new Puller(service, replica.dataSource(), 1000, clock));
        }

        void sync() throws Exception {
            assertThat(pusher.push(1000).complete()).isTrue();
            puller.pullAll();
        }

        StaffSession login(String username, char[] password) {
            LoginOutcome outcome = auth.login(username, password);
            assertThat(outcome).as("%s logs in", username).isInstanceOf(LoginOutcome.Success.class);
            return ((LoginOutcome.Success) outcome).session();
        }
    }

    @Test
    void staffChangesMadeAtOneWindowHoldAtTheOther() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"))) {
            try (SessionFactory sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource())) {
                new DemoDataGenerator(new DemoDataGenerator.Settings(SEED, 20, LocalDate.of(2026, 11, 1), 2, 10))
                        .generate(new HibernateDemoSink(sessions), (d, t, r) -> { });
            }
            Window a = Window.open(tmp.resolve("a"), "STAFF-A", central);
            Window b = Window.open(tmp.resolve("b"), "STAFF-B", central);
            try {
                // B counts two failed logins of wanglei: they stay at B and must not hide what central decides.
                assertThat(b.auth().login("wanglei", "wrong-password-1".toCharArray())).isInstanceOf(LoginOutcome.WrongCredentials.class);
                assertThat(b.auth().login("wanglei", "wrong-password-2".toCharArray())).isInstanceOf(LoginOutcome.WrongCredentials.class);

                char[] old = password("liuyang");
                char[] changed = "Changed-at-A-2026".toCharArray();
                a.passwords().change(a.login("liuyang", old), old, changed);
                StaffSession admin = a.login("admin", password("admin"));
                UUID wanglei = CentralRows.staffId(pg.dataSource(), "wanglei");
                a.administration().update(admin, password("admin"), wanglei, "王磊", EnumSet.of(StaffRole.CLERK), false);
                char[] temporary = "Temporary-2026".toCharArray();
                a.administration().create(admin, password("admin"), "xiaoming", "小明", EnumSet.of(StaffRole.CLERK), temporary);
                a.sync();
                b.sync();

                assertThat(b.auth().login("liuyang", changed)).as("the new password at B").isInstanceOf(LoginOutcome.Success.class);
                assertThat(b.auth().login("liuyang", old)).as("the old password at B").isInstanceOf(LoginOutcome.WrongCredentials.class);
                assertThat(b.auth().login("wanglei", password("wanglei"))).as("the disabled clerk at B")
                        .isInstanceOf(LoginOutcome.WrongCredentials.class);
                assertThat(b.auth().login("xiaoming", temporary)).as("the new clerk at B, who must change the password")
                        .isInstanceOfSatisfying(LoginOutcome.Success.class, s -> assertThat(s.mustChangePassword()).isTrue());
                assertThat(activeAtCentral(pg, "wanglei")).isFalse();
            } finally {
                a.replica().close();
                b.replica().close();
            }
        }
    }

    /** The attack of the issue: a workstation sets a colleague's password hash of its choosing. Without their key, refused. */
    @Test
    void aPasswordChangeNotSignedByThePersonIsRefusedAndCentralKeepsTheOldHash() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"))) {
            try (SessionFactory sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource())) {
                new DemoDataGenerator(new DemoDataGenerator.Settings(SEED, 20, LocalDate.of(2026, 11, 1), 2, 10))
                        .generate(new HibernateDemoSink(sessions), (d, t, r) -> { });
            }
            UUID chenjing = CentralRows.staffId(pg.dataSource(), "chenjing");
            String before = hashAtCentral(pg, "chenjing");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("staffId", chenjing.toString());
            m.put("passwordHash", new PasswordHasher().hash("Attacker-2026".toCharArray()));
            m.put("passwordChangedAt", Instant.now().toString());
            m.put("signingKeySealed", "ed25519-aes256gcm$1$AA$AA$AA");
            CommandEnvelope forged = new CommandEnvelope("FORGE-02", 1, UUID.randomUUID(), "STAFF_PASSWORD_CHANGED", 1, Payloads.write(m),
                    chenjing, "chenjing");
            ServiceClient window = central.machine("FORGE-02");
            java.security.PrivateKey sunliKey = CentralRows.signingKey(pg.dataSource(), "sunli", SEED);
            List<ApplyResult> answers = window.push(List.of(forged,
                    CentralRows.signed(new CommandEnvelope("FORGE-02", 2, UUID.randomUUID(), "STAFF_PASSWORD_CHANGED", 1,
                            Payloads.write(m), chenjing, "chenjing"), chenjing, sunliKey)));
            assertThat(answers).extracting(ApplyResult::detail).containsExactly("SIGNATURE_MISSING", "SIGNATURE_INVALID");
            assertThat(hashAtCentral(pg, "chenjing")).isEqualTo(before);
        }
    }

    private static char[] password(String username) {
        return DemoDataGenerator.demoStaff(SEED).stream().filter(s -> s.username().equals(username)).findFirst().orElseThrow()
                .demoPassword().toCharArray();
    }

    private static boolean activeAtCentral(TestPostgres pg, String username) throws Exception {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT active FROM staff_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String hashAtCentral(TestPostgres pg, String username) throws Exception {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT password_hash FROM staff_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
