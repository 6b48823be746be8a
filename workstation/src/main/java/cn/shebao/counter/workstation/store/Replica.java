package cn.shebao.counter.workstation.store;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.logging.DerbyErrorLog;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.platform.FilePermissions;
import cn.shebao.counter.workstation.platform.InstanceLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.flywaydb.core.api.MigrationInfoService;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's local copy of the data: embedded Derby, encrypted with AES-256, one process per
 * data directory, schema owned by migrations, shut down cleanly on close and on SIGTERM.
 *
 * <p>The boot password comes from a {@link KeyProtector} and travels only as a connection property,
 * never in the URL (which Derby and Hibernate may log) and never in an exception message.
 */
public final class Replica implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

    /** Derby's own default is 56-bit DES; AES-256 must be named explicitly. */
    private static final String ENCRYPTION_ALGORITHM = "AES/CBC/NoPadding";
    private static final String ENCRYPTION_KEY_LENGTH = "256";

    /** Steps reported to a splash screen while the replica opens (several seconds on a cold JVM). */
    public enum Step { LOCKING, UNLOCKING, CREATING, MIGRATING, BACKING_UP, UPGRADING, STARTING_HIBERNATE, READY }

    private final DataDirectory directory;
    private final InstanceLock lock;
    private final BootKey key;
    private final DriverDataSource dataSource;
    private final SessionFactory sessions;
    private final Thread shutdownHook;
    private final boolean created;
    private boolean closed;

    private Replica(DataDirectory directory, InstanceLock lock, BootKey key, DriverDataSource dataSource,
            SessionFactory sessions, boolean created) {
        this.directory = directory;
        this.lock = lock;
        this.key = key;
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.created = created;
        this.shutdownHook = new Thread(this::closeFromHook, "replica-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Replica open(DataDirectory directory, KeyProtector keys, PersistenceUnit unit) {
        return open(directory, keys, unit, step -> { });
    }


    /**
     * Opens the replica in {@code directory}, creating and encrypting it on first use.
     *
     * @throws LocalizedException with a message the clerk or IT staff can act on
     */
    public static Replica open(DataDirectory directory, KeyProtector keys, PersistenceUnit unit,
            Consumer<Step> progress) {
        return open(directory, keys, unit, progress, Migrations.Plan.of(Migrations.Role.REPLICA));
    }

    /**
     * As above with the migrations to apply; a replica with pending migrations is backed up first and restored if
     * they fail ({@link ReplicaUpgrade}).
     */
    public static Replica open(DataDirectory directory, KeyProtector keys, PersistenceUnit unit,
            Consumer<Step> progress, Migrations.Plan plan) {
        directory.create();
        configureDerbySystem(directory);
        progress.accept(Step.LOCKING);
        InstanceLock lock = InstanceLock.acquire(directory);
        BootKey key = null;
        try {
            boolean exists = Files.exists(directory.replica().resolve("service.properties"));
            progress.accept(exists ? Step.UNLOCKING : Step.CREATING);
            key = exists ? keys.load().orElseThrow(() -> new LocalizedException("replica.error.keyMissing",
                    directory.keys().toString())) : keys.load().orElseGet(keys::create);
            BootKey bootKey = key;
            String url = "jdbc:derby:" + directory.replica();
            DriverDataSource dataSource = new DriverDataSource(url, () -> bootProperties(bootKey)).recoveringFromStorageFailures();
            if (!exists) {
                createEncrypted(url, key);
                LOG.info("Created encrypted replica (AES-256) in {}", directory.replica());
            }
            boot(dataSource, directory);
            progress.accept(Step.MIGRATING);
            new ReplicaUpgrade(directory, () -> bootProperties(bootKey), ReplicaUpgrade.usableSpaceOf(directory),
                    Clock.systemDefaultZone()).migrate(dataSource, plan, progress);
            progress.accept(Step.STARTING_HIBERNATE);
            SessionFactory sessions = unit.create(dataSource);
            if (!keys.osProtected()) {
                LOG.warn("The replica key is protected only by a software key store ({}): anyone who copies the "
                        + "whole data directory on this machine can open the replica.", keys.describe());
            }
            guardFiles(directory);
            progress.accept(Step.READY);
            return new Replica(directory, lock, key, dataSource, sessions, !exists);
        } catch (RuntimeException e) {
            abandon(directory, key, lock, e);
            throw e;
        }
    }

    /** After a failed open: Derby shut down, the key wiped and the lock released, the failure kept as it was. */
    private static void abandon(DataDirectory directory, BootKey key, InstanceLock lock, RuntimeException failure) {
        shutdownDerby(directory.replica());
        if (key != null) {
            key.close();
        }
        closeLock(lock, failure);
    }

    /**
     * Opens an existing replica for reading only (audit verify): nothing is created, nothing migrated, and every
     * connection is read-only, so Derby refuses any write. A replica that needs an upgrade is refused rather than
     * upgraded: the tool that only looks must not be what changes it.
     *
     * @throws LocalizedException when there is no replica, no key, or the replica needs the workstation to start first
     */
    public static Replica openReadOnly(DataDirectory directory, KeyProtector keys, PersistenceUnit unit) {
        if (!Files.exists(directory.replica().resolve("service.properties"))) {
            throw new LocalizedException("audit.verify.noReplica", directory.root().toString());
        }
        configureDerbySystem(directory);
        InstanceLock lock = InstanceLock.acquire(directory);
        BootKey key = null;
        try {
            key = keys.load().orElseThrow(() -> new LocalizedException("replica.error.keyMissing", directory.keys().toString()));
            BootKey bootKey = key;
            DriverDataSource dataSource = new DriverDataSource("jdbc:derby:" + directory.replica(), () -> bootProperties(bootKey))
                    .readOnly();
            boot(dataSource, directory);
            MigrationInfoService info = Migrations.flyway(dataSource, Migrations.Plan.of(Migrations.Role.REPLICA)).info();
            if (info.pending().length > 0) {
                throw new LocalizedException("replica.error.readOnlyNeedsUpgrade", directory.replica().toString(),
                        info.current() == null ? "-" : info.current().getVersion().getVersion());
            }
            SessionFactory sessions = unit.checking(PersistenceUnit.SchemaCheck.NONE).create(dataSource);
            return new Replica(directory, lock, key, dataSource, sessions, false);
        } catch (RuntimeException e) {
            abandon(directory, key, lock, e);
            throw e;
        }
    }

    /**
     * What a replica holds and which schema it has, read without migrating or changing anything (the self-test
     * runs beside an installed, possibly older, replica). Empty when this machine has no replica yet.
     *
     * @throws LocalizedException when it cannot be opened, or a running workstation holds it
     */
    public static Optional<Inspection> inspect(DataDirectory directory, KeyProtector keys) {
        if (!Files.exists(directory.replica().resolve("service.properties"))) {
            return Optional.empty();
        }
        configureDerbySystem(directory);
        try (InstanceLock ignored = InstanceLock.acquire(directory);
                BootKey key = keys.load().orElseThrow(() -> new LocalizedException("replica.error.keyMissing",
                        directory.keys().toString()))) {
            DriverDataSource dataSource = new DriverDataSource("jdbc:derby:" + directory.replica(), () -> bootProperties(key));
            boot(dataSource, directory);
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement();
                    ResultSet persons = s.executeQuery("SELECT COUNT(*) FROM insured_person")) {
                persons.next();
                MigrationInfoService info = Migrations.flyway(dataSource, Migrations.Plan.of(Migrations.Role.REPLICA)).info();
                return Optional.of(new Inspection(info.current() == null ? "-" : info.current().getVersion().getVersion(),
                        info.pending().length, persons.getLong(1)));
            } catch (SQLException e) {
                throw translate(e, directory.replica().toString());
            } finally {
                shutdownDerby(directory.replica());
            }
        } catch (IOException e) {
            throw new LocalizedException(e, "app.error.dataDirUnusable", directory.root().toString(), e.getMessage());
        }
    }

    /**
     * What Derby and the logger just created carries the process umask (often 0644): tightened like everything else,
     * and a parent directory others may write to is reported, since whoever can write there can swap the whole data
     * directory for one of their own.
     */
    private static void guardFiles(DataDirectory directory) {
        try {
            FilePermissions.ownerOnlyTree(directory.root());
            for (Path loose : FilePermissions.parentsOthersCanReplace(directory.root())) {
                LOG.warn("{} above the data directory can be written by other accounts (and has no sticky bit): they could "
                        + "replace the data directory. Make it writable by its owner only.", loose);
            }
        } catch (IOException e) {
            throw new LocalizedException(e, "app.error.dataDirUnusable", directory.root().toString(), String.valueOf(e.getMessage()));
        }
    }

    /** A replica as the self-test sees it. */
    public record Inspection(String schemaVersion, int pendingMigrations, long persons) {
    }

    static void configureDerbySystem(DataDirectory directory) {
        // Both are read once, when Derby first boots in this JVM; a test JVM that opens several replicas keeps the first.
        if (System.getProperty("derby.system.home") == null) {
            System.setProperty("derby.system.home", directory.root().toString());
        }
        // Through our filter, not straight to a file: Derby dumps a damaged page decrypted into its log.
        if (System.getProperty("derby.stream.error.method") == null && System.getProperty("derby.stream.error.file") == null) {
            System.setProperty(DerbyErrorLog.FILE_PROPERTY, directory.logs().resolve("derby.log").toString());
            System.setProperty("derby.stream.error.method", DerbyErrorLog.METHOD);
        }
    }

    static Properties bootProperties(BootKey key) {
        Properties p = new Properties();
        char[] secret = key.reveal();
        p.setProperty("bootPassword", new String(secret));
        Arrays.fill(secret, '\0');
        return p;
    }

    private static void createEncrypted(String url, BootKey key) {
        Properties p = bootProperties(key);
        p.setProperty("create", "true");
        p.setProperty("dataEncryption", "true");
        p.setProperty("encryptionAlgorithm", ENCRYPTION_ALGORITHM);
        p.setProperty("encryptionKeyLength", ENCRYPTION_KEY_LENGTH);
        try (Connection ignored = DriverManager.getConnection(url, p)) {
            // creating is all that is wanted
        } catch (SQLException e) {
            throw translate(e, url);
        }
    }

    private static void boot(DriverDataSource dataSource, DataDirectory directory) {
        try (Connection ignored = dataSource.getConnection()) {
            // the first connection boots the database with the key
        } catch (SQLException e) {
            throw translate(e, directory.replica().toString());
        }
    }

    /** Maps Derby's SQLStates to messages; the cause is kept for the log, the key never appears. */
    static LocalizedException translate(SQLException e, String where) {
        List<String> states = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    states.add(n.getSQLState());
                }
            }
        }
        if (states.contains("XBM06")) {
            return new LocalizedException(e, "replica.error.wrongKey", where);
        }
        if (states.contains("XSDB6")) {
            return new LocalizedException(e, "app.error.alreadyRunning", where);
        }
        if (states.stream().anyMatch(s -> s != null && (s.startsWith("XSDF") || s.equals("XSDG3")))) {
            return new LocalizedException(e, "replica.error.storage", where);
        }
        return new LocalizedException(e, "replica.error.cannotOpen", where, String.join(",", states.stream()
                .map(String::valueOf).toList()));
    }

    public SessionFactory sessions() {
        return sessions;
    }

    /** For migrations, bulk loaders and tests that must see the raw tables. */
    public DriverDataSource dataSource() {
        return dataSource;
    }

    public DataDirectory directory() {
        return directory;
    }

    /** True when this open created the replica (first start on this machine). */
    public boolean wasCreated() {
        return created;
    }

    private void closeFromHook() {
        try {
            closeNow();
        } catch (IOException e) {
            LOG.error("Replica did not close cleanly at JVM shutdown", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; closeNow is idempotent.
        }
        closeNow();
    }

    private synchronized void closeNow() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            sessions.close();
        } finally {
            shutdownDerby(directory.replica());
            key.close();
            lock.close();
        }
    }

    static void shutdownDerby(Path replica) {
        try {
            DriverManager.getConnection("jdbc:derby:" + replica + ";shutdown=true").close();
        } catch (SQLException e) {
            // 08006 is Derby's normal answer to a database shutdown; XJ004 means it was never booted.
            if (!"08006".equals(e.getSQLState()) && !"XJ004".equals(e.getSQLState())) {
                LOG.warn("Derby shutdown of {} reported {}", replica, e.getSQLState(), e);
            }
        }
    }

    private static void closeLock(InstanceLock lock, RuntimeException primary) {
        try {
            lock.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
