package cn.shebao.counter.workstation.wire;

import cn.shebao.counter.workstation.store.SqlFlavour;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The two column types that differ between Derby and PostgreSQL, converted to one form for the wire. */
public final class RowValues {

    private RowValues() {
    }

    /** A value read from either database in the form both sides share: UUIDs as UUID, timestamps as Timestamp. */
    public static Object normalise(Object value) {
        if (value instanceof byte[] b && b.length == 16) {
            return toUuid(b);
        }
        if (value instanceof OffsetDateTime t) {
            return Timestamp.from(t.toInstant());
        }
        return value;
    }

    public static Object uuidFor(SqlFlavour flavour, UUID id) {
        if (flavour == SqlFlavour.DERBY) {
            return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
        }
        return id;
    }

    public static UUID toUuid(Object value) {
        if (value instanceof UUID u) {
            return u;
        }
        ByteBuffer b = ByteBuffer.wrap((byte[]) value);
        return new UUID(b.getLong(), b.getLong());
    }
}
