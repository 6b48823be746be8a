package cn.shebao.counter.workstation.auditview;

import cn.shebao.counter.workstation.audit.AuditFilter;
import cn.shebao.counter.workstation.audit.AuditSort;
import cn.shebao.counter.workstation.audit.AuditQuery;
import cn.shebao.counter.workstation.audit.AuditOutcomes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.audit.AuditVerifier;
import cn.shebao.counter.workstation.audit.GeneratedAudit;
import cn.shebao.counter.workstation.security.AccessDeniedException;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.testing.DemoReplica;
import cn.shebao.counter.workstation.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import cn.shebao.counter.reports.render.ReportRenderer;
import cn.shebao.counter.workstation.ui.Texts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit screen's search over a generated audit of 100,000 events: each filter and sort gives exactly what the
 * generated events say it must (worked out here from the events themselves), page after page; clerks are refused;
 * every search is audited without the typed ID number; an export's manifest matches its file.
 */
class AuditSearchTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    /** After the last generated event (100,000 x 30 s) and before the searches this test makes (audited at its clock, December). */
    private static final Instant END = START.plus(Duration.ofDays(40));
    @TempDir
    static Path tmp;
    private static DemoReplica demo;
    private static SessionFactory sessions;
    private static List<GeneratedAudit.Event> events;
    private static AuditSearch search;
    private static StaffSession supervisor;
    private static List<UUID> people;

    @BeforeAll
    static void generatedAudit() {
        demo = DemoReplica.generate(tmp.resolve("replica"), 200, new MutableClock(Instant.parse("2026-12-01T00:00:00Z"), java.time.ZoneId.of("Asia/Shanghai")));
        sessions = demo.replica().sessions();
        supervisor = DemoReplica.staff(sessions, "zhaomin");
        List<Object[]> staff = sessions.fromTransaction(s -> s.createSelectionQuery("select id, username from StaffUser order by username",
                Object[].class).getResultList());
        people = sessions.fromTransaction(s -> s.createSelectionQuery("select id from InsuredPerson order by id", UUID.class)
                .setMaxResults(40).getResultList());
        events = GeneratedAudit.append(sessions, 100_000, 2026, staff.stream().map(r -> (UUID) r[0]).toList(),
                staff.stream().map(r -> (String) r[1]).toList(), people, START, Duration.ofSeconds(30));
        search = new AuditSearch(sessions, demo.audit());
    }

    @AfterAll
    static void close() throws Exception {
        demo.close();
    }

    @Test
    void eachFilterFindsExactlyTheEventsItNames() {
        UUID person = people.get(7);
        GeneratedAudit.Event someone = events.get(500);
        Instant from = START.plus(Duration.ofDays(3));
        Instant to = START.plus(Duration.ofDays(9));
        assertFinds(new AuditFilter(null, null, person, null, null, null, null, AuditFilter.Outcome.ANY),
                e -> person.toString().equals(e.subjectId()));
        assertFinds(new AuditFilter(from, to, null, someone.actorId(), null, null, null, AuditFilter.Outcome.ANY),
                e -> e.actorId().equals(someone.actorId()) && !e.at().isBefore(from) && e.at().isBefore(to));
        assertFinds(new AuditFilter(null, null, null, null, "WIN-02", "citizen.record", "TELEPHONE_ENQUIRY", AuditFilter.Outcome.ANY),
                e -> e.workstation().equals("WIN-02") && e.action().startsWith("citizen.record") && "TELEPHONE_ENQUIRY".equals(e.purpose()));
        assertFinds(new AuditFilter(from, null, null, null, null, null, null, AuditFilter.Outcome.REFUSED),
                e -> !e.at().isBefore(from) && (e.action().equals("login.wrongPassword") || e.action().equals("identity.manual.refused")));
        assertFinds(new AuditFilter(null, to, null, null, null, "login", null, AuditFilter.Outcome.SUCCEEDED),
                e -> e.at().isBefore(to) && e.action().equals("login.success"));
    }

    @Test
    void everyColumnSortsAndPagesFollowOnWithoutGapsOrRepeats() {
        AuditFilter wideRange = new AuditFilter(START, START.plus(Duration.ofDays(2)), null, null, null, null, null, AuditFilter.Outcome.ANY);
        List<GeneratedAudit.Event> inRange = events.stream().filter(e -> e.at().isBefore(START.plus(Duration.ofDays(2)))).toList();
        Map<AuditSort, Comparator<GeneratedAudit.Event>> orders = Map.of(
                AuditSort.STAFF, Comparator.comparing(GeneratedAudit.Event::actorName),
                AuditSort.ACTION, Comparator.comparing(GeneratedAudit.Event::action),
                AuditSort.WORKSTATION, Comparator.comparing(GeneratedAudit.Event::workstation),
                AuditSort.TIME, Comparator.comparing(GeneratedAudit.Event::at),
                AuditSort.OUTCOME, Comparator.comparing(e -> AuditOutcomes.of(e.action()) == AuditFilter.Outcome.REFUSED ? 1 : 0));
        orders.forEach((sort, order) -> {
            for (boolean ascending : new boolean[] {true, false}) {
                Comparator<GeneratedAudit.Event> expected = ascending ? order.thenComparing(GeneratedAudit.Event::sequence)
                        : order.thenComparing(GeneratedAudit.Event::sequence).reversed();
                List<Long> wanted = inRange.stream().sorted(expected).map(GeneratedAudit.Event::sequence).limit(300).toList();
                List<Long> got = new java.util.ArrayList<>();
                for (int offset = 0; offset < 300; offset += 100) {
                    AuditQuery.Page page = search.search(supervisor, wideRange, sort, ascending, offset, 100);
                    assertThat(page.total()).isEqualTo(inRange.size());
                    page.rows().forEach(r -> got.add(r.sequence()));
                }
                assertThat(got).as("%s %s", sort, ascending ? "ascending" : "descending").isEqualTo(wanted);
            }
        });
    }

    @Test
    void theScreensVerificationReportsProgressAndNamesAnEditedEvent() {
        long edited = events.get(54_321).sequence();
        sessions.inTransaction(s -> s.createNativeQuery("UPDATE audit_event SET detail = 'changed later' WHERE sequence_number = ?1")
                .setParameter(1, edited).executeUpdate());
        List<Long> progress = new java.util.ArrayList<>();
        AuditVerifier verifier = new AuditVerifier(sessions);
        var result = verifier.verify(progress::add);
        assertThat(result.problems()).extracting(p -> p.kind().name() + " " + p.sequenceNumber()).containsExactly("EDITED " + edited);
        assertThat(progress).hasSizeGreaterThanOrEqualTo(100).isSorted();
        assertThat(progress.get(progress.size() - 1)).isLessThanOrEqualTo(verifier.headSequence()).isGreaterThanOrEqualTo(100_000);
        sessions.inTransaction(s -> s.createNativeQuery("UPDATE audit_event SET detail = ?1 WHERE sequence_number = ?2")
                .setParameter(1, "generated 54321").setParameter(2, edited).executeUpdate());
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void clerksAreRefusedAndEverySearchIsItselfAuditedWithoutTheNumber() throws Exception {
        assertThatThrownBy(() -> search.search(DemoReplica.staff(sessions, "chenjing"), AuditFilter.everything(), AuditSort.TIME, false, 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        String idNumber = sessions.fromTransaction(s -> s.createSelectionQuery("select citizenIdNumber from InsuredPerson where id = :p",
                String.class).setParameter("p", people.get(3)).getSingleResult());
        AuditSearch.Subject subject = search.citizen(supervisor, idNumber).orElseThrow();
        assertThat(subject.personId()).isEqualTo(people.get(3));
        assertThat(subject.maskedIdNumber()).doesNotContain(idNumber.substring(6, 14));
        search.search(supervisor, new AuditFilter(null, null, subject.personId(), null, null, null, null, AuditFilter.Outcome.ANY),
                AuditSort.TIME, false, 0, 10);
        AuditQuery.Row last = search.search(supervisor, new AuditFilter(null, null, null, null, null, AuditSearch.ACTION_SEARCH, null,
                AuditFilter.Outcome.ANY), AuditSort.SEQUENCE, false, 0, 1).rows().get(0);
        // The newest search event is the one before this very search (which is audited after it has read).
        assertThat(last.action()).isEqualTo(AuditSearch.ACTION_SEARCH);
        assertThat(last.actorName()).isEqualTo("zhaomin");
        assertThat(last.subjectId()).isEqualTo(people.get(3).toString());
        assertThat(last.detail()).contains("citizen").doesNotContain(idNumber);
    }

    @Test
    void anExportHoldsEveryMatchingEventAndItsManifestMatchesTheFile() throws Exception {
        AuditFilter filter = new AuditFilter(null, END, people.get(11), null, null, null, null, AuditFilter.Outcome.ANY);
        long expected = events.stream().filter(e -> people.get(11).toString().equals(e.subjectId())).count();
        AuditVerifier verifier = new AuditVerifier(sessions);
        String head = verifier.headDescription();
        AuditExport export = new AuditExport(search, demo.audit(), verifier::headDescription, new ReportRenderer(), java.time.Clock.systemUTC());
        AuditExport.Written written = export.csv(supervisor, filter, AuditSort.TIME, true, tmp.resolve("export.csv"));
        List<String> lines = Files.readAllLines(written.file());
        assertThat(lines).hasSize(1 + (int) expected);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).contains(people.get(11).toString()));
        assertThat(written.rows()).isEqualTo(expected);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(written.file())));
        Map<String, Object> manifest = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(Files.readString(written.manifest()));
        assertThat(manifest.get("sha256")).isEqualTo(sha).isEqualTo(written.sha256());
        assertThat(((Number) manifest.get("rows")).longValue()).isEqualTo(expected);
        assertThat(manifest.get("chainHead")).isEqualTo(head);
        assertThat(Files.exists(tmp.resolve("export.csv.part"))).isFalse();
        // The export is audited with its digest.
        AuditQuery.Row audited = search.search(supervisor, new AuditFilter(null, null, null, null, null, AuditExport.ACTION_EXPORT, null,
                AuditFilter.Outcome.ANY), AuditSort.SEQUENCE, false, 0, 1).rows().get(0);
        assertThat(audited.detail()).startsWith("CSV").contains(sha).contains("rows=" + expected);
    }

    @Test
    void aPdfExtractListsExactlyTheFilteredEventsInTheTablesWordsWithItsManifest() throws Exception {
        UUID person = people.get(13);
        Instant from = START.plus(Duration.ofDays(2));
        Instant to = START.plus(Duration.ofDays(6));
        AuditFilter filter = new AuditFilter(from, to, person, null, null, null, null, AuditFilter.Outcome.ANY);
        List<GeneratedAudit.Event> expected = events.stream()
                .filter(e -> person.toString().equals(e.subjectId()) && !e.at().isBefore(from) && e.at().isBefore(to)).toList();
        assertThat(expected).isNotEmpty();
        AuditVerifier verifier = new AuditVerifier(sessions);
        AuditExport export = new AuditExport(search, demo.audit(), verifier::headDescription, new ReportRenderer(), java.time.Clock.systemUTC());
        Texts texts = new Texts(java.util.Locale.SIMPLIFIED_CHINESE);
        AuditWording words = new AuditWording(texts, java.time.ZoneId.of("Asia/Shanghai"));
        String filterWords = words.filter(filter, AuditSearch.Scope.WINDOW, "330106********1234", null);
        String head = verifier.headDescription();
        AuditExport.Written written = export.pdf(supervisor, AuditSearch.Scope.WINDOW, filter, AuditSort.SEQUENCE, true,
                new AuditExtractContent(texts, words), filterWords, tmp.resolve("extract.pdf"));

        assertThat(written.rows()).isEqualTo(expected.size());
        String text;
        try (PDDocument pdf = Loader.loadPDF(written.file().toFile())) {
            text = new PDFTextStripper().getText(pdf);
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
                }
            }
        }
        assertThat(text).contains("审计记录摘录", "范围：本窗口", "参保人身份证号：330106********1234", "共 " + expected.size() + " 条。",
                head);
        // Every event of the range by its sequence, in the table's words, and nothing from outside it.
        List<String> numbers = java.util.Arrays.stream(text.split("\\s+")).filter(w -> w.matches("\\d{1,6}")).toList();
        for (GeneratedAudit.Event e : expected) {
            assertThat(numbers).contains(Long.toString(e.sequence()));
        }
        events.stream().filter(e -> person.toString().equals(e.subjectId()) && (e.at().isBefore(from) || !e.at().isBefore(to)))
                .limit(50).forEach(e -> assertThat(numbers).doesNotContain(Long.toString(e.sequence())));
        assertThat(text).contains(words.action(expected.get(0).action()));
        assertThat(text).doesNotContain(person.toString()); // the record id only shortened, as in the table

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(written.file())));
        Map<String, Object> manifest = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(Files.readString(written.manifest()));
        assertThat(manifest.get("sha256")).isEqualTo(sha);
        assertThat(manifest.get("format")).isEqualTo("PDF");
        assertThat(((Number) manifest.get("rows")).longValue()).isEqualTo(expected.size());
    }

    @Test
    void aRangeTooLargeForPaperIsRefusedBeforeAnythingIsWritten() {
        AuditVerifier verifier = new AuditVerifier(sessions);
        AuditExport export = new AuditExport(search, demo.audit(), verifier::headDescription, new ReportRenderer(), java.time.Clock.systemUTC());
        Texts texts = new Texts(java.util.Locale.SIMPLIFIED_CHINESE);
        AuditWording words = new AuditWording(texts, java.time.ZoneId.of("Asia/Shanghai"));
        AuditFilter everything = new AuditFilter(null, END, null, null, null, null, null, AuditFilter.Outcome.ANY);
        Path file = tmp.resolve("everything.pdf");
        assertThatThrownBy(() -> export.pdf(supervisor, AuditSearch.Scope.WINDOW, everything, AuditSort.TIME, true,
                new AuditExtractContent(texts, words), "", file))
                .isInstanceOfSatisfying(cn.shebao.counter.workstation.i18n.LocalizedException.class, e -> {
                    assertThat(e.key()).isEqualTo("audit.error.pdfTooLarge");
                    assertThat(texts.describe(e)).contains("CSV").contains(Integer.toString(AuditExport.MAX_PDF_ROWS).substring(0, 1));
                });
        assertThat(file).doesNotExist();
        assertThat(tmp.resolve("everything.pdf.part")).doesNotExist();
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsSaidInWordsAndLeavesNoPartialFile() {
        AuditVerifier verifier = new AuditVerifier(sessions);
        AuditExport export = new AuditExport(search, demo.audit(), verifier::headDescription, new ReportRenderer(), java.time.Clock.systemUTC());
        Path missing = tmp.resolve("no-such-directory").resolve("export.csv");
        AuditFilter filter = new AuditFilter(null, END, people.get(2), null, null, null, null, AuditFilter.Outcome.ANY);
        assertThatThrownBy(() -> export.csv(supervisor, filter, AuditSort.TIME, true, missing))
                .isInstanceOfSatisfying(cn.shebao.counter.workstation.i18n.LocalizedException.class,
                        e -> assertThat(e.key()).isEqualTo("audit.error.cannotWrite"));
        assertThat(missing.getParent()).doesNotExist();
    }

    private static void assertFinds(AuditFilter asked, Predicate<GeneratedAudit.Event> matches) {
        AuditFilter filter = new AuditFilter(asked.from(), asked.to() == null ? END : asked.to(), asked.personId(), asked.actorId(),
                asked.workstationCode(), asked.actionPrefix(), asked.purpose(), asked.outcome());
        List<Long> expected = events.stream().filter(matches).map(GeneratedAudit.Event::sequence).sorted(Comparator.reverseOrder()).toList();
        assertThat(expected).as("the generated audit has events for this filter").isNotEmpty();
        AuditQuery.Page first = search.search(supervisor, filter, AuditSort.SEQUENCE, false, 0, AuditSearch.MAX_PAGE);
        assertThat(first.total()).isEqualTo(expected.size());
        assertThat(first.rows()).extracting(AuditQuery.Row::sequence).isEqualTo(expected.subList(0, Math.min(expected.size(), AuditSearch.MAX_PAGE)));
    }
}
