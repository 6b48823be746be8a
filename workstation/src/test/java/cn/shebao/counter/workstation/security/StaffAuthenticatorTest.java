package cn.shebao.counter.workstation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffAuthenticatorTest {

    private static final long SEED = 42;

    @TempDir
    Path tmp;
    private Replica replica;
    private MutableClock clock;
    private StaffAuthenticator auth;
    private cn.shebao.counter.workstation.staff.PasswordChanges passwords;
    private List<DemoDataGenerator.DemoStaff> staff;

    @BeforeEach
    void open() {
        replica = openReplica();
        new DemoDataGenerator(new DemoDataGenerator.Settings(SEED, 0, LocalDate.of(2026, 11, 1), 1, 10))
                .generate(new HibernateDemoSink(replica.sessions()), (d, t, r) -> { });
        staff = DemoDataGenerator.demoStaff(SEED);
        clock = new MutableClock(Instant.parse("2026-11-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        auth = authenticator(replica);
        AuditLog audit = new AuditLog(replica.sessions(), clock, new TimeOrderedIds(clock, new java.security.SecureRandom()), "T-01");
        passwords = new cn.shebao.counter.workstation.staff.PasswordChanges(replica.sessions(), auth, new PasswordHasher(),
                new cn.shebao.counter.workstation.command.Outbox(replica.sessions(), clock, TimeOrderedIds.system()), audit, clock, () -> { });
    }

    @AfterEach
    void close() throws IOException {
        replica.close();
    }

    private Replica openReplica() {
        return Replica.open(new DataDirectory(tmp.resolve("data")),
                new KeyStoreKeyProtector(tmp.resolve("keys"), "test-password".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE));
    }

    private StaffAuthenticator authenticator(Replica r) {
        AuditLog audit = new AuditLog(r.sessions(), clock, new TimeOrderedIds(clock, new java.security.SecureRandom()), "T-01");
        return new StaffAuthenticator(r.sessions(), new PasswordHasher(), audit, clock, LoginPolicy.standard());
    }

    private DemoDataGenerator.DemoStaff user(String name) {
        return staff.stream().filter(s -> s.username().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void rightPasswordLogsInWithRoles() {
        LoginOutcome outcome = auth.login(" ChenJing ", user("chenjing").demoPassword().toCharArray());
        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Success.class, s -> {
            assertThat(s.session().roles()).containsExactly(StaffRole.CLERK);
            assertThat(s.mustChangePassword()).isFalse();
        });
    }

    @Test
    void unknownUserLooksLikeAWrongPasswordAndTheTypedNameIsNotAudited() {
        // A password typed into the name field by mistake must not end up in the audit log.
        assertThat(auth.login("Pw-typed-in-name-2026", "whatever".toCharArray())).isEqualTo(new LoginOutcome.WrongCredentials(4));
        long leaks = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from AuditEvent where actorName like '%typed%' or detail like '%typed%'", Long.class).getSingleResult());
        long recorded = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from AuditEvent where actionCode = 'login.unknownUser'", Long.class).getSingleResult());
        assertThat(leaks).isZero();
        assertThat(recorded).isEqualTo(1);
    }

    /** Issue 18: tries left and the lockout look the same for a name that exists and one that does not. */
    @Test
    void anUnknownNameCountsDownAndLocksExactlyLikeARealAccount() {
        List<LoginOutcome> real = new ArrayList<>();
        List<LoginOutcome> unknown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            real.add(auth.login("liuyang", "wrong".toCharArray()));
            unknown.add(auth.login("nobody-here", "wrong".toCharArray()));
        }
        assertThat(unknown).isEqualTo(real);
        assertThat(real).startsWith(new LoginOutcome.WrongCredentials(4), new LoginOutcome.WrongCredentials(3));
        assertThat(real.get(4)).isInstanceOf(LoginOutcome.Locked.class);
        // Another unknown name starts afresh, as another account would.
        assertThat(auth.login("somebody-else", "wrong".toCharArray())).isEqualTo(new LoginOutcome.WrongCredentials(4));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(auth.login("nobody-here", "wrong".toCharArray())).isEqualTo(new LoginOutcome.WrongCredentials(4));
    }

    @Test
    void fiveFailuresLockForFifteenMinutesAcrossARestart() throws IOException {
        for (int i = 1; i <= 4; i++) {
            assertThat(auth.login("wanglei", "wrong".toCharArray())).isEqualTo(new LoginOutcome.WrongCredentials(5 - i));
        }
        assertThat(auth.login("wanglei", "wrong".toCharArray())).isInstanceOf(LoginOutcome.Locked.class);
        char[] right = user("wanglei").demoPassword().toCharArray();
        assertThat(auth.login("wanglei", right)).isInstanceOf(LoginOutcome.Locked.class);

        replica.close(); // restart the workstation
        replica = openReplica();
        auth = authenticator(replica);
        assertThat(auth.login("wanglei", right)).isInstanceOfSatisfying(LoginOutcome.Locked.class,
                l -> assertThat(l.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15))));

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(auth.login("wanglei", right)).isInstanceOf(LoginOutcome.Success.class);
    }

    @Test
    void rolesAreEnforcedInTheServiceNotOnlyInTheUi() {
        StaffSession clerk = ((LoginOutcome.Success) auth.login("chenjing", user("chenjing").demoPassword().toCharArray())).session();
        StaffSession supervisor = ((LoginOutcome.Success) auth.login("zhaomin", user("zhaomin").demoPassword().toCharArray())).session();
        StaffAccounts accounts = new StaffAccounts(replica.sessions(),
                new AuditLog(replica.sessions(), clock, new TimeOrderedIds(clock, new java.security.SecureRandom()), "T-01"));

        assertThatThrownBy(() -> accounts.unlock(clerk, "wanglei")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.endLockedSession(clerk, supervisor)).isInstanceOf(AccessDeniedException.class);

        for (int i = 0; i < 5; i++) {
            auth.login("wanglei", "wrong".toCharArray());
        }
        accounts.unlock(supervisor, "wanglei");
        assertThat(auth.login("wanglei", user("wanglei").demoPassword().toCharArray())).isInstanceOf(LoginOutcome.Success.class);
        accounts.endLockedSession(supervisor, clerk);
    }

    @Test
    void expiredPasswordMustBeChangedAndTheNewOneWorks() {
        clock.advance(Duration.ofDays(91));
        char[] old = user("liuyang").demoPassword().toCharArray();
        LoginOutcome.Success s = (LoginOutcome.Success) auth.login("liuyang", old);
        assertThat(s.mustChangePassword()).isTrue();

        assertThatThrownBy(() -> passwords.change(s.session(), old, "short1".toCharArray()))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.key()).isEqualTo("security.password.tooWeak"));
        assertThatThrownBy(() -> passwords.change(s.session(), old, old))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.key()).isEqualTo("security.password.sameAsOld"));
        assertThatThrownBy(() -> passwords.change(s.session(), "not-it-123".toCharArray(), "Brand-new-2026".toCharArray()))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.key()).isEqualTo("security.password.oldWrong"));

        passwords.change(s.session(), old, "Brand-new-2026".toCharArray());
        assertThat(auth.login("liuyang", "Brand-new-2026".toCharArray()))
                .isInstanceOfSatisfying(LoginOutcome.Success.class, ok -> assertThat(ok.mustChangePassword()).isFalse());
        assertThat(auth.login("liuyang", old)).isInstanceOf(LoginOutcome.WrongCredentials.class);
    }

    /** The change is a command for central, signed with the person's own key: the public key central holds verifies it. */
    @Test
    void aPasswordChangeIsQueuedSignedByThePersonsOwnKey() {
        char[] old = user("liuyang").demoPassword().toCharArray();
        LoginOutcome.Success s = (LoginOutcome.Success) auth.login("liuyang", old);
        String publicKey = replica.sessions().fromTransaction(x -> x.find(StaffUser.class, s.session().userId()).getSigningPublicKey());
        passwords.change(s.session(), old, "Brand-new-2026".toCharArray());
        cn.shebao.counter.workstation.command.OutboxCommand queued = replica.sessions().fromTransaction(x -> x.createSelectionQuery(
                "from OutboxCommand where commandType = :t", cn.shebao.counter.workstation.command.OutboxCommand.class)
                .setParameter("t", cn.shebao.counter.workstation.command.CommandType.STAFF_PASSWORD_CHANGED).getSingleResult());
        assertThat(queued.getSignedBy()).isEqualTo(s.session().userId());
        assertThat(cn.shebao.counter.workstation.wire.CommandSignatures.verify(publicKey, queued.getSignature(), queued.getCommandId(),
                queued.getCommandType().name(), queued.getPayload())).isTrue();
        assertThat(queued.getPayload()).doesNotContain("Brand-new-2026");
        // The same key, now opened by the new password only.
        String sealed = replica.sessions().fromTransaction(x -> x.find(StaffUser.class, s.session().userId()).getSigningKeySealed());
        assertThat(StaffSigningKey.unlock(sealed, "Brand-new-2026".toCharArray())).isNotNull();
        assertThatThrownBy(() -> StaffSigningKey.unlock(sealed, old)).isInstanceOfSatisfying(LocalizedException.class,
                e -> assertThat(e.key()).isEqualTo("security.signing.wrongPassword"));
    }

    /** Failed logins are this window's own: they leave central's staff row (and its version) as it was. */
    @Test
    void wrongPasswordsChangeNothingInTheReplicatedStaffRow() {
        UUID id = replica.sessions().fromTransaction(x -> x.createSelectionQuery("from StaffUser where username = 'wanglei'",
                StaffUser.class).getSingleResult().getId());
        long before = replica.sessions().fromTransaction(x -> x.find(StaffUser.class, id).getRowVersion());
        for (int i = 0; i < 5; i++) {
            auth.login("wanglei", "wrong-password-1".toCharArray());
        }
        assertThat(auth.login("wanglei", user("wanglei").demoPassword().toCharArray())).isInstanceOf(LoginOutcome.Locked.class);
        long after = replica.sessions().fromTransaction(x -> x.find(StaffUser.class, id).getRowVersion());
        assertThat(after).isEqualTo(before);
        Instant lockedUntil = replica.sessions().fromTransaction(x -> x.find(StaffLockout.class, id).getLockedUntil());
        assertThat(lockedUntil).isNotNull();
    }
}
