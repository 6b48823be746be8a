package cn.shebao.counter.workstation.bench;

import cn.shebao.counter.workstation.demo.DemoBatch;
import cn.shebao.counter.workstation.demo.DemoDataSink;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The benchmark's baseline: the same rows inserted with plain JDBC batches, one transaction per batch,
 * exactly like the application path, without Hibernate. Column values are read through cached
 * {@link Field}s; that costs nanoseconds per value against tens of microseconds per row in Derby.
 */
final class JdbcBatchSink implements DemoDataSink {

    private final DataSource dataSource;
    private final boolean uuidAsBytes;
    private final Map<Class<?>, Insert> inserts = new HashMap<>();

    JdbcBatchSink(DataSource dataSource, boolean uuidAsBytes) {
        this.dataSource = dataSource;
        this.uuidAsBytes = uuidAsBytes;
    }

    private record Insert(String sql, List<Field> fields) {
    }

    @Override
    public void write(DemoBatch batch) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (Map.Entry<Class<?>, List<Object>> e : batch.rowsByType().entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                Insert insert = inserts.computeIfAbsent(e.getKey(), JdbcBatchSink::insertFor);
                try (PreparedStatement ps = c.prepareStatement(insert.sql())) {
                    int pending = 0;
                    for (Object row : e.getValue()) {
                        for (int i = 0; i < insert.fields().size(); i++) {
                            ps.setObject(i + 1, jdbcValue(insert.fields().get(i).get(row)));
                        }
                        ps.addBatch();
                        if (++pending == 500) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        ps.executeBatch();
                    }
                }
            }
            c.commit();
        } catch (SQLException | IllegalAccessException e) {
            throw new IllegalStateException("raw JDBC insert failed", e);
        }
    }

    private static Insert insertFor(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    fields.add(f);
                }
            }
        }
        String columns = fields.stream().map(f -> snake(f.getName())).collect(Collectors.joining(", "));
        String marks = fields.stream().map(f -> "?").collect(Collectors.joining(", "));
        return new Insert("INSERT INTO " + type.getAnnotation(Table.class).name() + " (" + columns + ") VALUES (" + marks + ")", fields);
    }

    private Object jdbcValue(Object v) {
        if (v instanceof UUID u) {
            return uuidAsBytes ? ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array() : u;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof YearMonth m) {
            return m.getYear() * 100 + m.getMonthValue();
        }
        if (v instanceof LocalDate d) {
            return Date.valueOf(d);
        }
        if (v instanceof Instant i) {
            return Timestamp.from(i);
        }
        if (v instanceof Collection<?> roles) {
            return roles.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
        }
        return v;
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
