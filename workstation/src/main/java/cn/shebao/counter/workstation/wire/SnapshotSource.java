package cn.shebao.counter.workstation.wire;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Central's tables for an initial load, in keyset pages (stateless, so any service instance can serve the
 * next page and a cut load resumes where it stopped). Consistency comes from the change sequence read first:
 * replaying the log from it is idempotent by row version (see the workstation's InitialLoad).
 */
public interface SnapshotSource {

    /** The change-log sequence at this moment; pulls after the load continue from it. */
    long snapshotSequence();

    long count(String table);

    /** Rows of {@code table} with ids after {@code afterId} (null: from the start), in id order. */
    List<Map<String, Object>> page(String table, UUID afterId, int limit);
}
