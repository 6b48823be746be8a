package cn.shebao.counter.workstation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour across processes: a second workstation on the same data, SIGTERM, kill -9. */
class ReplicaProcessTest {

    private static final String STORE_PASSWORD = "child-process-password";

    @TempDir
    Path tmp;

    @Test
    void secondProcessIsToldPlainlyAndSigtermShutsDerbyDownCleanly() throws Exception {
        Process child = startHolder();
        try {
            // A second workstation on the same data directory, in another process.
            assertThatThrownBy(() -> Replica.open(new DataDirectory(tmp.resolve("data")), keys(), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE)))
                    .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.key()).isEqualTo("app.error.alreadyRunning"));
        } finally {
            child.destroy(); // SIGTERM
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String derbyLog = Files.readString(tmp.resolve("data/logs/derby.log"));
        assertThat(derbyLog).contains("Shutting down instance");
        assertNoSecretInLogs();
        try (Replica replica = Replica.open(new DataDirectory(tmp.resolve("data")), keys(), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            long persons = replica.sessions().fromTransaction(s -> s.createSelectionQuery("select count(*) from InsuredPerson", Long.class).getSingleResult());
            assertThat(persons).isEqualTo(1);
        }
    }

    @Test
    void killedProcessLosesNothingCommittedAndLeavesNoLock() throws Exception {
        Process child = startHolder();
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (Replica replica = Replica.open(new DataDirectory(tmp.resolve("data")), keys(), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            String name = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                    "select name from InsuredPerson", String.class).getSingleResult());
            assertThat(name).isEqualTo("测试");
        }
    }

    private KeyProtector keys() {
        return new KeyStoreKeyProtector(tmp.resolve("keys"), STORE_PASSWORD.toCharArray());
    }

    private Process startHolder() throws IOException {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                HoldReplicaOpen.class.getName(), tmp.toString(), STORE_PASSWORD)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.equals("OPEN")) {
                // Keep draining so the child never blocks on a full pipe.
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "child-drain");
                drain.setDaemon(true);
                drain.start();
                return child;
            }
        }
        throw new IllegalStateException("child exited before opening the replica:\n" + seen);
    }

    private void assertNoSecretInLogs() throws IOException {
        String secret;
        try (BootKey key = keys().load().orElseThrow()) {
            secret = new String(key.reveal());
        }
        try (Stream<Path> files = Files.walk(tmp.resolve("data/logs"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(secret);
            }
        }
    }
}
