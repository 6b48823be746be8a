package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.schema.ReplicatedTables;
import cn.shebao.counter.workstation.store.ImportStreams;
import cn.shebao.counter.workstation.store.SqlFlavour;
import cn.shebao.counter.workstation.wire.RowValues;
import cn.shebao.counter.workstation.wire.SnapshotSource;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a new replica from central: every replicated table in foreign-key order, in keyset pages, each page
 * committed locally together with its progress, so a crash or a cut connection resumes where it stopped.
 *
 * <p>Consistency: the first attempt records central's change-log sequence before it reads any page, and the
 * pull cursor starts there. Each page is its own request (any service instance can answer it), so pages may be
 * newer than that sequence; replaying the log from it is idempotent by row version and deletes what was
 * removed meanwhile, so the replica converges on central without one snapshot lasting the whole load. A child
 * row created during the load may arrive before its parent: it is left out and comes with the replay.
 */
public final class InitialLoad {

    private static final Logger LOG = LoggerFactory.getLogger(InitialLoad.class);
    /** Pages are fetched on a thread of their own while the previous one is written (both load paths). */
    static final Executor FETCH = command -> {
        Thread t = new Thread(command, "initial-load-fetch");
        t.setDaemon(true);
        t.start();
    };
    /**
     * Rows per page asked of the central service. Measured: 1,000-row pages loaded 26,400 rows/s, 5,000-row pages
     * 19,000 (the import waits on one long page where it could parse a short one while the next is fetched).
     */
    public static final int SERVICE_PAGE = 1000;

    /** Progress for a progress bar: rows copied so far out of the table's rows. */
    public record Progress(String table, long copied, long total) {
    }

    private final SnapshotSource central;
    private final DataSource replica;
    private final RowCopier copier;
    private final SqlFlavour replicaFlavour;
    private final int pageSize;

    public InitialLoad(SnapshotSource central, DataSource replica, int pageSize) {
        this.central = central;
        this.replica = replica;
        this.replicaFlavour = SqlFlavour.of(replica);
        this.copier = new RowCopier(replicaFlavour);
        this.pageSize = pageSize;
    }

    /** Runs (or resumes) the load; returns the change-log sequence pulls continue from. */
    public long run(Consumer<Progress> progress) throws SQLException {
        try (Connection local = replica.getConnection()) {
            local.setAutoCommit(false);
            long snapshot = snapshotSequence(local);
            for (String table : ReplicatedTables.IN_ORDER) {
                copyTable(local, table, progress);
            }
            try (PreparedStatement ps = local.prepareStatement(
                    "UPDATE sync_state SET pull_cursor = ? WHERE id = 1 AND pull_cursor < ?")) {
                ps.setLong(1, snapshot);
                ps.setLong(2, snapshot);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = local.prepareStatement("UPDATE initial_load SET completed = TRUE WHERE id = 1")) {
                ps.executeUpdate();
            }
            local.commit();
            return snapshot;
        }
    }

