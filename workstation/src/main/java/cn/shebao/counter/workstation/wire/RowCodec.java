package cn.shebao.counter.workstation.wire;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rows of a replicated table as JSON: the column names once, then each row as a list of typed texts
 * ({@code "l:42"}, {@code "t:2026-12-01T08:00:00Z"}, {@code "u:…"}). JSON alone cannot tell a UUID from a
 * string or an INTEGER from a BIGINT, and the replica must get back exactly the JDBC values central read,
 * row versions verbatim, so every value carries its type.
 */
public final class RowCodec {

    private RowCodec() {
    }

    /** Rows that share their columns (one table) to {@code {"columns": [...], "rows": [[...], ...]}}. */
    public static Map<String, Object> encode(List<Map<String, Object>> rows) {
        List<String> columns = rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).keySet());
        List<List<String>> values = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            List<String> encoded = new ArrayList<>(columns.size());
            for (String c : columns) {
                encoded.add(encodeValue(row.get(c)));
            }
            values.add(encoded);
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("columns", columns);
        table.put("rows", values);
        return table;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> decode(Map<String, Object> table) {
        List<String> columns = (List<String>) table.get("columns");
        List<List<String>> values = (List<List<String>>) table.get("rows");
        List<Map<String, Object>> rows = new ArrayList<>(values.size());
        for (List<String> encoded : values) {
            if (encoded.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + encoded.size() + " values for " + columns.size() + " columns");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), decodeValue(encoded.get(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    static String encodeValue(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return "s:" + s;
        }
        if (v instanceof Integer i) {
            return "i:" + i;
        }
        if (v instanceof Long l) {
            return "l:" + l;
        }
        if (v instanceof Short h) {
            return "h:" + h;
        }
        if (v instanceof BigDecimal n) {
            return "n:" + n.toPlainString();
        }
        if (v instanceof Double d) {
            return "d:" + d;
        }
        if (v instanceof Boolean b) {
            return "b:" + b;
        }
        if (v instanceof Timestamp t) {
            return "t:" + t.toInstant();
        }
        if (v instanceof Date d) {
            return "D:" + d.toLocalDate();
        }
        if (v instanceof Time t) {
            return "T:" + t.toLocalTime();
        }
        if (v instanceof UUID u) {
            return "u:" + u;
        }
        if (v instanceof byte[] b) {
            return "x:" + Base64.getEncoder().encodeToString(b);
        }
        throw new IllegalArgumentException("no wire type for " + v.getClass().getName());
    }

    static Object decodeValue(String s) {
        if (s == null) {
            return null;
        }
        if (s.length() < 2 || s.charAt(1) != ':') {
            throw new IllegalArgumentException("not a typed value");
        }
        String text = s.substring(2);
        return switch (s.charAt(0)) {
            case 's' -> text;
            case 'i' -> Integer.valueOf(text);
            case 'l' -> Long.valueOf(text);
            case 'h' -> Short.valueOf(text);
            case 'n' -> new BigDecimal(text);
            case 'd' -> Double.valueOf(text);
            case 'b' -> Boolean.valueOf(text);
            case 't' -> Timestamp.from(Instant.parse(text));
            case 'D' -> Date.valueOf(LocalDate.parse(text));
            case 'T' -> Time.valueOf(LocalTime.parse(text));
            case 'u' -> UUID.fromString(text);
            case 'x' -> Base64.getDecoder().decode(text);
            default -> throw new IllegalArgumentException("unknown wire type " + s.charAt(0));
        };
    }
}
