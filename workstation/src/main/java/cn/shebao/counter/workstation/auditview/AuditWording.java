package cn.shebao.counter.workstation.auditview;

import cn.shebao.counter.workstation.audit.AuditFilter;
import cn.shebao.counter.workstation.audit.AuditQuery;
import cn.shebao.counter.workstation.ui.Formats;
import cn.shebao.counter.workstation.ui.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * How an audit event and a filter read in the user's language: one place, so the F8 table and the PDF extract of
 * the same events say the same words. A citizen appears by the record id's first characters only, as in the audit.
 */
public final class AuditWording {

    private final Texts texts;
    private final ZoneId zone;

    public AuditWording(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
    }

    public String time(Instant at) {
        return Formats.time(at, zone);
    }

    public String action(String code) {
        return texts.textOr("audit.action." + code, code);
    }

    public String subject(AuditQuery.Row r) {
        if (r.subjectType() == null) {
            return "";
        }
        String id = r.subjectId() == null ? "" : r.subjectId();
        return texts.textOr("audit.subject." + r.subjectType(), r.subjectType()) + " " + (id.length() > 8 ? id.substring(0, 8) + "…" : id);
    }

    public String purpose(AuditQuery.Row r) {
        return r.purpose() == null ? "" : texts.textOr("purpose." + r.purpose(), r.purpose());
    }

    public String outcome(AuditQuery.Row r) {
        return texts.text("audit.outcome." + r.outcome().name());
    }

    /**
     * The filter as a sentence for the top of an extract.
     *
     * @param maskedCitizen the citizen's ID number masked as the search showed it, or null
     * @param staffName the chosen staff member's name, or null
     */
    public String filter(AuditFilter f, AuditSearch.Scope scope, String maskedCitizen, String staffName) {
        List<String> parts = new ArrayList<>();
        parts.add(texts.text("audit.extract.scope", texts.text("audit.scope." + scope.name())));
        // Both ends as instants: "to" is exclusive (a typed last day is held as the start of the day after it).
        String from = f.from() == null ? texts.text("audit.extract.open") : time(f.from());
        String to = f.to() == null ? texts.text("audit.extract.open") : time(f.to());
        parts.add(texts.text("audit.extract.period", from, to));
        if (f.personId() != null) {
            parts.add(texts.text("audit.extract.citizen", maskedCitizen == null ? "—" : maskedCitizen));
        }
        if (f.actorId() != null) {
            parts.add(texts.text("audit.extract.staff", staffName == null ? "—" : staffName));
        }
        if (f.workstationCode() != null && !f.workstationCode().isBlank()) {
            parts.add(texts.text("audit.extract.workstation", f.workstationCode()));
        }
        if (f.actionPrefix() != null && !f.actionPrefix().isBlank()) {
            parts.add(texts.text("audit.extract.action", texts.textOr("audit.actionGroup." + f.actionPrefix(), f.actionPrefix())));
        }
        if (f.purpose() != null && !f.purpose().isBlank()) {
            parts.add(texts.text("audit.extract.purpose", texts.textOr("purpose." + f.purpose(), f.purpose())));
        }
        if (f.outcome() != null && f.outcome() != AuditFilter.Outcome.ANY) {
            parts.add(texts.text("audit.extract.outcome", texts.text("audit.outcome." + f.outcome().name())));
        }
        return String.join(texts.text("audit.extract.separator"), parts);
    }
}
