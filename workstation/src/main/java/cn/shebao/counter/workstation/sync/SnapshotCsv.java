package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.wire.RowValues;
import cn.shebao.counter.workstation.wire.SnapshotSource;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * A snapshot table as the delimited text Derby's import reads, produced page by page from central as the import
 * reads it (the next page fetched while this one is read), in memory only. Values are written the way Derby's import
 * parses them: text quoted with quotes doubled, NULL as an empty unquoted field, binary (UUIDs) as hexadecimal,
 * timestamps and dates in JDBC escape form.
 */
final class SnapshotCsv extends InputStream {

    private final SnapshotSource central;
    private final String table;
    private final int pageSize;
    private final List<String> columns;
    private final LongConsumer rowsRead;
    private final AtomicReference<RuntimeException> failure;
    private ByteBuffer current = ByteBuffer.allocate(0);
    private CompletableFuture<List<Map<String, Object>>> next;
    private boolean last;
    private long rows;

    /**
     * @param first the table's first page, already fetched (it named the columns)
     * @param failure where a failed page fetch is kept, so the caller sees central's error and not Derby's wrapping
     */
    SnapshotCsv(SnapshotSource central, String table, int pageSize, List<String> columns, List<Map<String, Object>> first,
            LongConsumer rowsRead, AtomicReference<RuntimeException> failure) {
        this.central = central;
        this.table = table;
        this.pageSize = pageSize;
        this.columns = columns;
        this.rowsRead = rowsRead;
        this.failure = failure;
        this.next = CompletableFuture.completedFuture(first);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (!current.hasRemaining()) {
            if (next == null) {
                return -1;
            }
            current = ByteBuffer.wrap(nextPage());
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @Override
    public void close() {
        next = null;
    }

    private byte[] nextPage() throws IOException {
        List<Map<String, Object>> page;
        try {
            page = next.join();
        } catch (CompletionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
            failure.compareAndSet(null, cause);
            throw new IOException("a snapshot page could not be fetched", cause);
        }
        last = page.size() < pageSize;
        if (last) {
            next = null;
        } else {
            UUID after = RowValues.toUuid(page.get(page.size() - 1).get("id"));
            next = CompletableFuture.supplyAsync(() -> central.page(table, after, pageSize), InitialLoad.FETCH);
        }
        StringBuilder text = new StringBuilder(page.size() * 200);
        for (Map<String, Object> row : page) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                value(text, row.get(columns.get(i)));
            }
            text.append('\n');
        }
        rows += page.size();
        try {
            rowsRead.accept(rows);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            throw new IOException("the load was stopped", e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void value(StringBuilder out, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof String s) {
            out.append('"').append(s.replace("\"", "\"\"")).append('"');
        } else if (v instanceof UUID u) {
            out.append(HexFormat.of().formatHex(ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                    .putLong(u.getLeastSignificantBits()).array()));
        } else if (v instanceof byte[] bytes) {
            out.append(HexFormat.of().formatHex(bytes));
        } else if (v instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (v instanceof Timestamp || v instanceof Date || v instanceof Time
                || v instanceof Number || v instanceof Boolean) {
            out.append(v); // JDBC escape forms (yyyy-mm-dd hh:mm:ss.fffffffff in this JVM's zone, as setTimestamp stores it)
        } else {
            throw new IllegalArgumentException("no import form for " + v.getClass().getName());
        }
    }
}
