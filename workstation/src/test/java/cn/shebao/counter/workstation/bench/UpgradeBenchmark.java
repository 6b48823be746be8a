package cn.shebao.counter.workstation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.platform.FileTrees;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyProtector;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: what the first start after an upgrade costs on a counter with a full replica (a million persons),
 * so IT can plan the upgrade window. Phases are timed from the start-up steps the login window shows. Baseline in
 * the same run: a plain file copy of the closed replica, which is the least any backup can cost.
 */
@Tag("bench")
class UpgradeBenchmark {

    private static final Migrations.Plan CURRENT = Migrations.Plan.of(Migrations.Role.REPLICA);

    @Test
    void firstStartAfterAnUpgradeOnAFullReplica() throws Exception {
        int persons = Integer.getInteger("bench.lookupPersons", 1_000_000);
        BenchReplica.open(persons).close();
        Path source = BenchReplica.directory(persons);
        Path work = Path.of("target", "bench-upgrade").toAbsolutePath();
        FileTrees.delete(work);

        long copyStart = System.nanoTime();
        copyTree(source.resolve("data").resolve("replica"), work.resolve("data").resolve("replica"));
        long copyNanos = System.nanoTime() - copyStart;
        copyTree(source.resolve("keys"), work.resolve("keys"));
        long bytes = FileTrees.size(work.resolve("data").resolve("replica"));
        DataDirectory dir = new DataDirectory(work.resolve("data"));
        KeyProtector keys = new KeyStoreKeyProtector(work.resolve("keys"), "bench-only-password".toCharArray());

        // A release whose migration fails: backup, the failing migration, restore of the backup.
        Map<Replica.Step, Long> failed = new EnumMap<>(Replica.Step.class);
        long failedStart = System.nanoTime();
        assertThatThrownBy(() -> Replica.open(dir, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE),
                step -> failed.put(step, System.nanoTime()), CURRENT.with("classpath:db/upgrade-test-broken")))
                .isInstanceOfSatisfying(LocalizedException.class,
                        e -> assertThat(e.key()).isEqualTo("replica.error.upgradeRestored"));
        long failedEnd = System.nanoTime();

        // A release whose migration succeeds: backup, then the migration.
        Map<Replica.Step, Long> upgraded = new EnumMap<>(Replica.Step.class);
        long upgradeStart = System.nanoTime();
        long after;
        try (Replica replica = Replica.open(dir, keys, DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE),
                step -> upgraded.put(step, System.nanoTime()), CURRENT.with("classpath:db/upgrade-test-newer"))) {
            after = persons(replica);
        }
        long upgradeEnd = upgraded.get(Replica.Step.READY);
        assertThat(after).as("every person survived the failed and the successful upgrade").isEqualTo(persons);

        String table = String.format(Locale.ROOT, """
                ### First start after an upgrade, replica of %,d persons (%,d MB on disk)

                | Phase | seconds |
                |---|---:|
                | baseline: plain file copy of the closed replica | %.1f |
                | pre-upgrade backup (Derby online backup), successful upgrade | %.1f |
                | migration after it (one table created) | %.1f |
                | replica open with both (start-up steps LOCKING to READY) | %.1f |
                | pre-upgrade backup, failed upgrade | %.1f |
                | failing migration + restore of the backup (restoreFrom) | %.1f |
                | whole failed start until the message | %.1f |
                """, persons, bytes / (1024 * 1024),
                copyNanos / 1e9,
                seconds(upgraded, Replica.Step.BACKING_UP, Replica.Step.UPGRADING),
                seconds(upgraded, Replica.Step.UPGRADING, Replica.Step.STARTING_HIBERNATE),
                (upgradeEnd - upgradeStart) / 1e9,
                seconds(failed, Replica.Step.BACKING_UP, Replica.Step.UPGRADING),
                (failedEnd - failed.get(Replica.Step.UPGRADING)) / 1e9,
                (failedEnd - failedStart) / 1e9);
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-upgrade.md"), table);
        FileTrees.delete(work);
    }

    private static double seconds(Map<Replica.Step, Long> at, Replica.Step from, Replica.Step to) {
        return (at.get(to) - at.get(from)) / 1e9;
    }

    private static long persons(Replica replica) throws SQLException {
        try (Connection c = replica.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM insured_person")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
