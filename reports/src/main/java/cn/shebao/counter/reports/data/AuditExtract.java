package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
import java.util.List;
import java.util.Map;

/**
 * 审计记录摘录: a filtered range of the audit for a supervisor or an inspector, on landscape pages with the filter it
 * was taken with at the top and the row count and chain head at the end. Citizens appear by record id only, as in the
 * audit itself.
 */
public record AuditExtract(String centreName, String title, String filterBlock, String columnSequence, String columnTime,
        String columnWorkstation, String columnStaff, String columnAction, String columnSubject, String columnPurpose,
        String columnOutcome, List<Event> events, String summaryBlock, String pageLabel, String issuedLine) implements ReportData {

    /** One audit event as the extract shows it: every value already formatted and translated. */
    public record Event(String sequence, String time, String workstation, String staff, String action, String subject,
            String purpose, String outcome) {
    }

    public AuditExtract {
        events = List.copyOf(events);
    }

    @Override
    public ReportTemplate template() {
        return ReportTemplate.AUDIT_EXTRACT;
    }

    @Override
    public List<Map<String, ?>> rows() {
        return events.stream().<Map<String, ?>>map(e -> Map.of("sequence", e.sequence(), "time", e.time(),
                "workstation", e.workstation(), "staff", e.staff(), "action", e.action(), "subject", e.subject(),
                "purpose", e.purpose(), "outcome", e.outcome())).toList();
    }
}
