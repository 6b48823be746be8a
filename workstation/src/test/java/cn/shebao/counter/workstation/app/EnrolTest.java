package cn.shebao.counter.workstation.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.SyncNode;
import cn.shebao.counter.workstation.central.service.MachineRegistry;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.pki.Pem;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `enrol` through the real central service over mutual TLS, with a real PostgreSQL behind it: the node registered,
 * the replica loaded, and no database credential anywhere in the workstation's data directory.
 */
class EnrolTest {

    @TempDir
    Path tmp;

    @Test
    void enrolByOneTimeCodeLoadsTheReplicaAndLeavesNoDatabaseCredentialOnTheWorkstation() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"))) {
            try (SessionFactory sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource())) {
                new DemoDataGenerator(new DemoDataGenerator.Settings(4, 120, LocalDate.of(2026, 11, 1), 3, 60))
                        .generate(new HibernateDemoSink(sessions), (d, t, r) -> { });

                String dir = tmp.resolve("ws").toString();
                String[] enrol = {"enrol", "--data-dir", dir, "--service-url", central.url(), "--ca-cert", central.caFile().toString(),
                    "--code-env", "SHEBAO_TEST_ENROLMENT_CODE", "--workstation-code", "HZ-XH-03", "--allow-software-key"};
                // Without a code, nothing is asked of central and the command says what is missing.
                assertThat(ShebaoCli.run(enrol)).isEqualTo(1);
                DataDirectory data = new DataDirectory(Path.of(dir));
                assertThat(Workstation.isEnrolled(data)).isFalse();

                // The IT staff set the hall's hours before enrolling: enrolment keeps them.
                Files.createDirectories(data.root());
                Files.writeString(data.root().resolve(Enrolment.FILE), "hall.opens=09:00\nallowSoftwareKey=true\n");
                assertThat(Workstation.isEnrolled(data)).isFalse();
                String code = central.openCode("HZ-XH-03");
                Enroller enroller = new Enroller(data);
                enroller.enrol(central.url(), central.caFile(), code, "HZ-XH-03", p -> { });
                // Running it again (after a crash, say) resumes with the certificate it has; the used code is not needed.
                enroller.enrol(central.url(), central.caFile(), null, "HZ-XH-03", p -> { });

                SyncNode node = sessions.fromTransaction(s -> s.find(SyncNode.class, "HZ-XH-03"));
                assertThat(node).isNotNull();
                assertThat(Workstation.isEnrolled(data)).isTrue();
                String properties = Files.readString(data.root().resolve(Enrolment.FILE));
                assertThat(Enrolment.read(data).orElseThrow().serviceUrl()).isEqualTo(central.url());
                assertThat(properties).contains("HZ-XH-03").contains("hall.opens=09\\:00").doesNotContain("jdbc");
                KeyStoreKeyProtector keys = KeyStoreKeyProtector.forMachine(data.keys());
                NodeIdentity identity = NodeIdentity.load(data, keys).orElseThrow();
                assertThat(CertificateAuthority.nodeCode(identity.certificate())).isEqualTo("HZ-XH-03");
                try (Replica replica = Replica.open(data, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
                    long persons = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                            "select count(*) from InsuredPerson", Long.class).getSingleResult());
                    assertThat(persons).isEqualTo(120);
                }
                // No database credential anywhere: not the password, not the user, not a JDBC URL, in any file,
                // and not among the key store's secrets.
                byte[] password = new String(pg.password()).getBytes(StandardCharsets.UTF_8);
                byte[] user = pg.user().getBytes(StandardCharsets.UTF_8);
                byte[] jdbc = "jdbc:postgresql".getBytes(StandardCharsets.UTF_8);
                List<Path> files;
                try (Stream<Path> walk = Files.walk(data.root())) {
                    files = walk.filter(Files::isRegularFile).toList();
                }
                assertThat(files).isNotEmpty();
                for (Path f : files) {
                    byte[] content = Files.readAllBytes(f);
                    assertThat(indexOf(content, password)).as("database password in %s", f).isNegative();
                    assertThat(indexOf(content, jdbc)).as("database URL in %s", f).isNegative();
                    if (user.length >= 4) {
                        assertThat(indexOf(content, user)).as("database user in %s", f).isNegative();
                    }
                }
                assertThat(keys.loadSecret("central-password")).isEmpty();

                // The same data directory cannot be enrolled as another workstation.
                assertThatThrownBy(() -> enroller.enrol(central.url(), central.caFile(), central.openCode("HZ-XH-04"), "HZ-XH-04", p -> { }))
                        .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.key()).isEqualTo("enrol.error.otherCode"));
            }
        }
    }

    @Test
    void aCodeWorksOnceForItsOwnNodeUntilItExpires() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"))) {
            String code = central.openCode("HZ-XH-05");
            DataDirectory wrongNode = softwareKeyAllowed(tmp.resolve("a"));
            assertThatThrownBy(() -> new Enroller(wrongNode).enrol(central.url(), central.caFile(), code, "HZ-XH-06", p -> { }))
                    .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.key()).isEqualTo("enrol.refused.ENROLMENT_otherNode"));
            assertThatThrownBy(() -> new Enroller(wrongNode).enrol(central.url(), central.caFile(), "XXXX-YYYY-ZZZZ", "HZ-XH-06", p -> { }))
                    .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.key()).isEqualTo("enrol.refused.ENROLMENT_unknownCode"));
            new Enroller(softwareKeyAllowed(tmp.resolve("b"))).enrol(central.url(), central.caFile(), code, "HZ-XH-05", p -> { });
            assertThatThrownBy(() -> new Enroller(softwareKeyAllowed(tmp.resolve("c"))).enrol(central.url(), central.caFile(), code,
                    "HZ-XH-05", p -> { })).isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.key()).isEqualTo("enrol.refused.ENROLMENT_usedCode"));
            String expired = central.machines().openCode("HZ-XH-07", MachineRegistry.Kind.COUNTER, "TEST", Duration.ofSeconds(-1));
            assertThatThrownBy(() -> new Enroller(softwareKeyAllowed(tmp.resolve("d"))).enrol(central.url(), central.caFile(), expired,
                    "HZ-XH-07", p -> { })).isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.key()).isEqualTo("enrol.refused.ENROLMENT_expiredCode"));
            // A service whose certificate another CA signed is refused before any code is sent.
            Path foreign = tmp.resolve("foreign-ca.pem");
            Files.writeString(foreign, Pem.of(CertificateAuthority.create("Impostor").certificate()));
            String fresh = central.openCode("HZ-XH-08");
            assertThatThrownBy(() -> new Enroller(softwareKeyAllowed(tmp.resolve("e"))).enrol(central.url(), foreign, fresh, "HZ-XH-08",
                    p -> { })).isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.key()).isEqualTo("enrol.error.tls"));
        }
    }

    /** A data directory where IT allowed the software key store (no TPM on the test machine; TpmKeyProtectorTest has one). */
    private static DataDirectory softwareKeyAllowed(Path root) {
        DataDirectory dir = new DataDirectory(root);
        KeyProtection.record(dir, true, null, null);
        return dir;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
