package cn.shebao.counter.workstation.testing;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.central.CommandHandlers;
import cn.shebao.counter.workstation.central.JdbcChangeSource;
import cn.shebao.counter.workstation.central.JdbcSnapshotSource;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.sync.ServiceClient;
import cn.shebao.counter.workstation.wire.ChangeSource;
import cn.shebao.counter.workstation.wire.CommandSink;
import cn.shebao.counter.workstation.wire.SnapshotSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * "Central plus N windows", the set-up of every test of what several counters do to the same records: a fresh
 * PostgreSQL database migrated as central and filled with demo data, central's rules, and windows opened against it
 * ({@link #window}). Central is reached either over the real mutual-TLS service ({@link #overService}) or, where a
 * test is about the rules rather than the transport, through central's own applier and change log in this JVM
 * ({@link #inProcess}: the same handlers, no TLS). Closing it closes the windows, the service and the database.
 */
public final class CentralPlusWindows implements AutoCloseable {

    private final Path directory;
    private final TestPostgres database;
    private final SessionFactory central;
    private final TestCentral service;
    private final CommandApplier applier;
    private final long demoSeed;
    private final List<SyncedWindow> windows = new ArrayList<>();

    private CentralPlusWindows(Path directory, TestPostgres database, SessionFactory central, TestCentral service,
            CommandApplier applier, long demoSeed) {
        this.directory = directory;
        this.database = database;
        this.central = central;
        this.service = service;
        this.applier = applier;
        this.demoSeed = demoSeed;
    }

    /** The real service over mutual TLS in front of the database, each window enrolled as a counter. */
    public static CentralPlusWindows overService(Path directory, DemoDataGenerator.Settings demo) throws Exception {
        TestPostgres pg = TestPostgres.createDatabase();
        SessionFactory central = null;
        try {
            TestCentral service = TestCentral.start(pg.dataSource(), directory.resolve("pki"));
            try {
                central = filled(pg.dataSource(), demo);
                return new CentralPlusWindows(directory, pg, central, service, null, demo.seed());
            } catch (Exception | Error e) {
                service.close();
                throw e;
            }
        } catch (Exception | Error e) {
            closeAfterFailure(central, pg, e);
            throw e;
        }
    }

    /** Central's applier and change log in this JVM over the database: central's rules without the transport. */
    public static CentralPlusWindows inProcess(Path directory, DemoDataGenerator.Settings demo) throws Exception {
        TestPostgres pg = TestPostgres.createDatabase();
        SessionFactory central = null;
        try {
            Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
            central = filled(pg.dataSource(), demo);
            CommandApplier applier = new CommandApplier(central, CommandHandlers.all(Clock.systemUTC()), Clock.systemUTC(),
                    TimeOrderedIds.system());
            return new CentralPlusWindows(directory, pg, central, null, applier, demo.seed());
        } catch (Exception | Error e) {
            closeAfterFailure(central, pg, e);
            throw e;
        }
    }

    private static SessionFactory filled(DataSource database, DemoDataGenerator.Settings demo) {
        SessionFactory central = CentralSchema.unit(PersistenceUnit.SchemaCheck.VALIDATE).create(database);
        new DemoDataGenerator(demo).generate(new HibernateDemoSink(central), (done, total, rows) -> { });
        return central;
    }

    private static void closeAfterFailure(SessionFactory central, TestPostgres pg, Throwable primary) {
        if (central != null) {
            central.close();
        }
        try {
            pg.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }

    /** A new window, enrolled under {@code code}, its replica loaded from central. */
    public SyncedWindow window(String code) throws Exception {
        SyncedWindow window = SyncedWindow.open(directory.resolve(code), code, link(code), demoSeed);
        synchronized (windows) {
            windows.add(window);
        }
        return window;
    }

    private SyncedWindow.Link link(String code) throws Exception {
        if (service != null) {
            ServiceClient client = service.machine(code);
            return new SyncedWindow.Link() {
                public SnapshotSource snapshots() {
                    return client;
                }

                public CommandSink commands() {
                    return client;
                }

                public ChangeSource changes() {
                    return client;
                }
            };
        }
        applier.register(code);
        return new SyncedWindow.Link() {
            public SnapshotSource snapshots() {
                return new JdbcSnapshotSource(database.dataSource());
            }

            public CommandSink commands() {
                return applier;
            }

            public ChangeSource changes() {
                return new JdbcChangeSource(database.dataSource());
            }
        };
    }

    /** Central's database as Hibernate sees it, to set up and check rows. */
    public SessionFactory central() {
        return central;
    }

    public DataSource database() {
        return database.dataSource();
    }

    /** The service, when central is reached over it. */
    public TestCentral service() {
        if (service == null) {
            throw new IllegalStateException("this central runs in process, without the service");
        }
        return service;
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        List<AutoCloseable> parts = new ArrayList<>(windows);
        parts.add(central::close);
        if (service != null) {
            parts.add(service);
        }
        parts.add(database);
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
