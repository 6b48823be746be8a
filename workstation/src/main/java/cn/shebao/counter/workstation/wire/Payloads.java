package cn.shebao.counter.workstation.wire;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * JSON for command payloads: flat maps of strings, so a payload reads the same on any central version.
 * Field names are the contract with central; a later payload version adds fields, never renames them.
 */
public final class Payloads {

    private Payloads() {
    }

    public static String write(Map<String, ?> fields) {
        try {
            return JSON.std.asString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> read(String json) {
        try {
            return JSON.std.mapFrom(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("a command payload is not JSON", e);
        }
    }

    public static UUID uuid(Map<String, Object> m, String field) {
        Object v = m.get(field);
        return v == null ? null : UUID.fromString((String) v);
    }

    public static Instant instant(Map<String, Object> m, String field) {
        Object v = m.get(field);
        return v == null ? null : Instant.parse((String) v);
    }

    public static String string(Map<String, Object> m, String field) {
        Object v = m.get(field);
        return v == null ? null : v.toString();
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
