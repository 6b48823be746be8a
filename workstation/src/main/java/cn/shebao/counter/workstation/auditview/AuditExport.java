package cn.shebao.counter.workstation.auditview;

import cn.shebao.counter.reports.render.ReportException;
import cn.shebao.counter.reports.render.ReportRenderer;
import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditFilter;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.audit.AuditQuery;
import cn.shebao.counter.workstation.audit.AuditSort;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.security.StaffSession;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Exports a filtered range of the audit as CSV (page by page, any size) or as a PDF extract (JasperReports), with a
 * manifest beside it: the filter, the row count, the file's SHA-256 and the chain head the export was taken at, so
 * whoever receives the file can tell it is whole and which state of the chain it shows. Written to a temporary name and
 * moved into place, so a full disk leaves no half file under the chosen name. The export is audited. Citizens appear
 * by record id only, as in the audit itself.
 */
public final class AuditExport {

    public static final String ACTION_EXPORT = "audit.export";
    /**
     * A PDF is filled in memory (a swap-file virtualizer would put the events in a plain file outside the encrypted
     * store); 5,000 events are about 130 landscape pages, more than anyone reads on paper. Larger ranges go to CSV.
     */
    public static final int MAX_PDF_ROWS = 5_000;
    private static final int PAGE = AuditSearch.MAX_PAGE;

    private final AuditSearch search;
    private final AuditLog audit;
    private final Supplier<String> chainHead;
    private final ReportRenderer reports;
    private final Clock clock;

    /** @param chainHead the head as "sequence hash" when the export starts */
    public AuditExport(AuditSearch search, AuditLog audit, Supplier<String> chainHead, ReportRenderer reports, Clock clock) {
        this.search = search;
        this.audit = audit;
        this.chainHead = chainHead;
        this.reports = reports;
        this.clock = clock;
    }

    /** What was written: the row count and the file's digest, as the manifest says. */
    public record Written(Path file, Path manifest, long rows, String sha256) {
    }

    /** The question an export answers. */
    public record Range(AuditSearch.Scope scope, AuditFilter filter, AuditSort sort, boolean ascending) {
    }

    public Written csv(StaffSession staff, AuditFilter asked, AuditSort sort, boolean ascending, Path file) {
        return csv(staff, AuditSearch.Scope.WINDOW, asked, sort, ascending, file);
    }

    /** @param scope this window's audit (the manifest's chain head is this window's) or the centre's view of every window */
    public Written csv(StaffSession staff, AuditSearch.Scope scope, AuditFilter asked, AuditSort sort, boolean ascending, Path file) {
        Taken taken = take(scope, asked);
        Range range = new Range(scope, taken.filter(), sort, ascending);
        long[] rows = {0};
        String digest = write(file, out -> {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // so spreadsheet programs read UTF-8
            line(out, "sequence", "occurred_at", "workstation", "staff", "action", "subject_type", "subject_id", "purpose", "outcome", "detail");
            each(staff, range, r -> {
                line(out, Long.toString(r.sequence()), r.occurredAt().toString(), r.workstationCode(), r.actorName(), r.action(),
                        r.subjectType(), r.subjectId(), r.purpose(), r.outcome().name(), r.detail());
                rows[0]++;
            });
        });
        return finish(staff, range, "CSV", taken.head(), file, rows[0], digest);
    }

