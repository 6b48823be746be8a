package cn.shebao.counter.workstation.auditview;

import cn.shebao.counter.workstation.audit.AuditFilter;
import cn.shebao.counter.workstation.audit.AuditSort;
import cn.shebao.counter.workstation.audit.AuditQuery;
import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.security.StaffSession;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Exports a filtered range of the audit as CSV, page by page, with a manifest beside it: the filter, the row count,
 * the file's SHA-256 and the chain head the export was taken at, so whoever receives the file can tell it is whole
 * and which state of the chain it shows. Written to a temporary name and moved into place, so a full disk leaves no
 * half file under the chosen name. The export is audited. Citizens appear by record id only, as in the audit itself.
 */
public final class AuditExport {

    public static final String ACTION_EXPORT = "audit.export";
    private static final int PAGE = AuditSearch.MAX_PAGE;

    private final AuditSearch search;
    private final AuditLog audit;
    private final Supplier<String> chainHead;
    private final Clock clock;

    /** @param chainHead the head as "sequence hash" when the export starts */
    public AuditExport(AuditSearch search, AuditLog audit, Supplier<String> chainHead, Clock clock) {
        this.search = search;
        this.audit = audit;
        this.chainHead = chainHead;
        this.clock = clock;
    }

    /** What was written: the row count and the file's digest, as the manifest says. */
    public record Written(Path file, Path manifest, long rows, String sha256) {
    }

    public Written csv(StaffSession staff, AuditFilter asked, AuditSort sort, boolean ascending, Path file) {
        return csv(staff, AuditSearch.Scope.WINDOW, asked, sort, ascending, file);
    }

    /** @param scope this window's audit (the manifest's chain head is this window's) or the centre's view of every window */
    public Written csv(StaffSession staff, AuditSearch.Scope scope, AuditFilter asked, AuditSort sort, boolean ascending, Path file) {
        String head = chainHead.get();
        // The range ends when the export starts: its own page reads are audited as it runs and must not shift the pages.
        java.time.Instant start = clock.instant();
        AuditFilter filter = asked.to() != null && asked.to().isBefore(start) ? asked : new AuditFilter(asked.from(), start,
                asked.personId(), asked.actorId(), asked.workstationCode(), asked.actionPrefix(), asked.purpose(), asked.outcome());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        long rows = 0;
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the Java runtime", e);
        }
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // so spreadsheet programs read UTF-8
            line(out, "sequence", "occurred_at", "workstation", "staff", "action", "subject_type", "subject_id", "purpose", "outcome", "detail");
            int offset = 0;
            while (true) {
                AuditQuery.Page page = search.search(staff, scope, filter, sort, ascending, offset, PAGE);
                for (AuditQuery.Row r : page.rows()) {
                    line(out, Long.toString(r.sequence()), r.occurredAt().toString(), r.workstationCode(), r.actorName(), r.action(),
                            r.subjectType(), r.subjectId(), r.purpose(), r.outcome().name(), r.detail());
                    rows++;
                }
                offset += page.rows().size();
                if (page.rows().size() < PAGE || offset >= page.total()) {
                    break;
                }
            }
        } catch (IOException e) {
            deleteQuietly(partial, e);
            throw new UncheckedIOException(e);
        }
        String digest = HexFormat.of().formatHex(sha.digest());
        Path manifest = file.resolveSibling(file.getFileName() + ".manifest.json");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.getFileName().toString());
        m.put("scope", scope.name());
        m.put("filter", filter.summary());
        m.put("sort", sort.name() + (ascending ? " asc" : " desc"));
        m.put("rows", rows);
        m.put("sha256", digest);
        m.put("chainHead", scope == AuditSearch.Scope.WINDOW ? head : null);
        m.put("exportedBy", staff.username());
        m.put("exportedAt", clock.instant().toString());
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(manifest, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(m), StandardCharsets.UTF_8);
        } catch (IOException e) {
            deleteQuietly(partial, e);
            throw new UncheckedIOException(e);
        }
        audit.append(new AuditEntry(staff.userId(), staff.username(), ACTION_EXPORT, null, null, null,
                filter.summary() + " rows=" + rows + " sha256=" + digest));
        return new Written(file, manifest, rows, digest);
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
