package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A year of monthly pension payments with the adjustments that changed them. */
public record PensionStatement(String centreName, String title, String personBlock, String columnMonth, String columnBasic,
        String columnAccount, String columnTransitional, String columnTotal, String columnPaidOn, List<Payment> payments,
        String totalLabel, String adjustmentsBlock, String issuedLine) implements ReportData {

    /** One month's payment. */
    public record Payment(String month, BigDecimal basic, BigDecimal account, BigDecimal transitional, BigDecimal total,
            String paidOn) {
    }

    public PensionStatement {
        payments = List.copyOf(payments);
    }

    @Override
    public ReportTemplate template() {
        return ReportTemplate.PENSION_STATEMENT;
    }

    @Override
    public List<Map<String, ?>> rows() {
        return payments.stream().<Map<String, ?>>map(x -> Map.of("month", x.month(), "basic", x.basic(), "account", x.account(),
                "transitional", x.transitional(), "total", x.total(), "paidOn", x.paidOn())).toList();
    }
}
