package cn.shebao.counter.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.JdbcChangeSource;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.Migrations;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.ReplicaTestSupport;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes down: a real PostgreSQL central change log pulled into the encrypted Derby replica. */
class PullTest {

    @TempDir
    Path tmp;
    private TestPostgres pg;
    private SessionFactory central;
    private Replica replica;
    private Puller puller;
    private final ChangeLog log = new ChangeLog(Clock.systemUTC());
    private final TimeOrderedIds ids = TimeOrderedIds.system();

    @BeforeEach
    void open() {
        pg = TestPostgres.createDatabase();
        Migrations.migrate(pg.dataSource(), Migrations.Role.CENTRAL);
        central = CentralSchema.unit(PersistenceUnit.SchemaCheck.NONE).create(pg.dataSource());
        replica = Replica.open(new DataDirectory(tmp.resolve("data")), new KeyStoreKeyProtector(tmp.resolve("keys"),
                "pull-test".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE));
        puller = new Puller(new JdbcChangeSource(pg.dataSource()), replica.dataSource(), 3, Clock.systemUTC());
    }

    @AfterEach
    void close() throws IOException {
        replica.close();
        central.close();
        pg.close();
    }

    /** A central write as a command handler makes it: the row and its change-log entry in one transaction. */
    private List<UUID> centralPersons(int n) {
        List<UUID> created = new ArrayList<>();
        central.inTransaction(s -> {
            for (int i = 0; i < n; i++) {
                InsuredPerson p = ReplicaTestSupport.person(cn.shebao.counter.device.id.CitizenIdNumber.of("330106",
                        java.time.LocalDate.of(1960, 1, 1).plusDays(i), 11).value(), "张" + i);
                UUID id = p.getId();
                s.persist(p);
                s.flush();
                log.record(s, "insured_person", id, p.getRowVersion(), ChangeLogEntry.Operation.UPSERT, "CENTRAL");
                created.add(id);
            }
        });
        return created;
    }

    private InsuredPerson local(UUID id) {
        return replica.sessions().fromTransaction(s -> s.find(InsuredPerson.class, id));
    }

    @Test
    void pagesApplyRowsAndMoveTheCursorTogether() throws SQLException {
        List<UUID> persons = centralPersons(7);
        List<Puller.Page> pages = puller.pullAll();
        assertThat(pages).extracting(Puller.Page::entries).containsExactly(3, 3, 1);
        assertThat(pages.get(2).cursor()).isEqualTo(7);
        for (UUID id : persons) {
            assertThat(local(id)).isNotNull();
        }
        assertThat(local(persons.get(4)).getName()).isEqualTo("张4");
    }

    @Test
    void pullingAgainChangesNothingAndNewerVersionsWin() throws Exception {
        List<UUID> persons = centralPersons(2);
        puller.pullAll();
        // Idempotent: replaying the whole log from the start writes nothing.
        try (var c = replica.dataSource().getConnection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE sync_state SET pull_cursor = 0");
        }
        assertThat(puller.pullAll()).allSatisfy(p -> assertThat(p.written()).isZero());

        central.inTransaction(s -> {
            InsuredPerson p = s.find(InsuredPerson.class, persons.get(0));
            p.setName("张改名");
            s.flush(); // bumps row_version
            log.record(s, "insured_person", p.getId(), p.getRowVersion(), ChangeLogEntry.Operation.UPSERT, "CENTRAL");
        });
        assertThat(puller.pullAll()).extracting(Puller.Page::written).containsExactly(1);
        assertThat(local(persons.get(0)).getName()).isEqualTo("张改名");
        assertThat(local(persons.get(0)).getRowVersion()).isEqualTo(1);
    }

    /** A local change central never accepted raised the local version; central's row still wins once it is logged. */
    @Test
    void centralsRowWinsOverALocalVersionThatRanAhead() throws SQLException {
        List<UUID> persons = centralPersons(1);
        puller.pullAll();
        replica.sessions().inTransaction(s -> {
            InsuredPerson mine = s.find(InsuredPerson.class, persons.get(0));
            mine.setName("本地改名");
            s.flush();
            mine.setName("本地再改");
        });
        assertThat(local(persons.get(0)).getRowVersion()).isEqualTo(2);
        central.inTransaction(s -> {
            InsuredPerson p = s.find(InsuredPerson.class, persons.get(0));
            p.setName("中心姓名");
            s.flush();
            log.record(s, "insured_person", p.getId(), p.getRowVersion(), ChangeLogEntry.Operation.UPSERT, "CENTRAL");
        });
        assertThat(puller.pullAll()).extracting(Puller.Page::written).containsExactly(1);
        assertThat(local(persons.get(0)).getName()).isEqualTo("中心姓名");
        assertThat(local(persons.get(0)).getRowVersion()).isEqualTo(1);
    }

