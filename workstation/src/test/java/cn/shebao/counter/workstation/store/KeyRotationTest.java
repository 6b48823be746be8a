package cn.shebao.counter.workstation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.app.ShebaoCli;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `key rotate`: every row kept and every page readable under the new key, the old key opening nothing, the backups it
 * opens gone; a rotation cut short at either end finished or started over by the next run; not enough disk changes
 * nothing.
 */
class KeyRotationTest {

    @TempDir
    Path tmp;

    private DataDirectory dir;
    private KeyStoreKeyProtector keys;

    @BeforeEach
    void generatedReplica() {
        Path data = tmp.resolve("data");
        assertThat(ShebaoCli.run(new String[] {"generate", "--persons", "150", "--seed", "11", "--detail-months", "12",
            "--into", data.toString()})).isZero();
        dir = new DataDirectory(data);
        keys = KeyStoreKeyProtector.forMachine(dir.keys());
    }

    @Test
    void theReplicaIsReencryptedEveryRowKeptAndTheOldKeyOpensNothing() throws Exception {
        BootKey old = keys.load().orElseThrow();
        Map<String, Long> before = counts(old);
        assertThat(before.get("APP.INSURED_PERSON")).isEqualTo(150);
        // A pre-upgrade backup, encrypted under the old key like the replica.
        Path upgradeBackup = Files.createDirectories(dir.backups().resolve(ReplicaUpgrade.BACKUP_PREFIX + "9-20261101-080000"));
        Files.writeString(upgradeBackup.resolve(ReplicaUpgrade.COMPLETE_MARKER), "schema=9\n");

        Run run = cli("--demo", "--data-dir", dir.root().toString(), "key", "rotate");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).containsAnyOf("密钥已更换", "The key is changed").containsAnyOf("重新加密", "Re-encrypting");
        BootKey fresh = keys.load().orElseThrow();
        assertThat(fresh.reveal()).isNotEqualTo(old.reveal());
        assertThat(keys.loadNext()).isEmpty();
        assertThat(counts(fresh)).isEqualTo(before);
        assertThat(opens(old)).as("the old key").isFalse();
        assertThat(upgradeBackup).doesNotExist();
        try (var backups = Files.list(dir.backups())) {
            assertThat(backups.toList()).as("no backup under the old key is left").isEmpty();
        }
        // The workstation opens it as ever, with the key from the store.
        try (Replica replica = Replica.open(dir, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE))) {
            long persons = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                    "select count(*) from InsuredPerson", Long.class).getSingleResult());
            assertThat(persons).isEqualTo(150);
        }
    }

    @Test
    void aRotationCutOffAfterDerbyFinishedIsCompletedByTheNextRun() throws Exception {
        BootKey old = keys.load().orElseThrow();
        Map<String, Long> before = counts(old);
        // As if the process died between Derby's re-encryption and the key store's update.
        BootKey next = BootKey.random();
        keys.storeNext(next);
        DriverManager.getConnection("jdbc:derby:" + dir.replica() + ";newBootPassword=" + new String(next.reveal()),
                Replica.bootProperties(old)).close();
        Replica.shutdownDerby(dir.replica());
        assertThat(opens(old)).isFalse();

        KeyRotation.Result result = new KeyRotation(dir, keys, Clock.systemUTC()).rotate(step -> { });

        assertThat(result.finishedInterrupted()).isTrue();
        assertThat(keys.load().orElseThrow().reveal()).isEqualTo(next.reveal());
        assertThat(keys.loadNext()).isEmpty();
        assertThat(counts(next)).isEqualTo(before);
    }

    @Test
    void aRotationCutOffBeforeDerbyStartedIsStartedOver() throws Exception {
        BootKey old = keys.load().orElseThrow();
        Map<String, Long> before = counts(old);
        BootKey abandoned = BootKey.random();
        keys.storeNext(abandoned);

        List<KeyRotation.Step> steps = new ArrayList<>();
        KeyRotation.Result result = new KeyRotation(dir, keys, Clock.systemUTC()).rotate(progress -> steps.add(progress.step()));

        assertThat(result.finishedInterrupted()).isFalse();
        assertThat(steps).containsSubsequence(KeyRotation.Step.CHECKING, KeyRotation.Step.BACKING_UP,
                KeyRotation.Step.REENCRYPTING, KeyRotation.Step.VERIFYING, KeyRotation.Step.REMOVING_OLD_BACKUPS);
        BootKey fresh = keys.load().orElseThrow();
        assertThat(fresh.reveal()).isNotEqualTo(old.reveal()).isNotEqualTo(abandoned.reveal());
        assertThat(counts(fresh)).isEqualTo(before);
        assertThat(opens(old)).isFalse();
        assertThat(opens(abandoned)).isFalse();
    }

    @Test
    void withoutTheRoomForABackupNothingChanges() throws Exception {
        BootKey old = keys.load().orElseThrow();
        KeyRotation tooLittleDisk = new KeyRotation(dir, keys, Clock.systemUTC(), () -> 1024 * 1024);

        assertThatThrownBy(() -> tooLittleDisk.rotate(step -> { })).isInstanceOfSatisfying(LocalizedException.class,
                e -> assertThat(e.key()).isEqualTo("key.rotate.noSpace"));

        assertThat(keys.load().orElseThrow().reveal()).isEqualTo(old.reveal());
        assertThat(keys.loadNext()).isEmpty();
        assertThat(opens(old)).isTrue();
        assertThat(dir.backups()).satisfiesAnyOf(b -> assertThat(b).doesNotExist(), b -> assertThat(b).isEmptyDirectory());
    }

    @Test
    void aMissingDirectoryIsRefusedAndNothingIsCreated() {
        Path missing = tmp.resolve("no/such/dir");
        Run run = cli("--demo", "--data-dir", missing.toString(), "key", "rotate");
        assertThat(run.exit()).isEqualTo(4);
        assertThat(tmp.resolve("no")).doesNotExist();
    }

    private Map<String, Long> counts(BootKey key) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + dir.replica(), Replica.bootProperties(key))) {
            return KeyRotation.rowCounts(c);
        } finally {
            Replica.shutdownDerby(dir.replica());
        }
    }

    private boolean opens(BootKey key) {
        try (Connection ignored = DriverManager.getConnection("jdbc:derby:" + dir.replica(), Replica.bootProperties(key))) {
            return true;
        } catch (SQLException e) {
            assertThat(Replica.translate(e, "replica").key()).as("refused for the key, not for anything else")
                    .isEqualTo("replica.error.wrongKey");
            return false;
        } finally {
            Replica.shutdownDerby(dir.replica());
        }
    }

    private record Run(int exit, String output) {
    }

    /** The command in this JVM, its console captured (picocli writes to System.out and System.err). */
    private static Run cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            return new Run(ShebaoCli.run(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
