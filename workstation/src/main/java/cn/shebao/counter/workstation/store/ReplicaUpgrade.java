package cn.shebao.counter.workstation.store;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.platform.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a replica written by an older release up to this release's schema, safely: when migrations are pending
 * the replica is first backed up with Derby's online backup (still encrypted with the same key), then migrated;
 * if a migration fails, the backup is restored with Derby's {@code restoreFrom}, so the replica is exactly what
 * the older release left, which that release can still open, and the clerk is told so.
 *
 * <p>Derby rolls back a failing migration's own DDL, but the migrations before it in the same run stay applied:
 * without the restore a failed upgrade would leave a schema that neither release knows.
 */
final class ReplicaUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaUpgrade.class);

    /** Backups kept in {@code <data>/backups}: the newest ones, older ones are removed after a good upgrade. */
    static final int BACKUPS_KEPT = 2;
    static final String BACKUP_PREFIX = "replica-before-";
    static final String COMPLETE_MARKER = "backup-complete";
    private static final long SPACE_MARGIN_BYTES = 64L * 1024 * 1024;

    private final DataDirectory directory;
    private final Supplier<Properties> bootProperties;
    private final LongSupplier usableSpace;
    private final Clock clock;

    ReplicaUpgrade(DataDirectory directory, Supplier<Properties> bootProperties, LongSupplier usableSpace, Clock clock) {
        this.directory = directory;
        this.bootProperties = bootProperties;
        this.usableSpace = usableSpace;
        this.clock = clock;
    }

    static LongSupplier usableSpaceOf(DataDirectory directory) {
        return () -> {
            try {
                return Files.getFileStore(directory.root()).getUsableSpace();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Migrates the booted replica behind {@code dataSource}; a replica without any migration yet is just created. */
    void migrate(DriverDataSource dataSource, Migrations.Plan plan, Consumer<Replica.Step> progress) {
        Flyway flyway = Migrations.flyway(dataSource, plan);
        MigrationInfoService info = flyway.info();
        refuseNewerRelease(info);
        MigrationInfo current = info.current();
        MigrationInfo[] pending = info.pending();
        if (pending.length == 0) {
            // Nothing to do: the info above already was this start's one pass over the migrations.
            return;
        }
        if (current == null) {
            // Created by this start: nothing to back up.
            flyway.migrate();
            return;
        }
        String from = current.getVersion().getVersion();
        String to = pending[pending.length - 1].getVersion().getVersion();
        // A large replica takes a while to copy: the login window says what the wait is for.
        progress.accept(Replica.Step.BACKING_UP);
        Path backup = backup(dataSource, from);
        LOG.info("Replica backed up to {} before migrating from schema {} to {}", backup, from, to);
        progress.accept(Replica.Step.UPGRADING);
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            LOG.error("Migration of the replica from schema {} to {} failed; restoring the backup {}", from, to, backup, e);
            restore(backup, e);
            throw new LocalizedException(e, "replica.error.upgradeRestored", from, to, backup.toString());
        }
        LOG.info("Replica migrated from schema {} to {}", from, to);
        pruneBackups();
    }

    /**
     * Flyway would quietly ignore migrations it does not know; a replica written by a newer release must not be
     * opened by an older one (an admin reinstalling an old package), since the old code cannot know the new rules.
     */
    private static void refuseNewerRelease(MigrationInfoService info) {
        Arrays.stream(info.all())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .reduce((a, b) -> b)
                .ifPresent(newest -> {
                    throw new LocalizedException("replica.error.newerRelease", newest.getVersion().getVersion());
                });
    }

    private Path backup(DriverDataSource dataSource, String fromVersion) {
        long needed;
        try {
            needed = FileTrees.size(directory.replica()) + SPACE_MARGIN_BYTES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long free = usableSpace.getAsLong();
        if (free < needed) {
            throw new LocalizedException("replica.error.noSpaceForBackup", megabytes(needed), megabytes(free),
                    directory.root().toString());
        }
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path target = directory.backups().resolve(BACKUP_PREFIX + fromVersion + "-" + stamp);
        try (Connection c = dataSource.getConnection();
                CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            Files.createDirectories(target);
            call.setString(1, target.toString());
            call.execute();
            // Written last: a backup cut short by a killed process has no marker, is never counted as one of the
            // kept backups, and is removed after the next good upgrade.
            Files.writeString(target.resolve(COMPLETE_MARKER), "schema=" + fromVersion + "\n");
        } catch (SQLException | IOException e) {
            throw new LocalizedException(e, "replica.error.backupFailed", target.toString(), String.valueOf(e.getMessage()));
        }
        // Derby names the copy after the database directory.
        return target.resolve(directory.replica().getFileName());
    }

    private void restore(Path backup, RuntimeException failure) {
        restore(directory, bootProperties.get(), backup, failure, "replica.error.upgradeNotRestored");
    }

    /**
     * Puts the replica back as {@code backup} holds it (Derby's {@code restoreFrom}), booted with {@code boot}'s key and
     * shut down again; if that fails too, {@code failure} is thrown on with the restore's error attached, as
     * {@code notRestoredMessage} (which names the backup).
     */
    static void restore(DataDirectory directory, Properties boot, Path backup, RuntimeException failure, String notRestoredMessage) {
        Replica.shutdownDerby(directory.replica());
        boot.setProperty("restoreFrom", backup.toString());
        try (Connection ignored = DriverManager.getConnection("jdbc:derby:" + directory.replica(), boot)) {
            LOG.info("Replica restored from {}", backup);
        } catch (SQLException e) {
            failure.addSuppressed(e);
            LOG.error("Restoring the replica from {} failed; the backup is kept there", backup, e);
            throw new LocalizedException(failure, notRestoredMessage, backup.toString());
        } finally {
            Replica.shutdownDerby(directory.replica());
        }
    }

    private void pruneBackups() {
        List<Path> backups = list(directory.backups());
        List<Path> remove = new ArrayList<>(backups.subList(0, Math.max(0, backups.size() - BACKUPS_KEPT)));
        remove.addAll(incomplete(directory.backups()));
        for (Path old : remove) {
            try {
                FileTrees.delete(old);
                LOG.info("Removed the old replica backup {}", old);
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("Could not remove the old replica backup {}; remove it by hand to free disk space", old, e);
            }
        }
    }

    /** The complete pre-upgrade backups, oldest first (by time: the names start with the schema version). */
    static List<Path> list(Path backups) {
        return backups(backups, true);
    }

    private static List<Path> incomplete(Path backups) {
        return backups(backups, false);
    }

    private static List<Path> backups(Path backups, boolean complete) {
        if (!Files.isDirectory(backups)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(backups)) {
            return children.filter(p -> p.getFileName().toString().startsWith(BACKUP_PREFIX))
                    .filter(p -> Files.exists(p.resolve(COMPLETE_MARKER)) == complete)
                    .sorted(Comparator.comparing(p -> modified(complete ? p.resolve(COMPLETE_MARKER) : p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long megabytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }
}
