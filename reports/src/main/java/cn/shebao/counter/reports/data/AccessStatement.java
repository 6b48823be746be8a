package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
import java.util.List;
import java.util.Map;

/**
 * 个人档案查阅记录告知单: when the citizen's record was viewed or printed in the period, where, by whom (surname and
 * staff number) and for what purpose, so the citizen can see that it was used only for its purpose.
 */
public record AccessStatement(String centreName, String title, String personBlock, String columnTime, String columnPlace,
        String columnStaff, String columnPurpose, String columnAction, List<Access> accesses, String summaryBlock,
        String pageLabel, String issuedLine) implements ReportData {

    /** One viewing or printing of the record. */
    public record Access(String time, String place, String staff, String purpose, String action) {
    }

    public AccessStatement {
        accesses = List.copyOf(accesses);
    }

    @Override
    public ReportTemplate template() {
        return ReportTemplate.ACCESS_STATEMENT;
    }

    @Override
    public List<Map<String, ?>> rows() {
        return accesses.stream().<Map<String, ?>>map(a -> Map.of("time", a.time(), "place", a.place(), "staff", a.staff(),
                "purpose", a.purpose(), "action", a.action())).toList();
    }
}
