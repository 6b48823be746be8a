package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** 个人权益记录单 for a year: monthly base and amounts per insurance type, subtotals, and the account summary. */
public record RightsRecordStatement(String centreName, String title, String personBlock, String columnMonth,
        String columnBase, String columnEmployer, String columnPersonal, String columnStatus, List<Month> months,
        String subtotalLabel, String summaryBlock, String pageLabel, String issuedLine, String qrText) implements ReportData {

    /** One month of one insurance type; rows must arrive grouped by insurance type. */
    public record Month(String insuranceType, String month, BigDecimal base, BigDecimal employerAmount,
            BigDecimal personalAmount, String status) {
    }

    public RightsRecordStatement {
        months = List.copyOf(months);
    }

    @Override
    public ReportTemplate template() {
        return ReportTemplate.RIGHTS_RECORD_STATEMENT;
    }

    @Override
    public List<Map<String, ?>> rows() {
        return months.stream().<Map<String, ?>>map(m -> Map.of("insuranceType", m.insuranceType(), "month", m.month(),
                "base", m.base(), "employerAmount", m.employerAmount(), "personalAmount", m.personalAmount(),
                "status", m.status())).toList();
    }
}