    @Test
    void tombstonesDeleteAndPendingLocalChangesAreNotOverwritten() throws SQLException {
        List<UUID> persons = centralPersons(2);
        puller.pullAll();
        queueLocalCommandOn(persons.get(1));
        central.inTransaction(s -> {
            InsuredPerson gone = s.find(InsuredPerson.class, persons.get(0));
            s.remove(gone);
            log.record(s, "insured_person", persons.get(0), gone.getRowVersion(), ChangeLogEntry.Operation.DELETE, "CENTRAL");
            InsuredPerson changed = s.find(InsuredPerson.class, persons.get(1));
            changed.setName("中心改名");
            s.flush();
            log.record(s, "insured_person", changed.getId(), changed.getRowVersion(), ChangeLogEntry.Operation.UPSERT, "CENTRAL");
        });
        Puller.Page page = puller.pullPage();
        assertThat(page.deleted()).isEqualTo(1);
        assertThat(page.skipped()).isEqualTo(1);
        assertThat(local(persons.get(0))).isNull();
        assertThat(local(persons.get(1)).getName()).isEqualTo("张1");
    }

    @Test
    void aTombstoneDeletesARowEvenWhileALaterLocalCommandOnItIsPending() throws SQLException {
        // Central deletes a row only when it refused the row's creation; a decision queued on that row after the refused
        // push must not keep the refused row in the replica (the soak's REPLICA_DIFFERS on special_drug_application).
        List<UUID> persons = centralPersons(1);
        puller.pullAll();
        queueLocalCommandOn(persons.get(0));
        central.inTransaction(s -> {
            InsuredPerson refused = s.find(InsuredPerson.class, persons.get(0));
            s.remove(refused);
            log.record(s, "insured_person", persons.get(0), refused.getRowVersion(), ChangeLogEntry.Operation.DELETE, "CENTRAL");
        });
        Puller.Page page = puller.pullPage();
        assertThat(page.deleted()).isEqualTo(1);
        assertThat(page.skipped()).isZero();
        assertThat(local(persons.get(0))).isNull();
    }

    @Test
    void aPageThatCannotBeAppliedLeavesTheCursorWhereItWas() throws Exception {
        centralPersons(1);
        // A change for a row whose parent the replica lacks: the foreign key refuses it, so the page rolls back.
        central.inTransaction(s -> {
            var employerId = UUID.randomUUID();
            s.createNativeMutationQuery("INSERT INTO employer (id, row_version, credit_code, name, district_code, work_injury_rate, status, registered_on) "
                    + "VALUES (?1, 0, '91330106MA2B0Q6J5D', '杭州测试有限公司', '330106', 0.004, 'ACTIVE', DATE '2020-01-01')")
                    .setParameter(1, employerId).executeUpdate();
            InsuredPerson p = ReplicaTestSupport.person("330106196001010117", "李四");
            p.setCurrentEmployerId(employerId);
            s.persist(p);
            s.flush();
            log.record(s, "insured_person", p.getId(), p.getRowVersion(), ChangeLogEntry.Operation.UPSERT, "CENTRAL");
        });
        Puller onePage = new Puller(new JdbcChangeSource(pg.dataSource()), replica.dataSource(), 10, Clock.systemUTC());
        assertThatThrownBy(onePage::pullPage).isInstanceOf(SQLException.class);
        try (var c = replica.dataSource().getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT pull_cursor FROM sync_state")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
        long localPersons = replica.sessions().fromTransaction(s -> s.createSelectionQuery("select count(*) from InsuredPerson", Long.class)
                .getSingleResult());
        assertThat(localPersons).isZero();
    }

    /** A command the window has not pushed yet, on that person's row. */
    private void queueLocalCommandOn(UUID person) {
        Outbox outbox = new Outbox(replica.sessions(), Clock.systemUTC(), ids);
        replica.sessions().inTransaction(s -> outbox.append(s, CommandType.IDENTITY_CONFIRMED, "{}", "insured_person",
                person, null, "chenjing"));
    }
}
