package cn.shebao.counter.workstation.certificates;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.reports.data.ParticipationCertificate;
import cn.shebao.counter.reports.data.RightsRecordStatement;
import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.citizen.CitizenProfile;
import cn.shebao.counter.workstation.citizen.ContributionHistory;
import cn.shebao.counter.workstation.citizen.InsuranceType;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.ui.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds the certificate and the statement from an opened record. Official documents are always in Chinese,
 * whatever language the clerk's screen uses; their texts still come from the bundle, never from code.
 */
public final class CertificateContent {

    private static final Locale DOCUMENT = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(t("document.datePattern"), DOCUMENT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern(t("document.monthPattern"), DOCUMENT);

    private final ZoneId zone;

    public CertificateContent(ZoneId zone) {
        this.zone = zone;
    }

    /** The full ID number is printed only for a citizen present with their card or ID; otherwise it is masked. */
    public ParticipationCertificate certificate(CitizenProfile p, AccessPurpose purpose, DocumentStamp stamp) {
        boolean full = purpose == AccessPurpose.CARD_PRESENTED || purpose == AccessPurpose.WINDOW_WITH_ID;
        List<ParticipationCertificate.Line> lines = p.participations().stream()
                .sorted(Comparator.comparing(CitizenProfile.Participation::type))
                .map(pp -> new ParticipationCertificate.Line(t("insurance." + pp.type().name()),
                        t("participation." + pp.status().name()), DATE.format(pp.firstInsuredOn()), Integer.toString(pp.months())))
                .toList();
        return new ParticipationCertificate(t("document.centreName"), t("document.certificate.title"), numberLine(stamp),
                new ParticipationCertificate.Person(t("document.label.name"), p.name(), t("document.label.idNumber"),
                        p.citizenIdNumber(), t("document.label.gender"), t("gender." + p.gender().name()),
                        t("document.label.birthDate"), DATE.format(p.birthDate())),
                full, t("document.certificate.introduction"),
                employerLine(p),
                t("document.certificate.columnType"), t("document.certificate.columnStatus"),
                t("document.certificate.columnFirstInsured"), t("document.certificate.columnMonths"), lines,
                t("document.certificate.statement"), issuedLine(stamp),
                t("document.verificationLine", stamp.verificationCode()), t("document.certificate.seal"), stamp.qrText());
    }

    /** The rights-record statement of one calendar year: every month by insurance type, and the account summary. */
    public RightsRecordStatement statement(CitizenProfile p, ContributionHistory history, int year, DocumentStamp stamp) {
        List<RightsRecordStatement.Month> months = history.lines().stream()
                .filter(l -> l.month().getYear() == year)
                .sorted(Comparator.comparing(ContributionHistory.Line::type).thenComparing(ContributionHistory.Line::month))
                .map(l -> new RightsRecordStatement.Month(t("insurance." + l.type().name()), MONTH.format(l.month()), l.base(),
                        l.employerAmount(), l.personalAmount(), t("contribution." + l.status().name())))
                .toList();
        BigDecimal arrears = history.lines().stream().filter(l -> l.month().getYear() == year && l.arrears())
                .map(l -> l.employerAmount().add(l.personalAmount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        int pensionMonths = p.monthsOf(InsuranceType.PENSION);
        BigDecimal balance = p.participations().stream().filter(pp -> pp.type() == InsuranceType.PENSION)
                .map(CitizenProfile.Participation::personalAccountBalance).filter(Objects::nonNull)
                .findFirst().orElse(BigDecimal.ZERO);
        String person = t("document.statement.person", p.name(), CitizenIdNumber.mask(p.citizenIdNumber()), employersIn(history, year));
        String summary = t("document.statement.summary", pensionMonths / 12, pensionMonths % 12, Formats.money(balance), Formats.money(arrears))
                + "\n" + numberLine(stamp) + "  " + t("document.verificationLine", stamp.verificationCode());
        return new RightsRecordStatement(t("document.centreName"), t("document.statement.title", Integer.toString(year)), person,
                t("document.statement.columnMonth"), t("document.statement.columnBase"), t("document.statement.columnEmployer"),
                t("document.statement.columnPersonal"), t("document.statement.columnStatus"), months,
                t("document.statement.subtotal"), summary, t("document.statement.page"), issuedLine(stamp), stamp.qrText());
    }

    /**
     * The certificate's employer line: the current employer; for a retiree the retirement (a retiree has no employer,
     * and "none (self-employed or suspended)" read as if their insurance had lapsed).
     */
    private static String employerLine(CitizenProfile p) {
        if (p.employerName() != null) {
            return t("document.certificate.employer", p.employerName());
        }
        if (p.retiredOn() != null) {
            return t("document.certificate.retired", DATE.format(p.retiredOn()));
        }
        return t("document.certificate.noEmployer");
    }

    /**
     * The employers the statement's year was paid by, in the order they first appear (a statement of 2025 names 2025's
     * employer, not today's); months without an employer are flexible employment.
     */
    private static String employersIn(ContributionHistory history, int year) {
        List<String> names = history.lines().stream().filter(l -> l.month().getYear() == year)
                .sorted(Comparator.comparing(ContributionHistory.Line::month))
                .map(l -> l.employerName() == null ? t("document.statement.flexible") : l.employerName())
                .distinct().toList();
        return names.isEmpty() ? t("document.statement.noEmployer") : String.join(t("document.statement.employerSeparator"), names);
    }

    static String numberLine(DocumentStamp stamp) {
        return stamp.reprint() ? t("document.numberReprint", stamp.number(), stamp.reprintOfNumber())
                : t("document.number", stamp.number());
    }

    private String issuedLine(DocumentStamp stamp) {
        return DATE.format(LocalDate.ofInstant(stamp.issuedAt(), zone));
    }


    static String t(String key, Object... args) {
        return Messages.format(DOCUMENT, key, args);
    }
}
