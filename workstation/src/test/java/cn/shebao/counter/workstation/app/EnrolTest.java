package cn.shebao.counter.workstation.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.central.SyncNode;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `enrol` against a real PostgreSQL central database: node registered, replica loaded, no secret in files. */
class EnrolTest {

    @TempDir
    Path tmp;

    @Test
    void enrolRegistersTheNodeLoadsTheReplicaAndKeepsThePasswordInTheKeyStore() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase()) {
            Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
            try (SessionFactory central = PersistenceUnit.create(pg.dataSource(), PersistenceUnit.SchemaCheck.NONE, Migrations.Role.CENTRAL)) {
                new DemoDataGenerator(new DemoDataGenerator.Settings(4, 120, LocalDate.of(2026, 11, 1), 3, 60))
                        .generate(new HibernateDemoSink(central), (d, t, r) -> { });

                String dir = tmp.resolve("ws").toString();
                String[] enrol = {"enrol", "--data-dir", dir, "--central-url", pg.dataSource().url(), "--user",
                    System.getenv("SHEBAO_TEST_PG_USER"), "--password-env", "SHEBAO_TEST_PG_PASSWORD", "--workstation-code", "HZ-XH-03"};
                assertThat(ShebaoCli.run(enrol)).isZero();
                // Running it again (after a crash, say) is harmless.
                assertThat(ShebaoCli.run(enrol)).isZero();

                SyncNode node = central.fromTransaction(s -> s.find(SyncNode.class, "HZ-XH-03"));
                assertThat(node).isNotNull();
                DataDirectory data = new DataDirectory(Path.of(dir));
                assertThat(Workstation.isEnrolled(data)).isTrue();
                String properties = Files.readString(data.root().resolve(Enrolment.FILE));
                assertThat(properties).contains("HZ-XH-03").doesNotContain(System.getenv("SHEBAO_TEST_PG_PASSWORD"));
                KeyStoreKeyProtector keys = KeyStoreKeyProtector.forMachine(data.keys());
                assertThat(new String(keys.loadSecret(Enrolment.CENTRAL_SECRET).orElseThrow()))
                        .isEqualTo(System.getenv("SHEBAO_TEST_PG_PASSWORD"));
                try (Replica replica = Replica.open(data, keys, PersistenceUnit.SchemaCheck.NONE)) {
                    long persons = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                            "select count(*) from InsuredPerson", Long.class).getSingleResult());
                    assertThat(persons).isEqualTo(120);
                }
                // The same data directory cannot be enrolled as another workstation.
                String[] other = enrol.clone();
                other[other.length - 1] = "HZ-XH-04";
                assertThat(ShebaoCli.run(other)).isEqualTo(1);
            }
        }
    }
}
