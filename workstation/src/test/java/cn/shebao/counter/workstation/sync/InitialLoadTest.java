package cn.shebao.counter.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.JdbcSnapshotSource;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.HibernateDemoSink;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.schema.ReplicatedTables;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new replica filled from a real PostgreSQL central database, including a resume after a cut. */
class InitialLoadTest {

    private static TestPostgres pg;
    private static SessionFactory central;

    @TempDir
    Path tmp;
    private Replica replica;

    @BeforeAll
    static void seededCentral() {
        pg = TestPostgres.createDatabase();
        Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
        central = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource());
        new DemoDataGenerator(new DemoDataGenerator.Settings(21, 150, LocalDate.of(2026, 11, 1), 6, 50))
                .generate(new HibernateDemoSink(central), (d, t, r) -> { });
        ChangeLog log = new ChangeLog(Clock.systemUTC());
        central.inTransaction(s -> {
            InsuredPerson any = s.createSelectionQuery("from InsuredPerson order by id", InsuredPerson.class).setMaxResults(1).getSingleResult();
            log.record(s, "insured_person", any.getId(), any.getRowVersion(), ChangeLogEntry.Operation.UPSERT, "CENTRAL");
            log.record(s, "insured_person", any.getId(), any.getRowVersion(), ChangeLogEntry.Operation.UPSERT, "CENTRAL");
        });
    }

    @AfterAll
    static void drop() {
        central.close();
        pg.close();
    }

    @BeforeEach
    void open() {
        replica = Replica.open(new DataDirectory(tmp.resolve("data")), new KeyStoreKeyProtector(tmp.resolve("keys"),
                "load-test".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE));
    }

    @AfterEach
    void close() throws IOException {
        replica.close();
    }

    @Test
    void everyReplicatedTableArrivesAndPullsContinueFromTheSnapshot() throws SQLException {
        long cursor = new InitialLoad(new JdbcSnapshotSource(pg.dataSource()), replica.dataSource(), 500).run(p -> { });
        assertThat(cursor).isEqualTo(2);
        assertSameCounts();
        assertThat(InitialLoad.completed(replica.dataSource())).isTrue();
        assertThat(count(replica.dataSource(), "SELECT pull_cursor FROM sync_state")).isEqualTo(2);
    }

    /**
     * Derby's bulk import reads the rows as text: every value must come back exactly as central holds it (UUIDs as
     * hexadecimal, timestamps, dates, decimals, booleans, NULL against an empty string, Chinese text with quotes).
     */
    @Test
    void everyValueArrivesExactlyAsCentralHoldsIt() throws SQLException {
        new InitialLoad(new JdbcSnapshotSource(pg.dataSource()), replica.dataSource(), 500).run(p -> { });
        JdbcSnapshotSource there = new JdbcSnapshotSource(pg.dataSource());
        JdbcSnapshotSource here = new JdbcSnapshotSource(replica.dataSource());
        long values = 0;
        for (String table : ReplicatedTables.IN_ORDER) {
            java.util.List<java.util.Map<String, Object>> central = there.page(table, null, 100_000);
            java.util.List<java.util.Map<String, Object>> local = here.page(table, null, 100_000);
            assertThat(local).as(table).hasSameSizeAs(central);
            for (int i = 0; i < central.size(); i++) {
                assertThat(local.get(i)).as("%s row %d", table, i).isEqualTo(central.get(i));
                values += central.get(i).size();
            }
        }
        assertThat(values).isGreaterThan(10_000);
    }

    @Test
    void aLoadCutHalfwayResumesWithoutDuplicatesOrGaps() throws SQLException {
        AtomicInteger pages = new AtomicInteger();
        assertThatThrownBy(() -> new InitialLoad(new JdbcSnapshotSource(pg.dataSource()), replica.dataSource(), 200).run(p -> {
            if (pages.incrementAndGet() == 7) {
                throw new IllegalStateException("connection cut");
            }
        })).hasMessageContaining("connection cut");
        assertThat(InitialLoad.completed(replica.dataSource())).isFalse();
        AtomicInteger resumedPages = new AtomicInteger();
        new InitialLoad(new JdbcSnapshotSource(pg.dataSource()), replica.dataSource(), 200).run(p -> resumedPages.incrementAndGet());
        assertSameCounts();
        assertThat(InitialLoad.completed(replica.dataSource())).isTrue();

        // It resumed rather than starting over: fewer pages than a whole load into a fresh replica takes.
        AtomicInteger fullPages = new AtomicInteger();
        try (Replica fresh = Replica.open(new DataDirectory(tmp.resolve("fresh")), new KeyStoreKeyProtector(tmp.resolve("fresh-keys"),
                "load-test".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
            new InitialLoad(new JdbcSnapshotSource(pg.dataSource()), fresh.dataSource(), 200).run(p -> fullPages.incrementAndGet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(resumedPages.get()).isLessThan(fullPages.get());
    }

    private void assertSameCounts() throws SQLException {
        for (String table : ReplicatedTables.IN_ORDER) {
            String sql = "SELECT COUNT(*) FROM " + table;
            assertThat(count(replica.dataSource(), sql)).as(table).isEqualTo(count(pg.dataSource(), sql));
        }
        assertThat(count(replica.dataSource(), "SELECT COUNT(*) FROM contribution")).isPositive();
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
