package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.audit.AuditFilter;
import cn.shebao.counter.workstation.audit.AuditOutcomes;
import cn.shebao.counter.workstation.audit.AuditQuery;
import cn.shebao.counter.workstation.audit.AuditSort;
import cn.shebao.counter.workstation.wire.ApiVersion;
import cn.shebao.counter.workstation.wire.ApplyResult;
import cn.shebao.counter.workstation.wire.AuditHeadSource;
import cn.shebao.counter.workstation.wire.BatchSignatures;
import cn.shebao.counter.workstation.wire.CentralClock;
import cn.shebao.counter.workstation.wire.CentralUnavailableException;
import cn.shebao.counter.workstation.wire.CentrePolicy;
import cn.shebao.counter.workstation.wire.CentrePolicySource;
import cn.shebao.counter.workstation.wire.ChangeEntry;
import cn.shebao.counter.workstation.wire.ChangePage;
import cn.shebao.counter.workstation.wire.ChangeSource;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import cn.shebao.counter.workstation.wire.CommandSink;
import cn.shebao.counter.workstation.wire.CountersignedHead;
import cn.shebao.counter.workstation.wire.NodeDisabledException;
import cn.shebao.counter.workstation.wire.PersonRecordSource;
import cn.shebao.counter.workstation.wire.RowCodec;
import cn.shebao.counter.workstation.wire.RowValues;
import cn.shebao.counter.workstation.wire.SnapshotSource;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The workstation's side of the central service: HTTPS with this machine's certificate, trusting only the
 * centre's CA (a service the CA did not sign is refused in the handshake). Connect and request timeouts on
 * every call, so a frozen service is noticed as offline within seconds instead of hanging the sync thread.
 */
