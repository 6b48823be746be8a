package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a template is filled with: parameters for the single values and rows for the repeating part.
 * Every text arrives already translated and formatted by the caller, so templates hold no language.
 */
public interface ReportData {

    ReportTemplate template();

    /**
     * The template's parameters. By default every text, number or flag component of a record, under its own
     * name, so a template parameter and the record component that fills it can never drift apart.
     */
    default Map<String, Object> parameters() {
        if (!getClass().isRecord()) {
            throw new IllegalStateException(getClass() + " must override parameters()");
        }
        Map<String, Object> p = new HashMap<>();
        for (RecordComponent c : getClass().getRecordComponents()) {
            Class<?> type = c.getType();
            if (type == String.class || Number.class.isAssignableFrom(type) || type == boolean.class) {
                try {
                    p.put(c.getName(), c.getAccessor().invoke(this));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName(), e);
                }
            }
        }
        return p;
    }

    /** Detail rows, each a map from field name to value; empty for documents without a table. */
    default List<Map<String, ?>> rows() {
        return List.of();
    }
}
