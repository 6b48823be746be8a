package cn.shebao.counter.workstation.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        try (Replica replica = Replica.open(data, KeyStoreKeyProtector.forMachine(data.keys()), PersistenceUnit.SchemaCheck.NONE);
                Connection c = replica.dataSource().getConnection(); Statement s = c.createStatement()) {
            long persons = replica.sessions().fromTransaction(x -> x.createSelectionQuery("select count(*) from InsuredPerson", Long.class).getSingleResult());
            assertThat(persons).isEqualTo(120);
            s.executeUpdate("UPDATE audit_event SET detail = 'persons=1' WHERE sequence_number = 1");
        }
        assertThat(ShebaoCli.run(new String[] {"--demo", "audit", "verify", "--data-dir", dir})).isEqualTo(3);
    }

    @Test
    void centralMigrateAndSeedBuildACentralDatabase() {
        try (var pg = cn.shebao.counter.workstation.testing.TestPostgres.createDatabase()) {
            String url = pg.dataSource().url();
            String[] connection = {"--url", url, "--user", System.getenv("SHEBAO_TEST_PG_USER"), "--password-env", "SHEBAO_TEST_PG_PASSWORD"};
            assertThat(ShebaoCli.run(concat(new String[] {"central", "migrate"}, connection))).isZero();
            assertThat(ShebaoCli.run(concat(new String[] {"central", "seed", "--persons", "100"}, connection))).isZero();
            try (var sessions = cn.shebao.counter.workstation.store.PersistenceUnit.create(pg.dataSource(),
                    PersistenceUnit.SchemaCheck.VALIDATE, cn.shebao.counter.workstation.store.Migrations.Role.CENTRAL)) {
                long persons = sessions.fromTransaction(x -> x.createSelectionQuery("select count(*) from InsuredPerson", Long.class).getSingleResult());
                assertThat(persons).isEqualTo(100);
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
