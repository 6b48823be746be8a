package cn.shebao.counter.workstation.schema;

import jakarta.persistence.Table;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tables a pull may write: the shared domain entities' tables except the audit's, and nothing else. A table
 * name read from the change log is checked against this list before it goes into any SQL. Derived from
 * {@link DomainSchema}, so a new entity is replicated without naming its table twice.
 */
public final class ReplicatedTables {

    private static final Map<String, Class<?>> ENTITIES = DomainSchema.SHARED.stream()
            .filter(c -> !DomainSchema.NOT_REPLICATED.contains(c))
            .collect(Collectors.toUnmodifiableMap(ReplicatedTables::tableOf, c -> c));

    /** In foreign-key order, which the initial load follows. */
    public static final List<String> IN_ORDER = DomainSchema.SHARED.stream()
            .filter(c -> !DomainSchema.NOT_REPLICATED.contains(c))
            .map(ReplicatedTables::tableOf)
            .toList();
    private static final Set<String> NAMES = Set.copyOf(IN_ORDER);

    private ReplicatedTables() {
    }

    private static String tableOf(Class<?> entity) {
        Table table = entity.getAnnotation(Table.class);
        if (table == null) {
            throw new IllegalStateException(entity.getSimpleName() + " names no table");
        }
        return table.name().toLowerCase(Locale.ROOT);
    }

    /** The entity class mapped to a replicated table; empty for any other name. */
    public static Optional<Class<?>> entityOf(String table) {
        return Optional.ofNullable(table == null ? null : ENTITIES.get(table.toLowerCase(Locale.ROOT)));
    }

    public static String checked(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("not a replicated table: " + table);
        }
        return name;
    }
}
