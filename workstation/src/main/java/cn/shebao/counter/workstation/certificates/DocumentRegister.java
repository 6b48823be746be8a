package cn.shebao.counter.workstation.certificates;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.reports.data.ReportData;
import cn.shebao.counter.reports.render.ReportException;
import cn.shebao.counter.reports.render.ReportRenderer;
import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.RecordAccess;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.Outbox;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import net.sf.jasperreports.engine.JasperPrint;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The issued-documents register: every certificate or statement handed to a citizen gets a number, a
 * verification code and the SHA-256 of its PDF, registered with an outbox command (so central learns of it)
 * and an audit row in one local transaction. A reprint is registered as a reprint of the original.
 */
public final class DocumentRegister {

    /** A registered document, rendered: print {@code print} or save {@code pdf}, whose hash was registered. */
    public record Issued(UUID documentId, DocumentType type, DocumentStamp stamp, JasperPrint print, byte[] pdf) {
    }

    /** One row of a citizen's documents list. */
    public record Entry(UUID documentId, DocumentType type, String number, Instant issuedAt, String workstationCode,
            boolean reprint) {
    }

    private final SessionFactory sessions;
    private final ReportRenderer renderer;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final String workstationCode;
    private final VerificationCodes codes;
    private final Runnable commandQueued;

    public DocumentRegister(SessionFactory sessions, ReportRenderer renderer, Outbox outbox, AuditLog audit, Clock clock,
            TimeOrderedIds ids, String workstationCode, Runnable commandQueued) {
        this.sessions = sessions;
        this.renderer = renderer;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.workstationCode = workstationCode;
        this.codes = new VerificationCodes(new SecureRandom());
        this.commandQueued = commandQueued;
    }

    /**
     * Registers and renders a new document for the opened record.
     *
     * @param content builds the document's data around its stamp (number and code go into the text and QR code)
     */
    public Issued issue(RecordAccess access, DocumentType type, Function<DocumentStamp, ReportData> content) {
        return register(access, type, null, content);
    }

    /** Registers a reprint of an earlier document of the same record, rendered from today's data. */
    public Issued reprint(RecordAccess access, UUID originalId, Function<DocumentStamp, ReportData> content) {
        IssuedDocument original = sessions.fromTransaction(s -> s.find(IssuedDocument.class, originalId));
        if (original == null || !original.getPersonId().equals(access.personId())) {
            throw new LocalizedException("document.error.notThisRecord");
        }
        return register(access, original.getDocumentType(), original, content);
    }

    public List<Entry> documentsOf(RecordAccess access) {
        return sessions.fromTransaction(s -> s.createSelectionQuery(
                "from IssuedDocument where personId = :p order by issuedAt desc", IssuedDocument.class)
                .setParameter("p", access.personId()).getResultList()).stream()
                .map(d -> new Entry(d.getId(), d.getDocumentType(), d.getDocumentNumber(), d.getIssuedAt(),
                        d.getWorkstationCode(), d.getReprintOf() != null))
                .toList();
    }

    /** Checks a document a citizen or another office presents; the check itself is audited. */
    public DocumentVerification verify(StaffSession staff, String number, String code) {
        staff.require(StaffRole.CLERK, StaffRole.SUPERVISOR);
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return sessions.fromTransaction(s -> {
            IssuedDocument d = s.createSelectionQuery("from IssuedDocument where documentNumber = :n", IssuedDocument.class)
                    .setParameter("n", n).uniqueResult();
            DocumentVerification answer;
            if (d == null) {
                answer = DocumentVerification.refused(DocumentVerification.Outcome.UNKNOWN_NUMBER);
            } else if (!MessageDigest.isEqual(d.getVerificationCode().getBytes(StandardCharsets.US_ASCII),
                    c.getBytes(StandardCharsets.US_ASCII))) {
                answer = DocumentVerification.refused(DocumentVerification.Outcome.WRONG_CODE);
            } else {
                InsuredPerson p = s.find(InsuredPerson.class, d.getPersonId());
                String reprintOf = d.getReprintOf() == null ? null : s.find(IssuedDocument.class, d.getReprintOf()).getDocumentNumber();
                answer = new DocumentVerification(DocumentVerification.Outcome.VALID, d.getDocumentType(),
                        CitizenIdNumber.mask(p.getCitizenIdNumber()), p.getName(), d.getIssuedAt(), d.getWorkstationCode(), reprintOf);
            }
            audit.append(s, new AuditEntry(staff.userId(), staff.username(), "document.verified", "IssuedDocument",
                    d == null ? null : d.getId().toString(), null, answer.outcome().name()));
            return answer;
        });
    }

    private Issued register(RecordAccess access, DocumentType type, IssuedDocument original,
            Function<DocumentStamp, ReportData> content) {
        access.staff().require(StaffRole.CLERK, StaffRole.SUPERVISOR);
        Issued issued = sessions.fromTransaction(s -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String stem = DocumentNumbers.stem(type, LocalDate.now(clock), workstationCode);
            DocumentStamp stamp = new DocumentStamp(DocumentNumbers.number(stem, lastCounter(s, stem) + 1), codes.next(), now,
                    original == null ? null : original.getDocumentNumber());
            JasperPrint print;
            byte[] pdf;
            try {
                print = renderer.render(content.apply(stamp));
                pdf = renderer.pdf(print);
            } catch (ReportException e) {
                // Unchecked for the transaction callback; the views translate the ReportException found as the cause.
                throw new IllegalStateException(e);
            }
            UUID id;
            synchronized (ids) {
                id = ids.next();
            }
            IssuedDocument d = new IssuedDocument(id);
            d.setDocumentNumber(stamp.number());
            d.setDocumentType(type);
            d.setPersonId(access.personId());
            d.setVerificationCode(stamp.verificationCode());
            d.setContentHash(sha256(pdf));
            d.setIssuedBy(access.staff().userId());
            d.setIssuedAt(now);
            d.setWorkstationCode(workstationCode);
            d.setReprintOf(original == null ? null : original.getId());
            s.persist(d);
            s.flush();
            outbox.append(s, CommandType.DOCUMENT_ISSUED, IssuedDocumentPayload.write(d), "issued_document", id,
                    access.staff().userId(), access.staff().username());
            audit.append(s, new AuditEntry(access.staff().userId(), access.staff().username(),
                    original == null ? "document.issued" : "document.reprinted", "InsuredPerson", access.personId().toString(),
                    access.purpose().name(), type.name() + " " + stamp.number()));
            return new Issued(id, type, stamp, print, pdf);
        });
        commandQueued.run();
        return issued;
    }

    private static int lastCounter(Session s, String stem) {
        String last = s.createSelectionQuery("select max(documentNumber) from IssuedDocument where documentNumber like :stem",
                String.class).setParameter("stem", stem + "%").getSingleResult();
        return last == null ? 0 : Integer.parseInt(last.substring(stem.length()));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
