package cn.shebao.counter.workstation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.testing.OlderReplica;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaUpgradeTest {

    private static final Migrations.Plan CURRENT = Migrations.Plan.of(Migrations.Role.REPLICA);

    @TempDir
    Path tmp;

    private DataDirectory data() {
        return new DataDirectory(tmp.resolve("data"));
    }

    private KeyProtector keys() {
        return new KeyStoreKeyProtector(tmp.resolve("data/keys"), "test-store-password".toCharArray());
    }

    @Test
    void olderReplicaIsBackedUpThenMigratedAndKeepsItsData() throws Exception {
        OlderReplica.create(data(), keys(), OlderReplica.OLDER_VERSION, 40);
        String before = fingerprintAt(OlderReplica.OLDER_VERSION);
        assertThat(Replica.inspect(data(), keys())).hasValueSatisfying(i -> {
            assertThat(i.schemaVersion()).isEqualTo(OlderReplica.OLDER_VERSION);
            assertThat(i.pendingMigrations()).isEqualTo(OlderReplica.migrationsAfter(OlderReplica.OLDER_VERSION));
            assertThat(i.persons()).isEqualTo(40);
        });

        List<Replica.Step> steps = new ArrayList<>();
        try (Replica replica = Replica.open(data(), keys(), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE), steps::add)) {
            assertThat(OlderReplica.fingerprint(replica.dataSource())).isEqualTo(before);
        }
        assertThat(steps).as("the login window tells the clerk what the wait is for")
                .containsSubsequence(Replica.Step.MIGRATING, Replica.Step.BACKING_UP, Replica.Step.UPGRADING, Replica.Step.READY);

        List<Path> backups = ReplicaUpgrade.list(data().backups());
        assertThat(backups).singleElement().satisfies(b ->
                assertThat(b.getFileName().toString()).startsWith("replica-before-" + OlderReplica.OLDER_VERSION + "-"));
        assertThat(backups.get(0).resolve("replica/service.properties")).isRegularFile();
        assertThat(Replica.inspect(data(), keys())).hasValueSatisfying(i -> {
            assertThat(i.pendingMigrations()).isZero();
            assertThat(i.schemaVersion()).isNotEqualTo(OlderReplica.OLDER_VERSION);
        });

        // A start without pending migrations takes no new backup.
        steps.clear();
        Replica.open(data(), keys(), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE), steps::add).close();
        assertThat(ReplicaUpgrade.list(data().backups())).hasSize(1);
        assertThat(steps).doesNotContain(Replica.Step.BACKING_UP, Replica.Step.UPGRADING);
    }

    @Test
    void failedMigrationRestoresTheBackupAndSaysSo() throws Exception {
        OlderReplica.create(data(), keys(), OlderReplica.OLDER_VERSION, 25);
        String before = fingerprintAt(OlderReplica.OLDER_VERSION);

        assertThatThrownBy(() -> Replica.open(data(), keys(), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE), step -> { },
                CURRENT.with("classpath:db/upgrade-test-broken")))
                .isInstanceOfSatisfying(LocalizedException.class, e -> {
                    assertThat(e.key()).isEqualTo("replica.error.upgradeRestored");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("已从升级前的备份恢复")
                            .contains(OlderReplica.OLDER_VERSION).contains(data().backups().toString());
                    assertThat(e.message(Locale.ENGLISH)).contains("the backup taken before the upgrade was restored");
                });

        // Exactly what the older release left: its schema version (not the migrations that did succeed), its data,
        // and not the column the failing migration's first statement added.
        assertThat(Replica.inspect(data(), keys())).hasValueSatisfying(i -> {
            assertThat(i.schemaVersion()).isEqualTo(OlderReplica.OLDER_VERSION);
            assertThat(i.pendingMigrations()).isEqualTo(OlderReplica.migrationsAfter(OlderReplica.OLDER_VERSION));
        });
        assertThat(fingerprintAt(OlderReplica.OLDER_VERSION)).isEqualTo(before);
        try (Replica older = openAt(OlderReplica.OLDER_VERSION);
                Connection c = older.dataSource().getConnection();
                ResultSet columns = c.getMetaData().getColumns(null, null, "INSURED_PERSON", "UPGRADE_PROBE");
                ResultSet tables = c.getMetaData().getTables(null, null, "SYNC_CONFLICT", null)) {
            assertThat(columns.next()).isFalse();
            assertThat(tables.next()).as("a table a successful migration of the failed run created").isFalse();
        }

        // The fixed release upgrades the restored replica normally.
        try (Replica replica = Replica.open(data(), keys(), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE))) {
            assertThat(OlderReplica.fingerprint(replica.dataSource())).isEqualTo(before);
        }
    }

    @Test
    void noRoomForTheBackupRefusesTheUpgradeAndChangesNothing() throws Exception {
        OlderReplica.create(data(), keys(), OlderReplica.OLDER_VERSION, 10);
        DataDirectory d = data();
        try (BootKey key = keys().load().orElseThrow()) {
            DriverDataSource ds = new DriverDataSource("jdbc:derby:" + d.replica(), () -> {
                Properties p = new Properties();
                p.setProperty("bootPassword", new String(key.reveal()));
                return p;
            });
            ReplicaUpgrade full = new ReplicaUpgrade(d, () -> new Properties(), () -> 10L * 1024 * 1024, Clock.systemUTC());
            assertThatThrownBy(() -> full.migrate(ds, CURRENT, step -> { }))
                    .isInstanceOfSatisfying(LocalizedException.class, e -> {
                        assertThat(e.key()).isEqualTo("replica.error.noSpaceForBackup");
                        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("只剩 10 MB");
                    });
        } finally {
            Replica.shutdownDerby(d.replica());
        }
        assertThat(ReplicaUpgrade.list(d.backups())).isEmpty();
        assertThat(Replica.inspect(d, keys())).hasValueSatisfying(i ->
                assertThat(i.schemaVersion()).isEqualTo(OlderReplica.OLDER_VERSION));
    }

    @Test
    void replicaOfANewerReleaseIsRefusedByAnOlderOne() throws Exception {
        Replica.open(data(), keys(), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE), step -> { },
                CURRENT.with("classpath:db/upgrade-test-newer")).close();

        assertThatThrownBy(() -> Replica.open(data(), keys(), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE)))
                .isInstanceOfSatisfying(LocalizedException.class, e -> {
                    assertThat(e.key()).isEqualTo("replica.error.newerRelease");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("2099.1.1.1").contains("请安装最新版本");
                });
        assertThat(ReplicaUpgrade.list(data().backups())).isEmpty();
    }

    @Test
    void onlyTheNewestCompleteBackupsAreKept() throws Exception {
        Replica.open(data(), keys(), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE), step -> { }, CURRENT.upTo("2")).close();
        for (String version : List.of("2026.11.27.2", "2026.11.27.5")) {
            Replica.open(data(), keys(), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE), step -> { }, CURRENT.upTo(version)).close();
        }
        // A backup cut short by a killed process: no completion marker.
        Path cut = data().backups().resolve("replica-before-2026.11.27.5-20261127-000000");
        Files.createDirectories(cut.resolve("replica/seg0"));
        assertThat(ReplicaUpgrade.list(data().backups())).hasSize(2).doesNotContain(cut);

        Replica.open(data(), keys(), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE), step -> { }, CURRENT.upTo("2026.11.27.6")).close();

        assertThat(ReplicaUpgrade.list(data().backups()))
                .extracting(p -> p.getFileName().toString().replaceAll("-\\d{8}-\\d{6}$", ""))
                .containsExactly("replica-before-2026.11.27.2", "replica-before-2026.11.27.5");
        assertThat(cut).as("the incomplete backup is removed").doesNotExist();
        assertThat(ReplicaUpgrade.list(data().backups())).allSatisfy(b ->
                assertThat(b.resolve(ReplicaUpgrade.COMPLETE_MARKER)).isRegularFile());
    }

    private Replica openAt(String version) {
        return Replica.open(data(), keys(), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE), step -> { },
                CURRENT.upTo(version));
    }

    private String fingerprintAt(String version) throws Exception {
        try (Replica replica = openAt(version)) {
            return OlderReplica.fingerprint(replica.dataSource());
        }
    }
}
