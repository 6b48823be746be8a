package cn.shebao.counter.workstation.central.service;

import cn.shebao.counter.workstation.audit.AuditFilter;
import cn.shebao.counter.workstation.audit.AuditQuery;
import cn.shebao.counter.workstation.audit.AuditSort;
import cn.shebao.counter.workstation.audit.UnusualAccess;
import cn.shebao.counter.workstation.central.AuditChains;
import cn.shebao.counter.workstation.central.AuditHeads;
import cn.shebao.counter.workstation.central.CentralAuditSearch;
import cn.shebao.counter.workstation.central.PersonRecords;
import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.pki.Pem;
import cn.shebao.counter.workstation.schema.ReplicatedTables;
import cn.shebao.counter.workstation.wire.ApiVersion;
import cn.shebao.counter.workstation.wire.ApplyResult;
import cn.shebao.counter.workstation.wire.BatchSignatures;
import cn.shebao.counter.workstation.wire.CentralUnavailableException;
import cn.shebao.counter.workstation.wire.CentrePolicy;
import cn.shebao.counter.workstation.wire.ChangeEntry;
import cn.shebao.counter.workstation.wire.ChangePage;
import cn.shebao.counter.workstation.wire.ChangeSource;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.CommandSink;
import cn.shebao.counter.workstation.wire.RowCodec;
import cn.shebao.counter.workstation.wire.SnapshotSource;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS API in front of the central database. Who is asking comes only from the client certificate the TLS
 * layer verified against the centre's CA: its common name is the node code, and its serial must be on record and
 * not revoked. A body that claims another node is refused whole. Health, readiness and enrolment need no client
 * certificate (a machine being enrolled has none yet); everything else does.
 */