    public static boolean completed(DataSource replica) throws SQLException {
        try (Connection c = replica.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT completed FROM initial_load WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private long snapshotSequence(Connection local) throws SQLException {
        try (PreparedStatement ps = local.prepareStatement("SELECT snapshot_sequence FROM initial_load WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long recorded = rs.getLong(1);
            if (!rs.wasNull()) {
                return recorded; // resuming: replay from the first attempt's snapshot
            }
        }
        long sequence = central.snapshotSequence();
        try (PreparedStatement ps = local.prepareStatement("UPDATE initial_load SET snapshot_sequence = ? WHERE id = 1")) {
            ps.setLong(1, sequence);
            ps.executeUpdate();
        }
        local.commit();
        return sequence;
    }

    private void copyTable(Connection local, String table, Consumer<Progress> progress) throws SQLException {
        UUID lastId = null;
        long copied = 0;
        try (PreparedStatement ps = local.prepareStatement("SELECT last_id, copied, done FROM initial_load_table WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (rs.getBoolean(3)) {
                        return;
                    }
                    Object id = rs.getObject(1);
                    lastId = id == null ? null : RowValues.toUuid(id);
                    copied = rs.getLong(2);
                } else {
                    try (PreparedStatement insert = local.prepareStatement(
                            "INSERT INTO initial_load_table (table_name, copied, done) VALUES (?, 0, FALSE)")) {
                        insert.setString(1, table);
                        insert.executeUpdate();
                    }
                    local.commit();
                }
            }
        }
        long total = central.count(table);
        if (lastId == null && copied == 0 && replicaFlavour == SqlFlavour.DERBY && empty(local, table)) {
            bulkCopy(local, table, total, progress);
            return;
        }
        // The next page is fetched while this one is written: the service's read and the replica's encrypted insert
        // run on different cores instead of waiting for each other.
        PageFetcher fetcher = new PageFetcher(central, table, pageSize);
        CompletableFuture<List<Map<String, Object>>> next = fetcher.after(lastId);
        while (true) {
            List<Map<String, Object>> rows = PageFetcher.await(next);
            boolean last = rows.size() < pageSize;
            if (!last) {
                next = fetcher.after(RowValues.toUuid(rows.get(rows.size() - 1).get("id")));
            }
            if (!rows.isEmpty()) {
                copier.insertBatch(local, table, rows);
                lastId = RowValues.toUuid(rows.get(rows.size() - 1).get("id"));
                copied += rows.size();
            }
            try (PreparedStatement ps = local.prepareStatement(
                    "UPDATE initial_load_table SET last_id = ?, copied = ?, done = ? WHERE table_name = ?")) {
                if (lastId == null) {
                    ps.setNull(1, replicaFlavour == SqlFlavour.DERBY ? Types.BINARY : Types.OTHER);
                } else {
                    ps.setObject(1, RowValues.uuidFor(replicaFlavour, lastId));
                }
                ps.setLong(2, copied);
                ps.setBoolean(3, last);
                ps.setString(4, table);
                ps.executeUpdate();
            }
            local.commit(); // the page and its progress together
            progress.accept(new Progress(table, copied, total));
            if (last) {
                return;
            }
        }
    }

    /**
     * Copies a whole table into the empty replica table with Derby's bulk import: an unlogged insert whose indexes
     * are built by sorting afterwards, a few times faster than batched inserts (see docs/benchmarks.md). The rows
     * stream from central's pages through memory ({@link ImportStreams}), never a file. The import is one statement:
     * cut halfway, it rolls back whole and the resumed load starts this table again (the tables before it stay).
     */
    private void bulkCopy(Connection local, String table, long total, Consumer<Progress> progress) throws SQLException {
        List<Map<String, Object>> first = central.page(table, null, pageSize);
        long copied = 0;
        if (!first.isEmpty()) {
            List<String> columns = new ArrayList<>(first.get(0).keySet());
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            AtomicInteger opens = new AtomicInteger();
            AtomicLong read = new AtomicLong();
            // Derby opens the source three times (columns, types, then the rows); the first two read a line or so of
            // the cached first page. Progress is what the furthest reader has reached, so it only ever goes forward.
            try (ImportStreams.Registration source = ImportStreams.register(() -> {
                opens.incrementAndGet();
                return new SnapshotCsv(central, table, pageSize, columns, first, n -> {
                    if (read.getAndAccumulate(n, Math::max) < n) {
                        progress.accept(new Progress(table, n, total));
                    }
                }, failure);
            }); CallableStatement call = local.prepareCall(
                    "CALL SYSCS_UTIL.SYSCS_IMPORT_DATA_BULK(NULL, ?, ?, NULL, ?, ',', '\"', 'UTF-8', 0, 0)")) {
                call.setString(1, table.toUpperCase(Locale.ROOT));
                call.setString(2, columns.stream().map(c -> c.toUpperCase(Locale.ROOT)).collect(Collectors.joining(",")));
                call.setString(3, source.url());
                call.execute();
            } catch (SQLException e) {
                local.rollback();
                if (failure.get() != null) {
                    throw failure.get(); // central's error as it was thrown: a cut connection stays transient
                }
                throw e;
            }
            copied = read.get();
            LOG.info("Initial load: {} rows of {} by bulk import (the source opened {} times)", copied, table, opens.get());
        }
        try (PreparedStatement ps = local.prepareStatement("UPDATE initial_load_table SET copied = ?, done = TRUE WHERE table_name = ?")) {
            ps.setLong(1, copied);
            ps.setString(2, table);
            ps.executeUpdate();
        }
        local.commit();
        if (first.isEmpty()) {
            progress.accept(new Progress(table, 0, total));
        }
    }

    private static boolean empty(Connection local, String table) throws SQLException {
        try (PreparedStatement ps = local.prepareStatement("SELECT 1 FROM " + ReplicatedTables.checked(table) + " FETCH FIRST 1 ROWS ONLY");
                ResultSet rs = ps.executeQuery()) {
            return !rs.next();
        }
    }

    /** Fetches pages on a thread of its own (one page ahead at most, so memory stays at two pages). */
    private static final class PageFetcher {

        private final SnapshotSource central;
        private final String table;
        private final int pageSize;

        PageFetcher(SnapshotSource central, String table, int pageSize) {
            this.central = central;
            this.table = table;
            this.pageSize = pageSize;
        }

        CompletableFuture<List<Map<String, Object>>> after(UUID lastId) {
            return CompletableFuture.supplyAsync(() -> central.page(table, lastId, pageSize), FETCH);
        }

        /** The page, or the failure that fetching it met, as it was thrown (a cut connection stays transient). */
        static List<Map<String, Object>> await(CompletableFuture<List<Map<String, Object>>> page) {
            try {
                return page.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
    }
}
