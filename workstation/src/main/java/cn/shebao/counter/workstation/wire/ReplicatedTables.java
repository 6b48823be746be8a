package cn.shebao.counter.workstation.wire;

import cn.shebao.counter.workstation.store.PersistenceUnit;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tables a pull may write: the domain entities' tables and nothing else. A table name read from the
 * change log is checked against this list before it goes into any SQL.
 */
public final class ReplicatedTables {

    /** In foreign-key order, which the initial load follows. Audit stays per workstation and is not replicated down. */
    public static final List<String> IN_ORDER = PersistenceUnit.ENTITIES.stream()
            .map(c -> c.getAnnotation(Table.class))
            .filter(t -> t != null && !t.name().equals("audit_chain_head") && !t.name().equals("audit_event"))
            .map(t -> t.name().toLowerCase(Locale.ROOT))
            .toList();
    private static final Set<String> NAMES = Set.copyOf(IN_ORDER);
    private static final java.util.Map<String, Class<?>> ENTITIES = PersistenceUnit.ENTITIES.stream()
            .filter(c -> c.getAnnotation(Table.class) != null && NAMES.contains(c.getAnnotation(Table.class).name().toLowerCase(Locale.ROOT)))
            .collect(java.util.stream.Collectors.toUnmodifiableMap(c -> c.getAnnotation(Table.class).name().toLowerCase(Locale.ROOT), c -> c));

    private ReplicatedTables() {
    }

    /** The entity class mapped to a replicated table; empty for any other name. */
    public static java.util.Optional<Class<?>> entityOf(String table) {
        return java.util.Optional.ofNullable(table == null ? null : ENTITIES.get(table.toLowerCase(Locale.ROOT)));
    }

    public static String checked(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("not a replicated table: " + table);
        }
        return name;
    }
}