    /**
     * The same range as a PDF extract in the words of {@code content}.
     *
     * @param filterWords the filter as the user reads it, printed at the top
     * @throws LocalizedException before anything is written, when the range holds more than {@link #MAX_PDF_ROWS} events
     */
    public Written pdf(StaffSession staff, AuditSearch.Scope scope, AuditFilter asked, AuditSort sort, boolean ascending,
            AuditExtractContent content, String filterWords, Path file) {
        Taken taken = take(scope, asked);
        Range range = new Range(scope, taken.filter(), sort, ascending);
        long total = search.search(staff, scope, taken.filter(), sort, ascending, 0, 1).total();
        if (total > MAX_PDF_ROWS) {
            throw new LocalizedException("audit.error.pdfTooLarge", total, MAX_PDF_ROWS);
        }
        List<AuditQuery.Row> rows = new ArrayList<>();
        try {
            each(staff, range, r -> {
                if (rows.size() < MAX_PDF_ROWS) { // events that arrive while the export runs fall outside its range anyway
                    rows.add(r);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("collecting rows in memory cannot fail with I/O", e);
        }
        byte[] pdf;
        try {
            pdf = reports.pdf(content.extract(rows, filterWords, taken.head(), staff.username(), taken.at()));
        } catch (ReportException e) {
            throw new IllegalStateException(e); // the views translate the ReportException found as the cause
        }
        String digest = write(file, out -> out.write(pdf));
        return finish(staff, range, "PDF", taken.head(), file, rows.size(), digest);
    }

    /** The range fixed when the export starts, and the head it starts from. */
    private record Taken(AuditFilter filter, String head, Instant at) {
    }

    private Taken take(AuditSearch.Scope scope, AuditFilter asked) {
        String head = scope == AuditSearch.Scope.WINDOW ? chainHead.get() : null;
        // The range ends when the export starts: its own page reads are audited as it runs and must not shift the pages.
        Instant start = clock.instant();
        AuditFilter filter = asked.to() != null && asked.to().isBefore(start) ? asked : new AuditFilter(asked.from(), start,
                asked.personId(), asked.actorId(), asked.workstationCode(), asked.actionPrefix(), asked.purpose(), asked.outcome());
        return new Taken(filter, head, start);
    }

    private interface RowSink {
        void accept(AuditQuery.Row row) throws IOException;
    }

    private void each(StaffSession staff, Range range, RowSink sink) throws IOException {
        int offset = 0;
        while (true) {
            AuditQuery.Page page = search.search(staff, range.scope(), range.filter(), range.sort(), range.ascending(), offset, PAGE);
            for (AuditQuery.Row r : page.rows()) {
                sink.accept(r);
            }
            offset += page.rows().size();
            if (page.rows().size() < PAGE || offset >= page.total()) {
                return;
            }
        }
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the body under a temporary name, moves it into place and answers its SHA-256. */
    private static String write(Path file, Body body) {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the Java runtime", e);
        }
        try {
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha)) {
                body.writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial, e);
            throw cannotWrite(file, e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private Written finish(StaffSession staff, Range range, String format, String head, Path file, long rows, String digest) {
        Path manifest = file.resolveSibling(file.getFileName() + ".manifest.json");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.getFileName().toString());
        m.put("format", format);
        m.put("scope", range.scope().name());
        m.put("filter", range.filter().summary());
        m.put("sort", range.sort().name() + (range.ascending() ? " asc" : " desc"));
        m.put("rows", rows);
        m.put("sha256", digest);
        m.put("chainHead", head);
        m.put("exportedBy", staff.username());
        m.put("exportedAt", clock.instant().toString());
        try {
            Files.writeString(manifest, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(m), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw cannotWrite(manifest, e);
        }
        audit.append(new AuditEntry(staff.userId(), staff.username(), ACTION_EXPORT, null, null, null,
                format + " " + range.filter().summary() + " rows=" + rows + " sha256=" + digest));
        return new Written(file, manifest, rows, digest);
    }

    /** A full disk and a refused directory are different advice to the user; both keep the cause for the log. */
    private static LocalizedException cannotWrite(Path file, IOException e) {
        String reason = String.valueOf(e.getMessage());
        boolean full = reason.contains("No space left") || reason.contains("Disk quota");
        return new LocalizedException(e, full ? "audit.error.diskFull" : "audit.error.cannotWrite", file);
    }

    private static void line(OutputStream out, String... values) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String v = values[i];
            if (v != null) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            }
        }
        b.append("\r\n");
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void deleteQuietly(Path partial, IOException cause) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
