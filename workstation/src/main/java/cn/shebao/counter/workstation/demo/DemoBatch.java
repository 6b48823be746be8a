package cn.shebao.counter.workstation.demo;

import cn.shebao.counter.workstation.citizen.ArchivedContribution;
import cn.shebao.counter.workstation.schema.DomainSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Rows generated for a slice of persons, grouped by entity type in foreign-key order, so a writer can
 * insert one table after another and keep every JDBC batch full.
 */
public final class DemoBatch {

    private final Map<Class<?>, List<Object>> rowsByType = new LinkedHashMap<>();
    private int persons;

    DemoBatch() {
        for (Class<?> type : DomainSchema.SHARED) {
            rowsByType.put(type, new ArrayList<>());
        }
        // Central's archive of older months comes last (it refers to persons and employers); only central sinks get rows of it.
        rowsByType.put(ArchivedContribution.class, new ArrayList<>());
    }

    void add(Object row) {
        List<Object> rows = rowsByType.get(row.getClass());
        if (rows == null) {
            throw new IllegalArgumentException("not an entity: " + row.getClass());
        }
        rows.add(row);
    }

    /** The rows {@code keep} accepts, for sinks that write a subset (the record benchmark's large replica). */
    public DemoBatch filtered(Predicate<Object> keep) {
        DemoBatch kept = new DemoBatch();
        rowsByType.forEach((type, rows) -> rows.stream().filter(keep).forEach(kept::add));
        kept.persons = persons;
        return kept;
    }

    void countPerson() {
        persons++;
    }

    /** Rows per type, in insertion (foreign-key) order; types without rows are included, empty. */
    public Map<Class<?>, List<Object>> rowsByType() {
        return rowsByType;
    }

    public int persons() {
        return persons;
    }

    public int rowCount() {
        return rowsByType.values().stream().mapToInt(List::size).sum();
    }

    boolean isEmpty() {
        return rowCount() == 0;
    }
}
