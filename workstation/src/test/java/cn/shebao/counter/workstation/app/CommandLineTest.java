package cn.shebao.counter.workstation.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffSigningKey;
import cn.shebao.counter.workstation.security.StaffUser;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line end to end: generate into a fresh data directory, verify the audit chain, detect tampering. */
class CommandLineTest {

    @TempDir
    Path tmp;

    @Test
    void generateThenAuditVerifyThenTamperIsCaught() throws Exception {
        String dir = tmp.resolve("data").toString();
        String[] generate = {"generate", "--persons", "120", "--seed", "5", "--as-of", "2026-11-01", "--detail-months", "6", "--into", dir};
        assertThat(ShebaoCli.run(generate)).isZero();
        // Generated people are demo data: verified as such; without --demo it is no enrolled workstation's replica.
        assertThat(ShebaoCli.run(new String[] {"--demo", "audit", "verify", "--data-dir", dir})).isZero();
        assertThat(ShebaoCli.run(new String[] {"audit", "verify", "--data-dir", dir})).isEqualTo(4);

        // Demo data only goes into an empty database: a second run is refused, nothing is mixed.
        assertThat(ShebaoCli.run(generate)).isEqualTo(1);

        DataDirectory data = new DataDirectory(Path.of(dir));
        try (Replica replica = Replica.open(data, KeyStoreKeyProtector.forMachine(data.keys()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE));
                Connection c = replica.dataSource().getConnection(); Statement s = c.createStatement()) {
            long persons = replica.sessions().fromTransaction(x -> x.createSelectionQuery("select count(*) from InsuredPerson", Long.class).getSingleResult());
            assertThat(persons).isEqualTo(120);
            s.executeUpdate("UPDATE audit_event SET detail = 'persons=1' WHERE sequence_number = 1");
        }
        assertThat(ShebaoCli.run(new String[] {"--demo", "audit", "verify", "--data-dir", dir})).isEqualTo(3);
    }

    @Test
    void centralSeedGivesTheStaffRandomPasswordsShownOnceAndToBeChanged() throws Exception {
        try (var pg = cn.shebao.counter.workstation.testing.TestPostgres.createDatabase()) {
            String url = pg.dataSource().url();
            String[] connection = {"--url", url, "--user", System.getenv("SHEBAO_TEST_PG_USER"), "--password-env", "SHEBAO_TEST_PG_PASSWORD"};
            assertThat(ShebaoCli.run(concat(new String[] {"central", "migrate"}, connection))).isZero();
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new ShebaoCli()).setOut(new PrintWriter(out, true));
            assertThat(cli.execute(concat(new String[] {"central", "seed", "--persons", "100"}, connection))).isZero();
            Map<String, String> printed = out.toString().lines().filter(l -> l.startsWith("  ") && l.split("\t").length == 4)
                    .map(l -> l.strip().split("\t")).collect(Collectors.toMap(r -> r[0], r -> r[3]));
            List<DemoDataGenerator.DemoStaff> demo = DemoDataGenerator.demoStaff(7);
            assertThat(printed.keySet()).containsExactlyInAnyOrderElementsOf(demo.stream().map(DemoDataGenerator.DemoStaff::username).toList());
            assertThat(printed.values()).doesNotHaveDuplicates().allMatch(p -> p.length() >= 12);
            try (var sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.VALIDATE).create(pg.dataSource())) {
                long persons = sessions.fromTransaction(x -> x.createSelectionQuery("select count(*) from InsuredPerson", Long.class).getSingleResult());
                assertThat(persons).isEqualTo(100);
                List<StaffUser> users = sessions.fromTransaction(x -> x.createSelectionQuery("from StaffUser", StaffUser.class).getResultList());
                assertThat(users).hasSize(demo.size());
                PasswordHasher hasher = new PasswordHasher();
                for (StaffUser u : users) {
                    String given = printed.get(u.getUsername());
                    String seedsPassword = demo.stream().filter(d -> d.username().equals(u.getUsername())).findFirst().orElseThrow().demoPassword();
                    assertThat(u.isMustChangePassword()).as(u.getUsername()).isTrue();
                    assertThat(hasher.verify(given.toCharArray(), u.getPasswordHash())).as(u.getUsername()).isTrue();
                    assertThat(hasher.verify(seedsPassword.toCharArray(), u.getPasswordHash())).as("the seed's password opens nothing").isFalse();
                    assertThat(StaffSigningKey.unlock(u.getSigningKeySealed(), given.toCharArray())).isNotNull();
                }
            }
        }
    }

    @Test
    void onlyAnExplicitDemoFlagSeedsTheSeedsKnownPasswordsAndItSaysSo() {
        try (var pg = cn.shebao.counter.workstation.testing.TestPostgres.createDatabase()) {
            String[] connection = {"--url", pg.dataSource().url(), "--user", System.getenv("SHEBAO_TEST_PG_USER"),
                    "--password-env", "SHEBAO_TEST_PG_PASSWORD"};
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new ShebaoCli()).setOut(new PrintWriter(out, true));
            assertThat(cli.execute(concat(new String[] {"central", "seed", "--persons", "100", "--demo-staff-passwords"}, connection))).isZero();
            assertThat(out.toString()).containsAnyOf("仅供演示", "Demo only").contains("--demo-staff-passwords");
            DemoDataGenerator.DemoStaff clerk = DemoDataGenerator.demoStaff(7).get(0);
            try (var sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.VALIDATE).create(pg.dataSource())) {
                StaffUser u = sessions.fromTransaction(x -> x.createSelectionQuery("from StaffUser where username = :u", StaffUser.class)
                        .setParameter("u", clerk.username()).getSingleResult());
                assertThat(u.isMustChangePassword()).isFalse();
                assertThat(new PasswordHasher().verify(clerk.demoPassword().toCharArray(), u.getPasswordHash())).isTrue();
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void helpAndVersionWork() {
        assertThat(ShebaoCli.run(new String[] {"--version"})).isZero();
        assertThat(ShebaoCli.run(new String[] {"generate", "--help"})).isZero();
        assertThat(ShebaoCli.run(new String[] {"no-such-command"})).isNotZero();
    }
}