public final class ServiceClient implements CommandSink, ChangeSource, SnapshotSource, CentralClock, AuditHeadSource, PersonRecordSource,
        CentrePolicySource {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;
    /** Requests waiting for their answer, each with when it was sent; shared with the signing copy. */
    private final Map<Object, Long> inFlight;
    private final PrivateKey machineKey;

    public ServiceClient(URI serviceUrl, SSLContext tls) {
        this(serviceUrl, tls, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    private ServiceClient(ServiceClient base, PrivateKey machineKey) {
        this.base = base.base;
        this.http = base.http;
        this.requestTimeout = base.requestTimeout;
        this.inFlight = base.inFlight;
        this.machineKey = machineKey;
    }

    /** The same client, signing every command batch with this machine's key (the service refuses an unsigned batch). */
    public ServiceClient signingBatchesWith(PrivateKey key) {
        return new ServiceClient(this, key);
    }

    /** With other timeouts: fault tests make a blackholed link fail in seconds rather than half a minute. */
    public ServiceClient(URI serviceUrl, SSLContext tls, Duration connectTimeout, Duration requestTimeout) {
        String s = serviceUrl.toString();
        this.base = URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + ApiVersion.PREFIX);
        this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
        this.inFlight = new IdentityHashMap<>();
        this.machineKey = null;
    }

    /** TLS with a client key (null before enrolment) and the centre's CA as the only trust anchor. */
    public static SSLContext tls(KeyStore clientKey, char[] clientKeyPassword, KeyStore trust) {
        try {
            KeyManagerFactory km = null;
            if (clientKey != null) {
                km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                km.init(clientKey, clientKeyPassword);
            }
            TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tm.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(km == null ? null : km.getKeyManagers(), tm.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS to the central service", e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ApplyResult> push(List<CommandEnvelope> commands) {
        List<Map<String, Object>> list = new ArrayList<>(commands.size());
        for (CommandEnvelope c : commands) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("nodeCode", c.nodeCode());
            m.put("sequence", c.sequence());
            m.put("commandId", c.commandId().toString());
            m.put("commandType", c.commandType());
            m.put("payloadVersion", c.payloadVersion());
            m.put("payload", c.payload());
            m.put("actorId", c.actorId() == null ? null : c.actorId().toString());
            m.put("actorName", c.actorName());
            m.put("signedBy", c.signedBy() == null ? null : c.signedBy().toString());
            m.put("signature", c.signature());
            m.put("subjectTable", c.subjectTable());
            m.put("subjectId", c.subjectId() == null ? null : c.subjectId().toString());
            list.add(m);
        }
        byte[] body;
        try {
            body = JSON.std.asBytes(Map.of("commands", list));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a request", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/commands")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (machineKey != null) {
            request.header(BatchSignatures.HEADER, BatchSignatures.sign(machineKey, body));
        }
        Map<String, Object> answer = send(request);
        List<ApplyResult> results = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) answer.get("results")) {
            results.add(new ApplyResult(ApplyResult.Status.valueOf((String) r.get("status")), (String) r.get("detail")));
        }
        if (answer.get("interrupted") != null) {
            throw new CentralUnavailableException("the central service could not finish the push: " + answer.get("interrupted"), null, results);
        }
        return results;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ChangePage changesAfter(long cursor, int max) {
        Map<String, Object> answer = get("/changes?after=" + cursor + "&max=" + max);
        List<ChangeEntry> entries = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) answer.get("entries")) {
            entries.add(new ChangeEntry(((Number) e.get("sequence")).longValue(), (String) e.get("table"),
                    UUID.fromString((String) e.get("rowId")), ((Number) e.get("rowVersion")).longValue(), Boolean.TRUE.equals(e.get("delete"))));
        }
        Map<String, Map<UUID, Map<String, Object>>> rows = new HashMap<>();
        ((Map<String, Object>) answer.get("rows")).forEach((table, encoded) -> {
            Map<UUID, Map<String, Object>> byId = new HashMap<>();
            for (Map<String, Object> row : RowCodec.decode((Map<String, Object>) encoded)) {
                byId.put(RowValues.toUuid(row.get("id")), row);
            }
            rows.put(table, byId);
        });
        return new ChangePage(entries, rows);
    }

    @Override
    public long snapshotSequence() {
        return ((Number) get("/snapshot").get("sequence")).longValue();
    }

    @Override
    public long count(String table) {
        return ((Number) get("/snapshot/" + table + "?max=1").get("total")).longValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> page(String table, UUID afterId, int limit) {
        Map<String, Object> answer = get("/snapshot/" + table + "?max=" + limit + (afterId == null ? "" : "&after=" + afterId));
        return RowCodec.decode((Map<String, Object>) answer.get("rows"));
    }

    @Override
    public Optional<CountersignedHead> countersignedHead() {
        Map<String, Object> h = get("/audit/head");
        if (h.get("sequence") == null) {
            return Optional.empty();
        }
        return Optional.of(new CountersignedHead((String) h.get("workstationCode"), ((Number) h.get("sequence")).longValue(), (String) h.get("hash"),
                Instant.parse((String) h.get("signedAt")), (String) h.get("signature")));
    }

    @Override
    public Instant centralNow() {
        return Instant.parse((String) get("/time").get("now"));
    }

    @Override
    public CentrePolicy centrePolicy() {
        return CentrePolicy.fromMap(get("/policy"));
    }

    @Override
    public Map<String, List<Map<String, Object>>> forCounter(UUID staffId, UUID personId, String purpose, List<String> tables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("staffId", staffId.toString());
        body.put("personId", personId.toString());
        body.put("purpose", purpose);
        body.put("tables", tables);
        return tables(post("/records/person", body));
    }

    @Override
    public Map<String, List<Map<String, Object>>> forTerminal(String citizenIdNumber, String name, List<String> tables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("citizenIdNumber", citizenIdNumber);
        body.put("name", name);
        body.put("tables", tables);
        return tables(post("/records/person", body));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> accessHistory(UUID staffId, UUID personId, String purpose, Instant since) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("staffId", staffId.toString());
        body.put("personId", personId.toString());
        body.put("purpose", purpose);
        body.put("since", since.toString());
        return RowCodec.decode((Map<String, Object>) post("/records/access-history", body).get("accesses"));
    }

    /** A self-service terminal's question: the card holder's own access history (staff by surname and number only). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> accessHistoryForTerminal(String citizenIdNumber, String name, Instant since) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("citizenIdNumber", citizenIdNumber);
        body.put("name", name);
        body.put("since", since.toString());
        return RowCodec.decode((Map<String, Object>) post("/records/access-history", body).get("accesses"));
    }

    /** A page of every window's shipped audit, for a supervisor central knows (the centre's view on F8). */
    @SuppressWarnings("unchecked")
    public AuditQuery.Page auditSearch(UUID staffId, AuditFilter f, AuditSort sort, boolean ascending, int offset, int limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("staffId", staffId.toString());
        body.put("from", f.from() == null ? null : f.from().toString());
        body.put("to", f.to() == null ? null : f.to().toString());
        body.put("personId", f.personId() == null ? null : f.personId().toString());
        body.put("actorId", f.actorId() == null ? null : f.actorId().toString());
        body.put("workstationCode", f.workstationCode());
        body.put("actionPrefix", f.actionPrefix());
        body.put("purpose", f.purpose());
        body.put("outcome", f.outcome().name());
        body.put("sort", sort.name());
        body.put("ascending", ascending);
        body.put("offset", offset);
        body.put("limit", limit);
        Map<String, Object> answer = post("/audit/search", body);
        List<AuditQuery.Row> rows = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) answer.get("rows")) {
            String action = (String) r.get("action");
            rows.add(new AuditQuery.Row(((Number) r.get("sequence")).longValue(), Instant.parse((String) r.get("occurredAt")),
                    (String) r.get("workstationCode"), r.get("actorId") == null ? null : UUID.fromString((String) r.get("actorId")),
                    (String) r.get("actorName"), action, (String) r.get("subjectType"), (String) r.get("subjectId"), (String) r.get("purpose"),
                    (String) r.get("detail"), AuditOutcomes.of(action)));
        }
        return new AuditQuery.Page(rows, ((Number) answer.get("total")).longValue(), ((Number) answer.get("offset")).intValue());
    }

    /** The unusual-access report over every window's shipped audit (rows: kind, day, staffName, subjectId, count, at, workstationCode). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> auditUnusual(UUID staffId, Instant from, Instant to, Map<String, Object> thresholds, String zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("staffId", staffId.toString());
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("thresholds", thresholds);
        body.put("zone", zone);
        return (List<Map<String, Object>>) post("/audit/unusual", body).get("findings");
    }

    /** Each window's chain as central verified it: {workstationCode, verified, received, problemKind, problemSequence}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> auditChains(UUID staffId) {
        return (List<Map<String, Object>>) post("/audit/chains", Map.of("staffId", staffId.toString())).get("chains");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Map<String, Object>>> tables(Map<String, Object> answer) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        ((Map<String, Object>) answer.get("tables")).forEach((table, encoded) -> out.put(table, RowCodec.decode((Map<String, Object>) encoded)));
        return out;
    }

    /** Enrols this machine with a one-time code; returns the certificate and the CA's, both PEM. */
    public Map<String, Object> enrol(String code, String nodeCode, String csrPem) {
        return post("/enrol", Map.of("code", code, "nodeCode", nodeCode, "csr", csrPem));
    }

    private Map<String, Object> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private Map<String, Object> post(String path, Map<String, Object> body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.std.asBytes(body))));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a request", e);
        }
    }

    /**
     * Since when (System.nanoTime()) the oldest request still in flight has waited for its answer; 0 when none is
     * waiting. The sync watchdog reads it: a central that accepts connections but never answers is seen within
     * seconds, not when the request times out; a long pull of many pages that each answer is not mistaken for it.
     */
    public long waitingSince() {
        synchronized (inFlight) {
            return inFlight.isEmpty() ? 0 : inFlight.values().stream().mapToLong(Long::longValue).min().orElse(0);
        }
    }

    private Map<String, Object> send(HttpRequest.Builder request) {
        Object token = new Object();
        synchronized (inFlight) {
            inFlight.put(token, System.nanoTime());
        }
        try {
            return exchange(request);
        } finally {
            synchronized (inFlight) {
                inFlight.remove(token);
            }
        }
    }

    private Map<String, Object> exchange(HttpRequest.Builder request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.timeout(requestTimeout).header(ApiVersion.HEADER, String.valueOf(ApiVersion.CURRENT)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CentralUnavailableException("the central service cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CentralUnavailableException("interrupted while waiting for the central service", e);
        }
        Map<String, Object> answer;
        try {
            answer = JSON.std.mapFrom(response.body());
        } catch (IOException notJson) {
            throw new CentralUnavailableException("the central service answered " + response.statusCode() + " without JSON", notJson);
        }
        int status = response.statusCode();
        if (status == 200) {
            return answer;
        }
        String code = answer == null ? null : String.valueOf(answer.get("error"));
        if (status == 401 || status == 403 || status == 404) {
            throw new ServiceRefusal(code, status);
        }
        if (status == ApiVersion.REFUSED_STATUS) {
            throw new ServiceRefusal("API_VERSION", status);
        }
        throw new CentralUnavailableException("the central service answered " + status + " " + code, null);
    }

    /** A refusal with the service's code: NODE_REVOKED and NODE_UNKNOWN disable the workstation. */
    public static final class ServiceRefusal extends NodeDisabledException {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final int status;

        ServiceRefusal(String code, int status) {
            super("the central service refused this workstation: " + code);
            this.code = code;
            this.status = status;
        }

        public String code() {
            return code;
        }

        public int status() {
            return status;
        }
    }
}
