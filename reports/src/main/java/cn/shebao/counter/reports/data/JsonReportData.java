package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Report data read from JSON for the {@code render} command: {@code {"parameters": {...}, "rows": [{...}]}}.
 * Numbers become BigDecimal, which is what the templates' money fields expect.
 */
public record JsonReportData(ReportTemplate template, Map<String, Object> parameters, List<Map<String, ?>> rows)
        implements ReportData {

    public static JsonReportData parse(ReportTemplate template, String json) throws IOException {
        Map<String, Object> root = JSON.std.with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS).mapFrom(json);
        Object params = root.getOrDefault("parameters", Map.of());
        Object rows = root.getOrDefault("rows", List.of());
        if (!(params instanceof Map<?, ?> p) || !(rows instanceof List<?> r)) {
            throw new IOException("expected {\"parameters\": {...}, \"rows\": [...]}");
        }
        return new JsonReportData(template, numbers(p), r.stream().<Map<String, ?>>map(row -> {
            if (!(row instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("every row must be a JSON object");
            }
            return numbers(m);
        }).toList());
    }

    private static Map<String, Object> numbers(Map<?, ?> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Number n && !(v instanceof BigDecimal) ? new BigDecimal(n.toString()) : v));
        return out;
    }
}