final class CentralApi extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(CentralApi.class);
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final int MAX_PAGE = 5000;
    private static final int MAX_BATCH = 1000;

    private final CommandSink commands;
    private final PersonRecords records;
    private final CentralAuditSearch auditSearch;
    private final AuditHeads auditHeads;
    private final ChangeSource changes;
    private final SnapshotSource snapshot;
    private final MachineRegistry machines;
    private final CertificateAuthority ca;
    private final Clock clock;
    private final BooleanSupplier databaseReady;
    private final AccessLog access;
    private final CentrePolicy policy;

    CentralApi(CommandSink commands, ChangeSource changes, SnapshotSource snapshot, PersonRecords records, CentralAuditSearch auditSearch,
            MachineRegistry machines, AuditHeads auditHeads, CertificateAuthority ca, Clock clock, BooleanSupplier databaseReady,
            AccessLog access, CentrePolicy policy) {
        this.commands = commands;
        this.policy = policy;
        this.records = records;
        this.auditSearch = auditSearch;
        this.auditHeads = auditHeads;
        this.changes = changes;
        this.snapshot = snapshot;
        this.machines = machines;
        this.ca = ca;
        this.clock = clock;
        this.databaseReady = databaseReady;
        this.access = access;
    }

    /** An answer other than 200, with a code the client translates. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        Refusal(int status, String code) {
            super(code);
            this.status = status;
            this.code = code;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String path = Request.getPathInContext(request);
        String node = null;
        int status = 200;
        Object answer;
        try {
            if (path.equals(ApiVersion.PREFIX + "/health")) {
                answer = Map.of("status", "up");
            } else if (path.equals(ApiVersion.PREFIX + "/ready")) {
                if (!databaseReady.getAsBoolean()) {
                    throw new Refusal(503, "DATABASE_UNREACHABLE");
                }
                answer = Map.of("status", "ready");
            } else {
                checkVersion(request);
                if (path.equals(ApiVersion.PREFIX + "/enrol") && HttpMethod.POST.is(request.getMethod())) {
                    answer = enrol(body(request));
                } else {
                    Caller caller = authenticate(request);
                    node = caller.node();
                    answer = route(request, path, caller);
                }
            }
        } catch (Refusal r) {
            status = r.status;
            answer = Map.of("error", r.code);
        } catch (CentralUnavailableException | SQLException e) {
            LOG.warn("Central database unavailable while serving {}: {}", path, e.toString());
            status = 503;
            answer = Map.of("error", "DATABASE_UNREACHABLE");
        } catch (IOException | RuntimeException e) {
            LOG.error("Request to {} failed", path, e);
            status = 500;
            answer = Map.of("error", "INTERNAL");
        }
        byte[] json;
        try {
            json = JSON.std.asBytes(answer);
        } catch (IOException e) {
            status = 500;
            json = "{\"error\":\"INTERNAL\"}".getBytes(StandardCharsets.UTF_8);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(ApiVersion.HEADER, String.valueOf(ApiVersion.CURRENT));
        access.record(request.getMethod(), path, status, node, (System.nanoTime() - start) / 1_000_000, json.length);
        response.write(true, ByteBuffer.wrap(json), callback);
        return true;
    }

    private Object route(Request request, String path, Caller caller) throws Refusal, IOException, SQLException {
        String p = path.substring(ApiVersion.PREFIX.length());
        boolean post = HttpMethod.POST.is(request.getMethod());
        String node = caller.node();
        if (p.equals("/records/person") && post) {
            // In the body, never the URL: an ID number and a name are personal data and URLs end up in logs.
            return personRecord(caller, body(request));
        }
        if (p.equals("/records/access-history") && post) {
            return accessHistory(caller, body(request));
        }
        if (p.equals("/time")) {
            return Map.of("now", clock.instant().toString());
        }
        if (p.equals("/policy")) {
            // The same for every machine: the rules are the centre's, not a window's.
            return policy.toMap();
        }
        if (caller.kind() != MachineRegistry.Kind.COUNTER) {
            // Terminals and hall machines hold no replica and push no commands: the sync endpoints are the counters'.
            throw new Refusal(403, "NODE_KIND");
        }
        if (p.equals("/audit/head")) {
            // The countersigned head of the calling node's own chain: the certificate names the node, nothing else.
            Map<String, Object> out = new LinkedHashMap<>();
            auditHeads.countersigned(node).ifPresent(h -> {
                out.put("workstationCode", h.workstationCode());
                out.put("sequence", h.sequence());
                out.put("hash", h.hash());
                out.put("signedAt", h.signedAt().toString());
                out.put("signature", h.signature());
            });
            return out;
        }
        if (p.equals("/audit/search") && post) {
            return auditSearch(body(request));
        }
        if (p.equals("/audit/unusual") && post) {
            return auditUnusual(body(request));
        }
        if (p.equals("/audit/chains") && post) {
            return auditChains(body(request));
        }
        if (p.equals("/commands") && post) {
            byte[] raw = rawBody(request);
            // The batch must be signed by the key the client certificate certifies (see BatchSignatures).
            if (!BatchSignatures.verify(clientCertificate(request).getPublicKey(), raw, request.getHeaders().get(BatchSignatures.HEADER))) {
                throw new Refusal(403, "BATCH_SIGNATURE");
            }
            return push(node, parsed(raw));
        }
        if (p.equals("/changes")) {
            Fields q = Request.extractQueryParameters(request);
            return page(changes.changesAfter(longParam(q, "after", 0), intParam(q, "max", 1000)));
        }
        if (p.equals("/snapshot")) {
            return Map.of("sequence", snapshot.snapshotSequence());
        }
        if (p.startsWith("/snapshot/")) {
            String table = table(p.substring("/snapshot/".length()));
            Fields q = Request.extractQueryParameters(request);
            String after = q.getValue("after");
            UUID afterId;
            try {
                afterId = after == null || after.isEmpty() ? null : UUID.fromString(after);
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "BAD_REQUEST");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            if (afterId == null) {
                out.put("total", snapshot.count(table));
            }
            out.put("rows", RowCodec.encode(snapshot.page(table, afterId, intParam(q, "max", 1000))));
            return out;
        }
        throw new Refusal(404, "NOT_FOUND");
    }

    private Object personRecord(Caller caller, Map<String, Object> body) throws Refusal {
        Object t = body.get("tables");
        if (!(t instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof String))) {
            throw new Refusal(400, "BAD_REQUEST");
        }
        List<String> tables = list.stream().map(String.class::cast).toList();
        Map<String, List<Map<String, Object>>> rows;
        try {
            rows = switch (caller.kind()) {
                case COUNTER -> records.forCounter(caller.node(), uuid(body, "staffId"), uuid(body, "personId"), text(body, "purpose"), tables);
                case KIOSK -> records.forTerminal(caller.node(), text(body, "citizenIdNumber"), text(body, "name"), tables);
                case HALL -> throw new Refusal(403, "NODE_KIND");
            };
        } catch (PersonRecords.Refused refused) {
            throw new Refusal(refused.notFound() ? 404 : refused.code().equals("BAD_REQUEST") ? 400 : 403, refused.code());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        rows.forEach((table, r) -> out.put(table, RowCodec.encode(r)));
        return Map.of("tables", out);
    }

    private Object accessHistory(Caller caller, Map<String, Object> body) throws Refusal {
        Instant since;
        try {
            since = Instant.parse(text(body, "since"));
        } catch (RuntimeException e) {
            throw new Refusal(400, "BAD_REQUEST");
        }
        List<Map<String, Object>> rows;
        try {
            rows = switch (caller.kind()) {
                case COUNTER -> records.accessHistoryForCounter(caller.node(), uuid(body, "staffId"), uuid(body, "personId"),
                        text(body, "purpose"), since);
                case KIOSK -> records.accessHistoryForTerminal(caller.node(), text(body, "citizenIdNumber"), text(body, "name"), since);
                case HALL -> throw new Refusal(403, "NODE_KIND");
            };
        } catch (PersonRecords.Refused refused) {
            throw new Refusal(refused.notFound() ? 404 : refused.code().equals("BAD_REQUEST") ? 400 : 403, refused.code());
        }
        return Map.of("accesses", RowCodec.encode(rows));
    }

    private Object auditSearch(Map<String, Object> body) throws Refusal {
        AuditFilter filter;
        AuditSort sort;
        int offset;
        int limit;
        try {
            filter = new AuditFilter(instant(body, "from"), instant(body, "to"), uuid(body, "personId"), uuid(body, "actorId"),
                    text(body, "workstationCode"), text(body, "actionPrefix"), text(body, "purpose"),
                    body.get("outcome") == null ? AuditFilter.Outcome.ANY : AuditFilter.Outcome.valueOf(text(body, "outcome")));
            sort = AuditSort.valueOf(text(body, "sort"));
            offset = ((Number) body.get("offset")).intValue();
            limit = ((Number) body.get("limit")).intValue();
        } catch (RuntimeException e) {
            throw new Refusal(400, "BAD_REQUEST");
        }
        if (offset < 0 || limit < 1 || limit > AuditQuery.MAX_PAGE) {
            throw new Refusal(400, "BAD_REQUEST");
        }
        AuditQuery.Page page;
        try {
            page = auditSearch.search(uuid(body, "staffId"), filter, sort, Boolean.TRUE.equals(body.get("ascending")), offset, limit);
        } catch (CentralAuditSearch.Refused refused) {
            throw new Refusal(403, refused.getMessage());
        }
        List<Map<String, Object>> rows = new ArrayList<>(page.rows().size());
        for (AuditQuery.Row r : page.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sequence", r.sequence());
            m.put("occurredAt", r.occurredAt().toString());
            m.put("workstationCode", r.workstationCode());
            m.put("actorId", r.actorId() == null ? null : r.actorId().toString());
            m.put("actorName", r.actorName());
            m.put("action", r.action());
            m.put("subjectType", r.subjectType());
            m.put("subjectId", r.subjectId());
            m.put("purpose", r.purpose());
            m.put("detail", r.detail());
            rows.add(m);
        }
        return Map.of("rows", rows, "total", page.total(), "offset", page.offset());
    }

    @SuppressWarnings("unchecked")
    private Object auditUnusual(Map<String, Object> body) throws Refusal {
        Instant from;
        Instant to;
        UnusualAccess.Thresholds t;
        ZoneId zone;
        try {
            from = instant(body, "from");
            to = instant(body, "to");
            Map<String, Object> th = (Map<String, Object>) body.get("thresholds");
            t = new UnusualAccess.Thresholds(((Number) th.get("openingsWithoutCitizenPerDay")).intValue(),
                    LocalTime.parse((String) th.get("opens")), LocalTime.parse((String) th.get("closes")),
                    ((List<String>) th.get("openDays")).stream().map(DayOfWeek::valueOf)
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class))),
                    ((Number) th.get("windowsPerCitizenPerDay")).intValue());
            zone = ZoneId.of(text(body, "zone"));
        } catch (RuntimeException e) {
            throw new Refusal(400, "BAD_REQUEST");
        }
        if (from == null || to == null) {
            throw new Refusal(400, "BAD_REQUEST");
        }
        List<UnusualAccess.Finding> found;
        try {
            found = auditSearch.unusual(uuid(body, "staffId"), from, to, t, zone);
        } catch (CentralAuditSearch.Refused refused) {
            throw new Refusal(403, refused.getMessage());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (UnusualAccess.Finding f : found) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.kind().name());
            m.put("day", f.day().toString());
            m.put("staffName", f.staffName());
            m.put("subjectId", f.subjectId());
            m.put("count", f.count());
            m.put("at", f.at() == null ? null : f.at().toString());
            m.put("workstationCode", f.workstationCode());
            out.add(m);
        }
        return Map.of("findings", out);
    }

    private Object auditChains(Map<String, Object> body) throws Refusal, SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            for (AuditChains.State state : auditSearch.chains(uuid(body, "staffId"))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("workstationCode", state.workstationCode());
                m.put("verified", state.verified());
                m.put("received", state.received());
                m.put("problemKind", state.problemKind());
                m.put("problemSequence", state.problemSequence());
                out.add(m);
            }
        } catch (CentralAuditSearch.Refused refused) {
            throw new Refusal(403, refused.getMessage());
        }
        return Map.of("chains", out);
    }

    private static Instant instant(Map<String, Object> m, String field) {
        String v = text(m, field);
        return v == null ? null : Instant.parse(v);
    }

    private static UUID uuid(Map<String, Object> m, String field) throws Refusal {
        String v = text(m, field);
        try {
            return v == null ? null : UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "BAD_REQUEST");
        }
    }

    private Object enrol(Map<String, Object> body) throws SQLException, Refusal {
        String node = text(body, "nodeCode");
        if (node == null || !node.matches("[A-Za-z0-9-]{2,20}")) {
            throw new Refusal(400, "BAD_REQUEST");
        }
        try {
            X509Certificate issued = machines.enrol(text(body, "code"), node, text(body, "csr"));
            LOG.info("Node {} enrolled, certificate {}", node, MachineRegistry.serial(issued));
            return Map.of("certificate", Pem.of(issued), "ca", Pem.of(ca.certificate()));
        } catch (MachineRegistry.EnrolmentRefused refused) {
            LOG.warn("Enrolment of node {} refused: {}", node, refused.reason());
            throw new Refusal(403, "ENROLMENT_" + refused.reason());
        }
    }

    @SuppressWarnings("unchecked")
    private Object push(String node, Map<String, Object> body) throws Refusal {
        Object list = body.get("commands");
        if (!(list instanceof List<?> raw) || raw.size() > MAX_BATCH) {
            throw new Refusal(400, "BAD_REQUEST");
        }
        List<CommandEnvelope> batch = new ArrayList<>(raw.size());
        for (Object o : raw) {
            if (!(o instanceof Map<?, ?>)) {
                throw new Refusal(400, "BAD_REQUEST");
            }
            Map<String, Object> m = (Map<String, Object>) o;
            if (!node.equals(m.get("nodeCode"))) {
                // Only the certificate says who is pushing; a batch naming another node is refused whole.
                throw new Refusal(403, "NODE_MISMATCH");
            }
            try {
                batch.add(new CommandEnvelope(node, ((Number) m.get("sequence")).longValue(), UUID.fromString((String) m.get("commandId")),
                        (String) m.get("commandType"), ((Number) m.get("payloadVersion")).intValue(), (String) m.get("payload"),
                        m.get("actorId") == null ? null : UUID.fromString((String) m.get("actorId")), (String) m.get("actorName"),
                        m.get("signedBy") == null ? null : UUID.fromString((String) m.get("signedBy")), (String) m.get("signature"),
                        (String) m.get("subjectTable"), m.get("subjectId") == null ? null : UUID.fromString((String) m.get("subjectId"))));
            } catch (RuntimeException malformedEnvelope) {
                throw new Refusal(400, "BAD_REQUEST");
            }
        }
        List<ApplyResult> results;
        String interrupted = null;
        try {
            results = commands.push(batch);
        } catch (CentralUnavailableException e) {
            LOG.warn("Push of node {} interrupted after {} commands: {}", node, e.applied().size(), e.getCause() == null ? e : e.getCause().toString());
            results = e.applied();
            interrupted = "DATABASE_UNREACHABLE";
        }
        List<Map<String, Object>> answers = new ArrayList<>(results.size());
        for (ApplyResult r : results) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("status", r.status().name());
            a.put("detail", r.detail());
            answers.add(a);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", answers);
        if (interrupted != null) {
            out.put("interrupted", interrupted);
        }
        return out;
    }

    private static Map<String, Object> page(ChangePage page) {
        List<Map<String, Object>> entries = new ArrayList<>(page.entries().size());
        for (ChangeEntry e : page.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sequence", e.sequence());
            m.put("table", e.table());
            m.put("rowId", e.rowId().toString());
            m.put("rowVersion", e.rowVersion());
            m.put("delete", e.delete());
            entries.add(m);
        }
        Map<String, Object> rows = new LinkedHashMap<>();
        page.rows().forEach((table, byId) -> rows.put(table, RowCodec.encode(new ArrayList<>(byId.values()))));
        return Map.of("entries", entries, "rows", rows);
    }

    private void checkVersion(Request request) throws Refusal {
        String v = request.getHeaders().get(ApiVersion.HEADER);
        if (!String.valueOf(ApiVersion.CURRENT).equals(v)) {
            throw new Refusal(ApiVersion.REFUSED_STATUS, "API_VERSION");
        }
    }

    /** Who is asking: the node code and kind of the verified client certificate, if it is on record and not revoked. */
    private record Caller(String node, MachineRegistry.Kind kind) {
    }

    private Caller authenticate(Request request) throws Refusal, SQLException {
        X509Certificate certificate = clientCertificate(request);
        MachineRegistry.Presented presented = machines.standing(certificate);
        return switch (presented.standing()) {
            case ACTIVE -> new Caller(CertificateAuthority.nodeCode(certificate), presented.kind());
            case REVOKED -> throw new Refusal(403, "NODE_REVOKED");
            case UNKNOWN -> throw new Refusal(403, "NODE_UNKNOWN");
        };
    }

    private static Map<String, Object> body(Request request) throws IOException, Refusal {
        return parsed(rawBody(request));
    }

    private static X509Certificate clientCertificate(Request request) throws Refusal {
        EndPoint.SslSessionData ssl = (EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
        X509Certificate[] chain = ssl == null ? null : ssl.peerCertificates();
        if (chain == null || chain.length == 0) {
            throw new Refusal(401, "CERTIFICATE_REQUIRED");
        }
        return chain[0];
    }

    private static byte[] rawBody(Request request) throws IOException, Refusal {
        long length = request.getLength();
        if (length > MAX_BODY) {
            throw new Refusal(413, "TOO_LARGE");
        }
        try {
            // Bounded even for a chunked body without a length: enrolment is open to machines without a certificate.
            return Content.Source.asByteArrayAsync(request, MAX_BODY).get();
        } catch (ExecutionException tooLargeOrCut) {
            throw new Refusal(413, "TOO_LARGE");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading a request", e);
        }
    }

    private static Map<String, Object> parsed(byte[] raw) throws Refusal {
        String text = new String(raw, StandardCharsets.UTF_8);
        try {
            Map<String, Object> m = JSON.std.mapFrom(text);
            if (m == null) {
                throw new Refusal(400, "BAD_REQUEST");
            }
            return m;
        } catch (IOException notJson) {
            throw new Refusal(400, "BAD_REQUEST");
        }
    }

    private static String table(String name) throws Refusal {
        try {
            return ReplicatedTables.checked(name);
        } catch (IllegalArgumentException e) {
            throw new Refusal(404, "NOT_FOUND");
        }
    }

    private static long longParam(Fields q, String name, long fallback) throws Refusal {
        String v = q.getValue(name);
        try {
            return v == null ? fallback : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new Refusal(400, "BAD_REQUEST");
        }
    }

    private static int intParam(Fields q, String name, int fallback) throws Refusal {
        long v = longParam(q, name, fallback);
        if (v < 1 || v > MAX_PAGE) {
            throw new Refusal(400, "BAD_REQUEST");
        }
        return (int) v;
    }

    private static String text(Map<String, Object> m, String field) {
        Object v = m.get(field);
        return v == null ? null : v.toString();
    }
}
