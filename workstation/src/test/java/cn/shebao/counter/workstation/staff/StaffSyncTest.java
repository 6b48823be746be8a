package cn.shebao.counter.workstation.staff;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.testing.CentralPlusWindows;
import cn.shebao.counter.workstation.testing.CentralRows;
import cn.shebao.counter.workstation.testing.SyncedWindow;
import cn.shebao.counter.workstation.wire.ApplyResult;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.Payloads;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
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

    /** A window's staff services over the shared fixture's window. */
    private record Window(SyncedWindow at, PasswordChanges passwords, StaffAdministration administration) {

        static Window open(CentralPlusWindows centre, String code) throws Exception {
            SyncedWindow w = centre.window(code);
            return new Window(w, new PasswordChanges(w.sessions(), w.auth(), new PasswordHasher(), w.outbox(), w.audit(), w.clock(),
                    () -> { }), new StaffAdministration(w.sessions(), w.auth(), new PasswordHasher(), w.outbox(), w.audit(), w.clock(),
                    TimeOrderedIds.system(), () -> { }));
        }

        StaffAuthenticator auth() {
            return at.auth();
        }

        void sync() throws Exception {
            at.sync();
        }

        StaffSession login(String username, char[] password) {
            return at.login(username, password);
        }
    }

    @Test
    void staffChangesMadeAtOneWindowHoldAtTheOther() throws Exception {
        try (CentralPlusWindows centre = CentralPlusWindows.overService(tmp,
                new DemoDataGenerator.Settings(SEED, 20, LocalDate.of(2026, 11, 1), 2, 10))) {
            Window a = Window.open(centre, "STAFF-A");
            Window b = Window.open(centre, "STAFF-B");
            // B counts two failed logins of wanglei: they stay at B and must not hide what central decides.
            assertThat(b.auth().login("wanglei", "wrong-password-1".toCharArray())).isInstanceOf(LoginOutcome.WrongCredentials.class);
            assertThat(b.auth().login("wanglei", "wrong-password-2".toCharArray())).isInstanceOf(LoginOutcome.WrongCredentials.class);

            char[] old = password("liuyang");
            char[] changed = "Changed-at-A-2026".toCharArray();
            a.passwords().change(a.login("liuyang", old), old, changed);
            StaffSession admin = a.login("admin", password("admin"));
            UUID wanglei = CentralRows.staffId(centre.database(), "wanglei");
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
            assertThat(activeAtCentral(centre.database(), "wanglei")).isFalse();
        }
    }

    /** The attack of the issue: a workstation sets a colleague's password hash of its choosing. Without their key, refused. */
    @Test
    void aPasswordChangeNotSignedByThePersonIsRefusedAndCentralKeepsTheOldHash() throws Exception {
        try (CentralPlusWindows centre = CentralPlusWindows.overService(tmp,
                new DemoDataGenerator.Settings(SEED, 20, LocalDate.of(2026, 11, 1), 2, 10))) {
            DataSource pg = centre.database();
            UUID chenjing = CentralRows.staffId(pg, "chenjing");
            String before = hashAtCentral(pg, "chenjing");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("staffId", chenjing.toString());
            m.put("passwordHash", new PasswordHasher().hash("Attacker-2026".toCharArray()));
            m.put("passwordChangedAt", Instant.now().toString());
            m.put("signingKeySealed", "ed25519-aes256gcm$1$AA$AA$AA");
            CommandEnvelope forged = new CommandEnvelope("FORGE-02", 1, UUID.randomUUID(), "STAFF_PASSWORD_CHANGED", 1, Payloads.write(m),
                    chenjing, "chenjing");
            ServiceClient window = centre.service().machine("FORGE-02");
            java.security.PrivateKey sunliKey = CentralRows.signingKey(pg, "sunli", SEED);
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

    private static boolean activeAtCentral(DataSource central, String username) throws Exception {
        try (Connection c = central.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT active FROM staff_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String hashAtCentral(DataSource central, String username) throws Exception {
        try (Connection c = central.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT password_hash FROM staff_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
