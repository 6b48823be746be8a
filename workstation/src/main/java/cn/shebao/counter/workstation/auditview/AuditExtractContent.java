package cn.shebao.counter.workstation.auditview;

import cn.shebao.counter.reports.data.AuditExtract;
import cn.shebao.counter.workstation.audit.AuditQuery;
import cn.shebao.counter.workstation.ui.Texts;
import java.time.Instant;
import java.util.List;

/** The PDF extract of a filtered range of the audit, in the words of the F8 table (one {@link AuditWording}). */
public final class AuditExtractContent {

    private final Texts texts;
    private final AuditWording words;

    public AuditExtractContent(Texts texts, AuditWording words) {
        this.texts = texts;
        this.words = words;
    }

    /**
     * @param filterWords the filter as {@link AuditWording#filter} put it
     * @param chainHead this window's chain head at the export ("sequence hash"), or null for the centre's view
     */
    public AuditExtract extract(List<AuditQuery.Row> rows, String filterWords, String chainHead, String exportedBy, Instant at) {
        List<AuditExtract.Event> events = rows.stream().map(r -> new AuditExtract.Event(Long.toString(r.sequence()), words.time(r.occurredAt()),
                nonNull(r.workstationCode()), nonNull(r.actorName()), words.action(r.action()), words.subject(r), words.purpose(r),
                words.outcome(r))).toList();
        String head = chainHead == null ? texts.text("audit.extract.noHead") : texts.text("audit.extract.head", chainHead);
        return new AuditExtract(texts.text("document.centreName"), texts.text("audit.extract.title"), filterWords,
                texts.text("audit.column.sequence"), texts.text("audit.column.time"), texts.text("audit.column.workstation"),
                texts.text("audit.column.staff"), texts.text("audit.column.action"), texts.text("audit.column.subject"),
                texts.text("audit.column.purpose"), texts.text("audit.column.outcome"), events,
                texts.text("audit.extract.summary", events.size()) + " " + head, texts.text("audit.extract.page"),
                texts.text("audit.extract.issued", words.time(at), exportedBy));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
