package cn.shebao.counter.workstation.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.reports.render.ReportRenderer;
import cn.shebao.counter.workstation.audit.AuditEvent;
import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.InsuranceType;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.command.OutboxCommand;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.DemoReplica;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issuing, reprinting and verifying documents against a real replica, with the PDFs read back. */
class DocumentRegisterTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path tmp;
    private static DemoReplica demo;
    private static SessionFactory sessions;
    private static CitizenRecords records;
    private static DocumentRegister register;
    private static final AtomicInteger queued = new AtomicInteger();
    private static final CertificateContent content = new CertificateContent(ZONE);

    @BeforeAll
    static void replica() {
        Clock clock = Clock.fixed(DemoReplica.AS_OF.atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
        demo = DemoReplica.generate(tmp, 120, clock);
        sessions = demo.replica().sessions();
        records = new CitizenRecords(sessions, demo.audit(), clock);
        register = new DocumentRegister(sessions, new ReportRenderer(), new Outbox(sessions, clock, TimeOrderedIds.system()),
                demo.audit(), clock, TimeOrderedIds.system(), "TEST-01", queued::incrementAndGet);
    }

    @AfterAll
    static void close() throws Exception {
        demo.close();
    }

    private static InsuredPerson contributor() {
        return sessions.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson p where p.status = "
                + "cn.shebao.counter.workstation.citizen.PersonStatus.CONTRIBUTING order by p.citizenIdNumber", InsuredPerson.class)
                .setMaxResults(1).getSingleResult());
    }

    @Test
    void aCertificateIsRegisteredQueuedAuditedAndItsPdfHoldsTheFiguresAndItsNumber() throws Exception {
        InsuredPerson p = contributor();
        CitizenRecords.Opened opened = records.open(DemoReplica.clerk(), p.getId(), AccessPurpose.CARD_PRESENTED);
        int before = queued.get();
        DocumentRegister.Issued issued = register.issue(opened.access(), DocumentType.PARTICIPATION_CERTIFICATE,
                stamp -> content.certificate(opened.profile(), opened.access().purpose(), stamp));

        assertThat(issued.stamp().number()).matches("CBZM20261101-TEST01-\\d{4}");
        assertThat(issued.stamp().verificationCode()).matches("[" + VerificationCodes.ALPHABET + "]{8}");
        String text = text(issued.pdf());
        assertThat(text).contains(p.getName()).contains(p.getCitizenIdNumber()) // the citizen is present with the card
                .contains(issued.stamp().number()).contains(issued.stamp().verificationCode())
                .contains(Integer.toString(opened.profile().monthsOf(InsuranceType.PENSION)))
                .contains("企业职工基本养老保险").contains("2026年11月1日");

        IssuedDocument row = sessions.fromTransaction(s -> s.find(IssuedDocument.class, issued.documentId()));
        assertThat(row.getContentHash()).isEqualTo(DocumentRegister.sha256(issued.pdf()));
        assertThat(row.getPersonId()).isEqualTo(p.getId());
        assertThat(row.getReprintOf()).isNull();
        OutboxCommand command = sessions.fromTransaction(s -> s.createSelectionQuery(
                "from OutboxCommand where subjectId = :id", OutboxCommand.class).setParameter("id", issued.documentId()).getSingleResult());
        assertThat(command.getCommandType()).isEqualTo(CommandType.DOCUMENT_ISSUED);
        assertThat(IssuedDocumentPayload.read(command.getPayload()).getDocumentNumber()).isEqualTo(issued.stamp().number());
        assertThat(queued.get()).isEqualTo(before + 1);
        List<AuditEvent> audit = sessions.fromTransaction(s -> s.createSelectionQuery(
                "from AuditEvent where actionCode = 'document.issued' and detail like :n", AuditEvent.class)
                .setParameter("n", "%" + issued.stamp().number()).getResultList());
        assertThat(audit).singleElement().satisfies(e -> assertThat(e.getPurpose()).isEqualTo("CARD_PRESENTED"));
    }

    /** Issue 18: a retiree's certificate says they retired, not "no employer (self-employed or suspended)". */
    @Test
    void aRetireesCertificateSaysWhenTheyRetired() throws Exception {
        InsuredPerson p = sessions.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson p where p.status = "
                + "cn.shebao.counter.workstation.citizen.PersonStatus.RETIRED and p.retiredOn is not null order by p.citizenIdNumber",
                InsuredPerson.class).setMaxResults(1).getSingleResult());
        CitizenRecords.Opened opened = records.open(DemoReplica.clerk(), p.getId(), AccessPurpose.CARD_PRESENTED);
        DocumentRegister.Issued issued = register.issue(opened.access(), DocumentType.PARTICIPATION_CERTIFICATE,
                stamp -> content.certificate(opened.profile(), opened.access().purpose(), stamp));
        String text = text(issued.pdf()).replaceAll("\\s", "");
        assertThat(text).contains("已于" + p.getRetiredOn().getYear() + "年").contains("退休").doesNotContain("灵活就业或暂停缴费");
    }

    @Test
    void aTelephoneEnquiryPrintsTheIdNumberMasked() throws Exception {
        InsuredPerson p = contributor();
        CitizenRecords.Opened opened = records.open(DemoReplica.clerk(), p.getId(), AccessPurpose.TELEPHONE_ENQUIRY);
        DocumentRegister.Issued issued = register.issue(opened.access(), DocumentType.PARTICIPATION_CERTIFICATE,
                stamp -> content.certificate(opened.profile(), opened.access().purpose(), stamp));
        assertThat(text(issued.pdf())).doesNotContain(p.getCitizenIdNumber())
                .contains(p.getCitizenIdNumber().substring(0, 6) + "********" + p.getCitizenIdNumber().substring(14));
    }

    @Test
    void theStatementHoldsTheYearsMonthsAndNumbersIncreasePerDay() throws Exception {
        InsuredPerson p = contributor();
        CitizenRecords.Opened opened = records.open(DemoReplica.clerk(), p.getId(), AccessPurpose.WINDOW_WITH_ID);
        var history = records.contributions(opened.access());
        DocumentRegister.Issued first = register.issue(opened.access(), DocumentType.RIGHTS_RECORD_STATEMENT,
                stamp -> content.statement(opened.profile(), history, 2025, stamp));
        DocumentRegister.Issued second = register.issue(opened.access(), DocumentType.RIGHTS_RECORD_STATEMENT,
                stamp -> content.statement(opened.profile(), history, 2025, stamp));
        int n1 = Integer.parseInt(first.stamp().number().substring(first.stamp().number().length() - 4));
        int n2 = Integer.parseInt(second.stamp().number().substring(second.stamp().number().length() - 4));
        assertThat(n2).isEqualTo(n1 + 1);
        String text = text(first.pdf());
        assertThat(text).contains("个人权益记录单（2025年度）").contains("2025年12月").contains(first.stamp().number());
        var december = history.lines().stream().filter(l -> l.month().equals(java.time.YearMonth.of(2025, 12))
                && l.type() == InsuranceType.PENSION).findFirst().orElseThrow();
        assertThat(text.replace(",", "")).contains(december.base().toPlainString());
        // Issue 18: the employer is the statement year's, not today's.
        List<String> employers2025 = history.lines().stream().filter(l -> l.month().getYear() == 2025)
                .map(l -> l.employerName() == null ? "灵活就业人员" : l.employerName()).distinct().toList();
        assertThat(employers2025).isNotEmpty();
        assertThat(text.replaceAll("\\s", "")).contains(employers2025.stream().map(e -> e.replaceAll("\\s", "")).toList());
    }

    @Test
    void aReprintIsRegisteredAsAReprintAndEveryDocumentVerifies() throws Exception {
        InsuredPerson p = contributor();
        CitizenRecords.Opened opened = records.open(DemoReplica.clerk(), p.getId(), AccessPurpose.WINDOW_WITH_ID);
        DocumentRegister.Issued original = register.issue(opened.access(), DocumentType.PARTICIPATION_CERTIFICATE,
                stamp -> content.certificate(opened.profile(), opened.access().purpose(), stamp));
        DocumentRegister.Issued reprint = register.reprint(opened.access(), original.documentId(),
                stamp -> content.certificate(opened.profile(), opened.access().purpose(), stamp));
        assertThat(reprint.stamp().number()).isNotEqualTo(original.stamp().number());
        assertThat(text(reprint.pdf())).contains("补打").contains(original.stamp().number());
        java.util.UUID reprintOf = sessions.fromTransaction(s -> s.find(IssuedDocument.class, reprint.documentId()).getReprintOf());
        assertThat(reprintOf).isEqualTo(original.documentId());
        assertThat(register.documentsOf(opened.access())).extracting(DocumentRegister.Entry::number)
                .contains(original.stamp().number(), reprint.stamp().number());

        DocumentVerification valid = register.verify(DemoReplica.clerk(), reprint.stamp().number().toLowerCase(),
                " " + reprint.stamp().verificationCode() + " ");
        assertThat(valid.outcome()).isEqualTo(DocumentVerification.Outcome.VALID);
        assertThat(valid.reprintOfNumber()).isEqualTo(original.stamp().number());
        assertThat(valid.name()).isEqualTo(p.getName());
        assertThat(valid.maskedIdNumber()).doesNotContain(p.getCitizenIdNumber().substring(6, 14));
        String wrong = original.stamp().verificationCode().charAt(0) == 'A' ? "B" : "A";
        assertThat(register.verify(DemoReplica.clerk(), original.stamp().number(), wrong + original.stamp().verificationCode().substring(1))
                .outcome()).isEqualTo(DocumentVerification.Outcome.WRONG_CODE);
        assertThat(register.verify(DemoReplica.clerk(), "CBZM19990101-X-0001", "ABCDEFGH").outcome())
                .isEqualTo(DocumentVerification.Outcome.UNKNOWN_NUMBER);
    }

    @Test
    void aReprintMustBelongToTheOpenRecord() {
        InsuredPerson p = contributor();
        CitizenRecords.Opened opened = records.open(DemoReplica.clerk(), p.getId(), AccessPurpose.WINDOW_WITH_ID);
        DocumentRegister.Issued original = register.issue(opened.access(), DocumentType.PARTICIPATION_CERTIFICATE,
                stamp -> content.certificate(opened.profile(), opened.access().purpose(), stamp));
        InsuredPerson other = sessions.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson where id <> :p",
                InsuredPerson.class).setParameter("p", p.getId()).setMaxResults(1).getSingleResult());
        CitizenRecords.Opened otherRecord = records.open(DemoReplica.clerk(), other.getId(), AccessPurpose.WINDOW_WITH_ID);
        assertThatThrownBy(() -> register.reprint(otherRecord.access(), original.documentId(),
                stamp -> content.certificate(otherRecord.profile(), AccessPurpose.WINDOW_WITH_ID, stamp)))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "document.error.notThisRecord");
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
