package cn.shebao.counter.workstation.certificates;

import static cn.shebao.counter.workstation.certificates.CertificateContent.t;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.reports.data.AccessStatement;
import cn.shebao.counter.workstation.audit.StaffSurname;
import cn.shebao.counter.workstation.auditview.AccessHistory;
import cn.shebao.counter.workstation.citizen.CitizenProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The citizen's access statement: each opening and printing of the record with its time, place, the staff member as
 * surname and staff number (the citizen may ask about them; their full name is not the citizen's business), and the
 * purpose. In Chinese, like every official document; the ID number masked.
 */
public final class AccessStatementContent {

    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final DateTimeFormatter date;

    public AccessStatementContent(ZoneId zone) {
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        this.date = DateTimeFormatter.ofPattern(t("document.datePattern"), Locale.SIMPLIFIED_CHINESE);
    }

    public AccessStatement statement(CitizenProfile p, List<AccessHistory.Access> accesses, Instant since, DocumentStamp stamp) {
        List<AccessStatement.Access> rows = accesses.stream().map(a -> new AccessStatement.Access(time.format(a.at()), place(a),
                staff(a), purpose(a), action(a))).toList();
        String person = t("accessStatement.person", p.name(), CitizenIdNumber.mask(p.citizenIdNumber()),
                date.format(LocalDate.ofInstant(since, zone)), date.format(LocalDate.ofInstant(stamp.issuedAt(), zone)));
        String summary = rows.isEmpty() ? t("accessStatement.none") : t("accessStatement.summary", rows.size());
        return new AccessStatement(t("document.centreName"), t("accessStatement.title"), person, t("accessStatement.columnTime"),
                t("accessStatement.columnPlace"), t("accessStatement.columnStaff"), t("accessStatement.columnPurpose"),
                t("accessStatement.columnAction"), rows, summary + "\n" + CertificateContent.numberLine(stamp) + "  "
                        + t("document.verificationLine", stamp.verificationCode()),
                t("document.statement.page"), date.format(LocalDate.ofInstant(stamp.issuedAt(), zone)));
    }

    private static boolean terminal(AccessHistory.Access a) {
        return a.sequence() < 0;
    }

    private static String place(AccessHistory.Access a) {
        String where = a.site() == null ? "" : a.site() + " ";
        return where + t(terminal(a) ? "accessStatement.terminal" : "accessStatement.window", a.workstationCode());
    }

    private static String staff(AccessHistory.Access a) {
        if (terminal(a)) {
            return t("accessStatement.self");
        }
        return t("accessStatement.staff", surname(a.staffName()), a.staffNumber() == null ? "—" : a.staffNumber());
    }

    static String surname(String name) {
        return StaffSurname.of(name);
    }

    private static String purpose(AccessHistory.Access a) {
        if (terminal(a)) {
            return t("accessStatement.selfService");
        }
        return a.purpose() == null ? "—" : t("purpose." + a.purpose());
    }

    private static String action(AccessHistory.Access a) {
        return switch (a.action()) {
            case "citizen.record.open" -> t("accessStatement.action.open");
            case "document.issued", "document.reprinted" -> t("accessStatement.action." + a.action().substring("document.".length()),
                    documentName(a.detail()));
            default -> t("accessStatement.action.terminal");
        };
    }

    /** The document's kind from the audit detail, which starts with it ("PARTICIPATION_CERTIFICATE CBZM…"). */
    private static String documentName(String detail) {
        String type = detail == null ? "" : detail.split(" ", 2)[0];
        try {
            return t("document." + DocumentType.valueOf(type).name());
        } catch (IllegalArgumentException unknown) {
            return t("accessStatement.document");
        }
    }
}
