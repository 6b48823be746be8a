package cn.shebao.counter.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.central.service.ServiceConfig;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.LoginPolicy;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffAuthenticator;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import cn.shebao.counter.workstation.wire.CentrePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The centre's rules reach the window over the real service, are kept in the replica for offline use, and are what
 * the login applies; an answer out of bounds changes nothing.
 */
class CentrePolicySyncTest {

    private static final CentrePolicy STRICT = new CentrePolicy(3, 3, 30, 2, 50);

    @TempDir
    Path tmp;

    @Test
    void theCentresRulesArriveAreKeptAndLockAnAccountAfterTheCentresNumberOfTries() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase();
                TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"), STRICT);
                DemoReplica demo = DemoReplica.generate(tmp.resolve("window"), 30, Clock.systemUTC())) {
            KeptCentrePolicy kept = KeptCentrePolicy.open(demo.replica().dataSource(), Clock.systemUTC());
            assertThat(kept.current()).isEqualTo(CentrePolicy.DEFAULT);

            kept.refresh(central.machine("WS-POLICY-01"));

            assertThat(kept.current()).isEqualTo(STRICT);
            assertThat(KeptCentrePolicy.open(demo.replica().dataSource(), Clock.systemUTC()).current())
                    .as("kept in the replica for the next start, offline too").isEqualTo(STRICT);

            StaffAuthenticator login = new StaffAuthenticator(demo.replica().sessions(), new PasswordHasher(), demo.audit(),
                    Clock.systemUTC(), () -> LoginPolicy.standard().withLockout(kept.current().lockoutFailures(), kept.current().lockout()));
            assertThat(login.login("chenjing", "wrong-1".toCharArray())).isEqualTo(new LoginOutcome.WrongCredentials(2));
            assertThat(login.login("chenjing", "wrong-2".toCharArray())).isEqualTo(new LoginOutcome.WrongCredentials(1));
            Instant before = Instant.now();
            LoginOutcome third = login.login("chenjing", "wrong-3".toCharArray());
            assertThat(third).isInstanceOf(LoginOutcome.Locked.class);
            assertThat(((LoginOutcome.Locked) third).until()).isAfter(before.plus(Duration.ofMinutes(29)));
            String password = DemoDataGenerator.demoStaff(2026).get(0).demoPassword();
            assertThat(login.login("chenjing", password.toCharArray())).as("locked even with the right password")
                    .isInstanceOf(LoginOutcome.Locked.class);
        }
    }

    @Test
    void anAnswerOutOfBoundsIsNotAppliedAndTheRulesStay() throws Exception {
        try (DemoReplica demo = DemoReplica.generate(tmp.resolve("window"), 10, Clock.systemUTC())) {
            KeptCentrePolicy kept = KeptCentrePolicy.open(demo.replica().dataSource(), Clock.systemUTC());
            kept.refresh(() -> STRICT);
            kept.refresh(() -> CentrePolicy.fromMap(Map.of("idleLockMaxMinutes", 10_080, "lockoutFailures", 1000,
                    "lockoutMinutes", 1, "maxDaysOffline", 365, "maxPendingCommands", 1)));
            assertThat(kept.current()).isEqualTo(STRICT);
            kept.refresh(() -> CentrePolicy.fromMap(Map.of("idleLockMaxMinutes", 5)));
            assertThat(KeptCentrePolicy.open(demo.replica().dataSource(), Clock.systemUTC()).current()).isEqualTo(STRICT);
        }
    }

    @Test
    void centralReadsItsRulesFromItsConfigurationAndRefusesOnesThatSwitchARuleOff() throws Exception {
        Path file = tmp.resolve("central.properties");
        Map<String, String> env = Map.of(ServiceConfig.DB_PASSWORD_ENV, "x", ServiceConfig.TLS_PASSWORD_ENV, "x",
                ServiceConfig.CA_PASSWORD_ENV, "x");
        String base = "database.url=jdbc:derby:memory:x\ndatabase.user=u\ntls.keystore=tls.p12\nca.keystore=ca.p12\n";
        Files.writeString(file, base + "policy.idleLockMaxMinutes=3\npolicy.lockoutFailures=3\npolicy.lockoutMinutes=30\n"
                + "policy.maxDaysOffline=2\npolicy.maxPendingCommands=50\n");
        assertThat(ServiceConfig.read(file, env).policy()).isEqualTo(STRICT);

        Files.writeString(file, base);
        assertThat(ServiceConfig.read(file, env).policy()).isEqualTo(CentrePolicy.DEFAULT);

        Files.writeString(file, base + "policy.idleLockMaxMinutes=600\n");
        assertThatThrownBy(() -> ServiceConfig.read(file, env)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy.idleLockMaxMinutes").hasMessageContaining("between 1 and 60");
        Files.writeString(file, base + "policy.lockoutFailures=five\n");
        assertThatThrownBy(() -> ServiceConfig.read(file, env)).hasMessageContaining("policy.lockoutFailures")
                .hasMessageContaining("five");
    }
}
