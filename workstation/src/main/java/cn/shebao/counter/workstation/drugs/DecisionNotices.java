package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.reports.data.DrugDecisionNotice;
import cn.shebao.counter.workstation.certificates.DocumentStamp;
import cn.shebao.counter.workstation.citizen.CitizenProfile;
import cn.shebao.counter.workstation.i18n.Messages;
import cn.shebao.counter.workstation.ui.Formats;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The decision notice of an approved or rejected application; in Chinese, like every official document. */
public final class DecisionNotices {

    private static final Locale DOCUMENT = Locale.SIMPLIFIED_CHINESE;

    private final ZoneId zone;

    public DecisionNotices(ZoneId zone) {
        this.zone = zone;
    }

    public DrugDecisionNotice notice(CitizenProfile person, DrugApplications.Line line, String decidedByName, DocumentStamp stamp) {
        SpecialDrugApplication a = line.application();
        DateTimeFormatter date = DateTimeFormatter.ofPattern(t("document.datePattern"), DOCUMENT);
        boolean approved = a.getStatus() == ApplicationStatus.APPROVED;
        String reason = approved ? t("notice.reasonApproved")
                : t("notice.reasonRejected", a.getRejectionCode() == null ? "" : t("rejection." + a.getRejectionCode()),
                        a.getDecisionReason() == null ? "" : a.getDecisionReason());
        String validity = approved ? t("notice.validity", date.format(a.getApprovedFrom()), date.format(a.getApprovedTo()),
                Formats.money(a.getApprovedLimit())) : "";
        return new DrugDecisionNotice(t("document.centreName"), t("notice.title"),
                stamp.reprint() ? t("document.numberReprint", stamp.number(), stamp.reprintOfNumber()) : t("document.number", stamp.number()),
                t("notice.applicant", person.name(), CitizenIdNumber.mask(person.citizenIdNumber())),
                t("notice.request", line.drugName(), line.specification(), a.getDiagnosisCode(), a.getHospitalName(),
                        a.getPrescribingDoctor()),
                t(approved ? "notice.approved" : "notice.rejected"), reason, validity, t("notice.remedy"),
                t("notice.decided", decidedByName, date.format(LocalDate.ofInstant(a.getDecidedAt(), zone))),
                t("document.verificationLine", stamp.verificationCode()), t("notice.seal"), stamp.qrText());
    }

    private static String t(String key, Object... args) {
        return Messages.format(DOCUMENT, key, args);
    }
}
