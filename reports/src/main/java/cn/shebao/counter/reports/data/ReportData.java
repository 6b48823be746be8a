package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
import java.util.List;
import java.util.Map;

/**
 * What a template is filled with: parameters for the single values and rows for the repeating part.
 * Every text arrives already translated and formatted by the caller, so templates hold no language.
 */
public interface ReportData {

    ReportTemplate template();

    Map<String, Object> parameters();

    /** Detail rows, each a map from field name to value; empty for documents without a table. */
    default List<Map<String, ?>> rows() {
        return List.of();
    }
}
