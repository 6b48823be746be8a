package cn.shebao.counter.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.ContributionHistory;
import cn.shebao.counter.workstation.citizen.ContributionHistory.OlderDetail;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.CentralRows;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counter's months older than its replica's window come from central through the service while online, are
 * shown in order before the replica's own months, and are recorded at central as read by the clerk; offline, frozen
 * or refused, the tab says they are kept at central and a statement of such a year is known to be incomplete.
 */
class OlderRecordsThroughServiceTest {

    private static final Duration QUICK = Duration.ofSeconds(3);

    @TempDir
    Path tmp;

    @Test
    void olderMonthsComeFromCentralWhileOnlineAndAreSaidToBeThereWhileNot() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"))) {
            CentralRows.seed(pg.dataSource(), new DemoDataGenerator.Settings(2026, 120, LocalDate.of(2026, 11, 1), 6, 60).withArchive(36));
            URI url = URI.create(central.url());
            TestCentral.Machine machine = central.enrolled("WIN-01");
            UUID clerkId = CentralRows.staffId(pg.dataSource(), "chenjing");
            StaffSession clerk = new StaffSession(clerkId, "chenjing", "陈静", EnumSet.of(StaffRole.CLERK));
            UUID worker = personWithArchive(pg, "CONTRIBUTING");
            UUID retiree = personWithArchive(pg, "RETIRED");

            try (Replica replica = Replica.open(new DataDirectory(tmp.resolve("data")), new KeyStoreKeyProtector(tmp.resolve("keys"),
                    "older-test".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE))) {
                new InitialLoad(machine.at(url), replica.dataSource(), 500).run(p -> { });
                assertThat(count(replica.dataSource().getConnection(), "SELECT COUNT(*) FROM contribution")).isPositive();
                AuditLog audit = new AuditLog(replica.sessions(), Clock.systemUTC(), TimeOrderedIds.system(), "WIN-01");
                AtomicBoolean online = new AtomicBoolean(true);
                CitizenRecords records = new CitizenRecords(replica.sessions(), audit, Clock.systemUTC(),
                        new CentralOlderRecords(machine.at(url, QUICK, QUICK), online::get));

                // A worker: the archive's months first, then the replica's window, in month order.
                ContributionHistory w = records.contributions(records.open(clerk, worker, AccessPurpose.WINDOW_WITH_ID).access());
                int archived = archivedMonths(pg, worker);
                assertThat(w.older()).isEqualTo(OlderDetail.INCLUDED);
                assertThat(w.localFrom()).isNotNull();
                assertThat(w.lines().stream().filter(l -> l.month().isBefore(w.localFrom()))).hasSize(archived);
                assertThat(w.lines()).extracting(ContributionHistory.Line::month).isSortedAccordingTo(YearMonth::compareTo);
                assertThat(w.completeFor(w.lines().get(0).month().getYear())).isTrue();

                // A retiree: no month in the replica at all, every line from central's archive.
                ContributionHistory r = records.contributions(records.open(clerk, retiree, AccessPurpose.WINDOW_WITH_ID).access());
                assertThat(r.localFrom()).isNull();
                assertThat(r.lines()).hasSize(archivedMonths(pg, retiree)).isNotEmpty();
                assertThat(r.years()).isNotEmpty();
                assertThat(recordReads(pg, clerkId)).isEqualTo(2);

                // Offline: said to be at central, nothing asked, and an early year is known to be incomplete.
                online.set(false);
                ContributionHistory offline = records.contributions(records.open(clerk, retiree, AccessPurpose.WINDOW_WITH_ID).access());
                assertThat(offline.older()).isEqualTo(OlderDetail.AT_CENTRAL);
                assertThat(offline.lines()).isEmpty();
                int earlyYear = r.lines().get(0).month().getYear();
                assertThat(offline.completeFor(earlyYear)).isFalse();
                assertThatThrownBy(() -> offline.requireCompleteFor(earlyYear)).isInstanceOfSatisfying(LocalizedException.class,
                        e -> assertThat(e.key()).isEqualTo("statement.error.olderAtCentral"));
                assertThat(r.requireCompleteFor(earlyYear)).isSameAs(r);
                assertThat(recordReads(pg, clerkId)).isEqualTo(2);

                // The last round was online but the service has gone since: the same answer, within the short timeout.
                CitizenRecords unreachable = new CitizenRecords(replica.sessions(), audit, Clock.systemUTC(),
                        new CentralOlderRecords(machine.at(URI.create("https://127.0.0.1:1"), QUICK, QUICK), () -> true));
                assertThat(unreachable.contributions(unreachable.open(clerk, worker, AccessPurpose.WINDOW_WITH_ID).access()).older())
                        .isEqualTo(OlderDetail.AT_CENTRAL);

                // Central refuses a clerk it does not know (a replica's stale or forged session): the window still shows its own months.
                StaffSession stranger = new StaffSession(UUID.randomUUID(), "nobody", "无名", EnumSet.of(StaffRole.CLERK));
                online.set(true);
                ContributionHistory refused = records.contributions(records.open(stranger, worker, AccessPurpose.WINDOW_WITH_ID).access());
                assertThat(refused.older()).isEqualTo(OlderDetail.AT_CENTRAL);
                assertThat(refused.lines()).hasSize(w.lines().size() - archived);
            }
        }
    }

    private static UUID personWithArchive(TestPostgres pg, String status) throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT p.id FROM insured_person p"
                + " WHERE p.status = ? AND EXISTS (SELECT 1 FROM contribution_archive a WHERE a.person_id = p.id) ORDER BY p.id LIMIT 1")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a %s person with archived months", status).isTrue();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static int archivedMonths(TestPostgres pg, UUID person) throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM contribution_archive WHERE person_id = ?")) {
            ps.setObject(1, person);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static long recordReads(TestPostgres pg, UUID staff) throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM record_read WHERE staff_id = ? AND tables_read = 'contribution_archive'")) {
            ps.setObject(1, staff);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (c; var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
