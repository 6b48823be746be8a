package cn.shebao.counter.workstation.store;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.platform.FileTrees;
import cn.shebao.counter.workstation.platform.InstanceLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts the replica under a new boot key ({@code key rotate}), for a key that may have been seen, or on IT's
 * schedule. Derby's {@code newBootPassword} makes a new internal encryption key and rewrites every page with it; the
 * old boot key then opens nothing.
 *
 * <p>Order, so that nothing is lost whatever stops it: the rows are counted; the replica is backed up (under the old
 * key); the new key is stored beside the old one before Derby starts, because Derby warns that a re-encryption cut off
 * at the very end may open only with the new key; Derby re-encrypts; the replica is opened with the new key, every
 * page read (Derby's consistency check) and every table counted again; only then does the new key replace the old one
 * in the store. A failure before that restores the backup and keeps the old key. Run again after a crash, it first
 * finds out which key the replica opens with and finishes or starts over.
 *
 * <p>Afterwards the backups in {@code backups/} (this one and the pre-upgrade ones) are removed: they are encrypted
 * with the old key, and a key rotated because it may have leaked must not leave copies that key still opens.
 */
public final class KeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

    /** Derby needs room for the old pages while it rewrites them, and the backup takes as much again. */
    private static final int SPACE_FACTOR = 2;
    private static final long SPACE_MARGIN_BYTES = 64L * 1024 * 1024;
    static final String BACKUP_PREFIX = "replica-before-key-rotation-";

    public enum Step { CHECKING, BACKING_UP, REENCRYPTING, VERIFYING, REMOVING_OLD_BACKUPS }

    /** Where the rotation is; {@code seconds} counts the time spent in the step (Derby reports no finer progress). */
    public record Progress(Step step, long seconds) {
    }

    /**
     * @param finishedInterrupted true when an earlier rotation had re-encrypted the replica before it stopped, and
     *     this run only made its key the key
     */
    public record Result(int tables, long rows, int backupsRemoved, boolean finishedInterrupted) {
    }

    private final DataDirectory directory;
    private final KeyProtector keys;
    private final Clock clock;
    private final LongSupplier usableSpace;

    public KeyRotation(DataDirectory directory, KeyProtector keys, Clock clock) {
        this(directory, keys, clock, ReplicaUpgrade.usableSpaceOf(directory));
    }

    KeyRotation(DataDirectory directory, KeyProtector keys, Clock clock, LongSupplier usableSpace) {
        this.directory = directory;
        this.keys = keys;
        this.clock = clock;
        this.usableSpace = usableSpace;
    }

    /** @throws LocalizedException for everything IT can act on; the replica opens afterwards with one of the keys */
    public Result rotate(Consumer<Progress> progress) {
        if (!Files.exists(directory.replica().resolve("service.properties"))) {
            throw new LocalizedException("key.rotate.noReplica", directory.root().toString());
        }
        Replica.configureDerbySystem(directory);
        try (InstanceLock ignored = InstanceLock.acquire(directory);
                BootKey current = keys.load().orElseThrow(() -> new LocalizedException("replica.error.keyMissing",
                        directory.keys().toString()))) {
            Optional<Result> finished = resolveInterrupted(current);
            if (finished.isPresent()) {
                return finished.get();
            }
            progress.accept(new Progress(Step.CHECKING, 0));
            Map<String, Long> before = counts(current);
            requireSpace();
            progress.accept(new Progress(Step.BACKING_UP, 0));
            Path backup = backup(current);
            try (BootKey next = BootKey.random()) {
                keys.storeNext(next);
                try {
                    reencrypt(current, next, progress);
                    progress.accept(new Progress(Step.VERIFYING, 0));
                    verify(next, before);
                } catch (RuntimeException e) {
                    restore(backup, current, e);
                    keys.discardNext();
                    throw e instanceof LocalizedException le && le.key().startsWith("key.rotate.")
                            ? le : new LocalizedException(e, "key.rotate.failedRestored", String.valueOf(e.getMessage()),
                                    backup.toString());
                }
                keys.promoteNext();
            }
            LOG.info("Replica re-encrypted under a new boot key: {} tables, {} rows checked", before.size(),
                    before.values().stream().mapToLong(Long::longValue).sum());
            progress.accept(new Progress(Step.REMOVING_OLD_BACKUPS, 0));
            int removed = removeBackups();
            return new Result(before.size(), before.values().stream().mapToLong(Long::longValue).sum(), removed, false);
        } catch (IOException e) {
            throw new LocalizedException(e, "app.error.dataDirUnusable", directory.root().toString(), String.valueOf(e.getMessage()));
        } finally {
            Replica.shutdownDerby(directory.replica());
        }
    }

    /**
     * A next key in the store means a rotation stopped part way. If the replica still opens with the current key, Derby
     * rolled its work back: the next key is dropped and the rotation starts again. If it opens only with the next key,
     * Derby had finished: that key becomes the key.
     */
    private Optional<Result> resolveInterrupted(BootKey current) {
        Optional<BootKey> pending = keys.loadNext();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        try (BootKey next = pending.get()) {
            if (opens(current)) {
                LOG.warn("An earlier key rotation stopped before Derby finished; it was rolled back and starts again");
                keys.discardNext();
                return Optional.empty();
            }
            if (!opens(next)) {
                throw new LocalizedException("key.rotate.neitherKey", directory.replica().toString(), directory.backups().toString());
            }
            Map<String, Long> rows = counts(next);
            keys.promoteNext();
            LOG.info("An earlier key rotation had re-encrypted the replica before it stopped; its key is now the key");
            int removed = removeBackups();
            return Optional.of(new Result(rows.size(), rows.values().stream().mapToLong(Long::longValue).sum(), removed, true));
        }
    }

    private String url() {
        return "jdbc:derby:" + directory.replica();
    }

    private boolean opens(BootKey key) {
        try (Connection ignored = DriverManager.getConnection(url(), Replica.bootProperties(key))) {
            return true;
        } catch (SQLException e) {
            if (Replica.translate(e, directory.replica().toString()).key().equals("replica.error.wrongKey")) {
                return false;
            }
            throw Replica.translate(e, directory.replica().toString());
        } finally {
            Replica.shutdownDerby(directory.replica());
        }
    }

    /** Rows per table; boots the replica with {@code key} and leaves it booted. */
    private Map<String, Long> counts(BootKey key) {
        try (Connection c = DriverManager.getConnection(url(), Replica.bootProperties(key))) {
            return rowCounts(c);
        } catch (SQLException e) {
            throw Replica.translate(e, directory.replica().toString());
        }
    }

    /** Every user table's row count, by {@code SCHEMA.TABLE}. */
    static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String[] table : StorageCheck.userTables(c)) {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \"" + table[0] + "\".\"" + table[1] + "\"")) {
                r.next();
                rows.put(table[0] + "." + table[1], r.getLong(1));
            }
        }
        return rows;
    }

    private void requireSpace() {
        long needed;
        try {
            needed = SPACE_FACTOR * FileTrees.size(directory.replica()) + SPACE_MARGIN_BYTES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long free = usableSpace.getAsLong();
        if (free < needed) {
            throw new LocalizedException("key.rotate.noSpace", megabytes(needed), megabytes(free), directory.root().toString());
        }
    }

    /** Derby's online backup of the booted replica; returns the copy's database directory. */
    private Path backup(BootKey key) {
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path target = directory.backups().resolve(BACKUP_PREFIX + stamp);
        try (Connection c = DriverManager.getConnection(url(), Replica.bootProperties(key));
                CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            Files.createDirectories(target);
            call.setString(1, target.toString());
            call.execute();
        } catch (SQLException | IOException e) {
            throw new LocalizedException(e, "replica.error.backupFailed", target.toString(), String.valueOf(e.getMessage()));
        } finally {
            Replica.shutdownDerby(directory.replica());
        }
        return target.resolve(directory.replica().getFileName());
    }

    private void reencrypt(BootKey current, BootKey next, Consumer<Progress> progress) {
        long start = System.nanoTime();
        progress.accept(new Progress(Step.REENCRYPTING, 0));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "key-rotation-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> progress.accept(new Progress(Step.REENCRYPTING,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start))), 1, 1, TimeUnit.SECONDS);
        char[] secret = next.reveal();
        // In the URL, not the properties: Derby 10.16 re-encrypts only when it finds newBootPassword among the URL's
        // attributes (given as a property it boots with it as if it were the old one and refuses, XBM06). The URL
        // stays inside this method: Derby names the database in its messages and log, never the attributes.
        String reencryptUrl = url() + ";newBootPassword=" + new String(secret);
        Arrays.fill(secret, '\0');
        try (Connection c = DriverManager.getConnection(reencryptUrl, Replica.bootProperties(current))) {
            // Derby's manual: the change succeeded only if there were no warnings either.
            SQLWarning warning = c.getWarnings();
            if (warning != null) {
                throw new LocalizedException(warning, "key.rotate.warning", String.valueOf(warning.getSQLState()));
            }
        } catch (SQLException e) {
            throw Replica.translate(e, directory.replica().toString());
        } finally {
            ticker.shutdownNow();
            Replica.shutdownDerby(directory.replica());
        }
    }

    /** Every page read under the new key, and every table as full as before. */
    private void verify(BootKey next, Map<String, Long> before) {
        Map<String, Long> after = counts(next);
        if (!after.equals(before)) {
            String differing = before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).findFirst()
                    .map(t -> t + " " + before.get(t) + " → " + after.get(t)).orElse("tables " + before.keySet() + " → " + after.keySet());
            throw new LocalizedException("key.rotate.verifyFailed", differing);
        }
        List<StorageCheck.TableResult> results;
        try {
            results = new StorageCheck(new DriverDataSource(url(), () -> Replica.bootProperties(next)))
                    .run((table, position, tables) -> { });
        } catch (SQLException e) {
            throw Replica.translate(e, directory.replica().toString());
        } finally {
            Replica.shutdownDerby(directory.replica());
        }
        results.stream().filter(r -> !r.whole()).findFirst().ifPresent(r -> {
            throw new LocalizedException("key.rotate.verifyFailed", r.table() + " " + r.sqlState());
        });
    }

    private void restore(Path backup, BootKey current, RuntimeException failure) {
        LOG.warn("Key rotation failed; restoring the replica from {} under its old key", backup);
        ReplicaUpgrade.restore(directory, Replica.bootProperties(current), backup, failure, "key.rotate.notRestored");
    }

    /** Every backup under the old key; the count of those removed. */
    private int removeBackups() {
        Path backups = directory.backups();
        if (!Files.isDirectory(backups)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> children = Files.list(backups)) {
            for (Path old : children.filter(p -> p.getFileName().toString().startsWith(ReplicaUpgrade.BACKUP_PREFIX)).toList()) {
                FileTrees.delete(old);
                removed++;
            }
        } catch (IOException e) {
            // The rotation itself succeeded; the leftover backups are named so IT can remove them.
            throw new LocalizedException(e, "key.rotate.backupsLeft", backups.toString());
        }
        return removed;
    }

    private static long megabytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }
}
