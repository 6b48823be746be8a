package cn.shebao.counter.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.reports.render.ReportRenderer;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.auditview.AccessHistory;
import cn.shebao.counter.workstation.auditview.AccessStatements;
import cn.shebao.counter.workstation.central.PersonRecords;
import cn.shebao.counter.workstation.central.service.MachineRegistry;
import cn.shebao.counter.workstation.certificates.AccessStatementContent;
import cn.shebao.counter.workstation.certificates.DocumentRegister;
import cn.shebao.counter.workstation.certificates.DocumentType;
import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.CentralRows;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.TestCentral;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The centre's views of the audit through the real service. F8's centre scope finds another window's openings of a
 * record for a supervisor (a clerk is refused at central) and shows each window's chain as central verified it. The
 * citizen's access statement lists another window's openings (shipped), a terminal's read and this window's own
 * opening (not shipped yet), nobody else's; the printed PDF names each by surname and staff number; offline it is
 * refused rather than printed without the other windows.
 */
class AccessStatementThroughServiceTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path tmp;

    @Test
    void theStatementListsEveryWindowsAndTerminalsViewsOfThatRecordOnly() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); TestCentral central = TestCentral.start(pg.dataSource(), tmp.resolve("pki"))) {
            CentralRows.seed(pg.dataSource(), new DemoDataGenerator.Settings(2026, 60, LocalDate.of(2026, 11, 1), 3, 60));
            URI url = URI.create(central.url());
            Clock clock = Clock.system(ZONE);
            try (Replica a = loaded(central, url, "WIN-A"); Replica b = loaded(central, url, "WIN-B")) {
                List<UUID> people = a.sessions().fromTransaction(s -> s.createSelectionQuery("select id from InsuredPerson order by id",
                        UUID.class).setMaxResults(2).getResultList());
                UUID citizen = people.get(0);
                UUID someoneElse = people.get(1);

                // Window B: wanglei opens the citizen's record twice and someone else's once; all shipped to central.
                Outbox outboxB = new Outbox(b.sessions(), clock, TimeOrderedIds.system());
                AuditLog auditB = new AuditLog(b.sessions(), clock, TimeOrderedIds.system(), "WIN-B").shipTo(outboxB);
                CitizenRecords recordsB = new CitizenRecords(b.sessions(), auditB, clock);
                StaffSession wanglei = DemoReplica.staff(b.sessions(), "wanglei");
                recordsB.open(wanglei, citizen, AccessPurpose.CARD_PRESENTED);
                recordsB.open(wanglei, citizen, AccessPurpose.TELEPHONE_ENQUIRY);
                recordsB.open(wanglei, someoneElse, AccessPurpose.CARD_PRESENTED);
                Pusher pusherB = new Pusher(outboxB, machines.get("WIN-B").at(url), "WIN-B");
                while (outboxB.pendingCount() > 0) {
                    assertThat(pusherB.push(100).acknowledged()).isPositive();
                }

                // The centre's view on F8 at window A: window B's openings of this record, for a supervisor central knows.
                ServiceCentreAudit centre = new ServiceCentreAudit(machines.get("WIN-A").at(url), () -> true, ZONE);
                StaffSession zhaomin = DemoReplica.staff(a.sessions(), "zhaomin");
                var page = centre.search(zhaomin.userId(), new cn.shebao.counter.workstation.audit.AuditFilter(null, null, citizen, null, null,
                        null, null, cn.shebao.counter.workstation.audit.AuditFilter.Outcome.ANY),
                        cn.shebao.counter.workstation.audit.AuditSort.TIME, true, 0, 100);
                assertThat(page.rows()).extracting(r -> r.workstationCode() + " " + r.action() + " " + r.purpose())
                        .containsExactly("WIN-B citizen.record.open CARD_PRESENTED", "WIN-B citizen.record.open TELEPHONE_ENQUIRY");
                assertThat(page.total()).isEqualTo(2);
                assertThatThrownBy(() -> centre.search(DemoReplica.staff(a.sessions(), "chenjing").userId(),
                        cn.shebao.counter.workstation.audit.AuditFilter.everything(), cn.shebao.counter.workstation.audit.AuditSort.TIME, false, 0, 10))
                        .isInstanceOfSatisfying(cn.shebao.counter.workstation.auditview.CentreAudit.Unavailable.class,
                                e -> assertThat(e.key()).isEqualTo("audit.centre.refused"));
                assertThat(centre.chains(zhaomin.userId())).filteredOn(c -> c.workstationCode().equals("WIN-B")).singleElement()
                        .satisfies(c -> {
                            assertThat(c.problemKind()).isNull();
                            assertThat(c.verified()).isEqualTo(c.received()).isGreaterThanOrEqualTo(3);
                        });

                // The unusual-access report over every window at central, its thresholds carried there: a hall never open.
                var neverOpen = new cn.shebao.counter.workstation.audit.UnusualAccess.Thresholds(1000, java.time.LocalTime.MIDNIGHT,
                        java.time.LocalTime.of(0, 1), java.util.EnumSet.noneOf(java.time.DayOfWeek.class), 100);
                assertThat(centre.unusual(zhaomin.userId(), java.time.Instant.now().minusSeconds(86_400), java.time.Instant.now().plusSeconds(60),
                        neverOpen)).extracting(f -> f.kind().name() + " " + f.workstationCode() + " " + f.staffName())
                        .containsOnly("OUTSIDE_HOURS WIN-B wanglei").hasSize(3);

                // A terminal: the citizen looks at their own record with their card.
                Object[] holder = a.sessions().fromTransaction(s -> s.createSelectionQuery("select citizenIdNumber, name from InsuredPerson"
                        + " where id = :p", Object[].class).setParameter("p", citizen).getSingleResult());
                String[] card = {(String) holder[0], (String) holder[1]};
                var kiosk = central.enrolled("KIOSK-01", MachineRegistry.Kind.KIOSK).at(url);
                kiosk.forTerminal(card[0], card[1], List.of("insured_person"));
                // The terminal's own access statement: the same viewings, the staff by surname and staff number only.
                List<Map<String, Object>> atTerminal = kiosk.accessHistoryForTerminal(card[0], card[1], java.time.Instant.now().minusSeconds(86_400));
                assertThat(atTerminal).extracting(r -> r.get("workstation_code") + " " + r.get("action_code") + " " + r.get("display_name")
                        + " " + r.get("username")).containsExactly("WIN-B citizen.record.open 王 wanglei", "WIN-B citizen.record.open 王 wanglei",
                        "KIOSK-01 terminal.record.read null null");
                assertThatThrownBy(() -> kiosk.accessHistoryForTerminal(card[0], card[1] + "某", java.time.Instant.now().minusSeconds(86_400)))
                        .isInstanceOfSatisfying(ServiceClient.ServiceRefusal.class, e -> assertThat(e.code()).isEqualTo("RECORD_NOT_FOUND"));

                // Window A: chenjing opens it (not shipped yet) and prints the statement.
                Outbox outboxA = new Outbox(a.sessions(), clock, TimeOrderedIds.system());
                AuditLog auditA = new AuditLog(a.sessions(), clock, TimeOrderedIds.system(), "WIN-A").shipTo(outboxA);
                CitizenRecords recordsA = new CitizenRecords(a.sessions(), auditA, clock);
                StaffSession chenjing = DemoReplica.staff(a.sessions(), "chenjing");
                CitizenRecords.Opened opened = recordsA.open(chenjing, citizen, AccessPurpose.WINDOW_WITH_ID);
                AtomicBoolean online = new AtomicBoolean(true);
                AccessStatements statements = new AccessStatements(a.sessions(),
                        new CentralAccessHistory(machines.get("WIN-A").at(url), online::get), clock, "WIN-A");

                List<AccessHistory.Access> listed = statements.lastTwelveMonths(opened.access());
                assertThat(listed).extracting(x -> x.workstationCode() + " " + x.action() + " " + x.purpose() + " " + x.staffNumber())
                        .containsExactly("WIN-B citizen.record.open CARD_PRESENTED wanglei", "WIN-B citizen.record.open TELEPHONE_ENQUIRY wanglei",
                                "KIOSK-01 terminal.record.read " + PersonRecords.SELF_SERVICE + " null",
                                "WIN-A citizen.record.open WINDOW_WITH_ID chenjing");
                assertThat(listed.get(0).staffName()).isEqualTo("王磊");
                assertThat(listed.get(3).staffName()).isEqualTo("陈静");

                DocumentRegister register = new DocumentRegister(a.sessions(), new ReportRenderer(), outboxA, auditA, clock,
                        TimeOrderedIds.system(), "WIN-A", () -> { });
                DocumentRegister.Issued issued = register.issue(opened.access(), DocumentType.ACCESS_STATEMENT,
                        stamp -> new AccessStatementContent(ZONE).statement(opened.profile(), listed, statements.periodStart(), stamp));
                String text = pdfText(issued.pdf());
                assertThat(text).contains("个人档案查阅记录告知单").contains("王（工号 wanglei）").contains("陈（工号 chenjing）")
                        .contains("自助终端 KIOSK-01").contains("电话咨询").contains("共 4 次").doesNotContain(card[0]);
                assertThat(fontsEmbedded(issued.pdf())).isTrue();

                // The statement itself is a printing: the next one lists it too.
                assertThat(statements.lastTwelveMonths(opened.access())).extracting(AccessHistory.Access::action).contains("document.issued");

                online.set(false);
                assertThatThrownBy(() -> statements.lastTwelveMonths(opened.access())).isInstanceOfSatisfying(AccessHistory.Unavailable.class,
                        e -> assertThat(e.key()).isEqualTo("accessStatement.error.offline"));
            }
            assertThat(recordReads(pg)).contains("WIN-A COUNTER " + PersonRecords.ACCESS_HISTORY);
        }
    }

    private final java.util.Map<String, TestCentral.Machine> machines = new java.util.HashMap<>();

    private Replica loaded(TestCentral central, URI url, String node) throws Exception {
        TestCentral.Machine machine = central.enrolled(node);
        machines.put(node, machine);
        Replica replica = Replica.open(new DataDirectory(tmp.resolve(node)), new KeyStoreKeyProtector(tmp.resolve(node + "-keys"),
                "access-test".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE));
        new InitialLoad(machine.at(url), replica.dataSource(), 1000).run(p -> { });
        return replica;
    }

    private static List<String> recordReads(TestPostgres pg) throws Exception {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT node_code, node_kind, tables_read FROM record_read ORDER BY read_at"); ResultSet rs = ps.executeQuery()) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
            return rows;
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    private static boolean fontsEmbedded(byte[] pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    if (!page.getResources().getFont(name).isEmbedded()) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
