package cn.shebao.counter.workstation.soak;

import cn.shebao.counter.workstation.testing.DiskLimit;
import cn.shebao.counter.workstation.testing.TcpProxy;
import cn.shebao.counter.workstation.testing.TestPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's service hall, set up the way IT sets one up, with the product's own commands in child JVMs: a database
 * seeded with {@code central seed}, the centre's PKI from {@code central init-pki}, two {@code central serve}
 * instances behind a balancing proxy per workstation, a proxy between the services and PostgreSQL, and workstations
 * enrolled with {@code central enrolment-code} and {@code enrol}. Every link a fault cuts is one of those proxies.
 */
final class Hall implements AutoCloseable {

    static final String LAUNCHER = "cn.shebao.counter.workstation.launcher.ShebaoCounter";
    private static final String[][] STAFF = {{"chenjing", "zhaomin"}, {"wanglei", "sunli"}, {"liuyang", "zhaomin"}};

    private final SoakPlan plan;
    private final Path work;
    private final TestPostgres database;
    private final TcpProxy databaseLink;
    private final List<Service> services = new ArrayList<>();
    private final List<TcpProxy> windowLinks = new ArrayList<>();
    private final List<Window> windows = new ArrayList<>();
    private final Map<String, String> secrets = new HashMap<>();
    private final List<Path> limitedDisks = new ArrayList<>();

    /** One {@code central serve} instance and its port. */
    record Service(ChildProcess process, int port, CountDownLatch[] listening) {
        void start() throws IOException, InterruptedException {
            listening[0] = new CountDownLatch(1);
            process.start();
            if (!listening[0].await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(process.name() + " did not listen within 120 s (see its log)");
            }
        }
    }

    Hall(SoakPlan plan) throws Exception {
        this.plan = plan;
        this.work = plan.work();
        Files.createDirectories(work.resolve("logs"));
        this.database = TestPostgres.createDatabase();
        this.databaseLink = new TcpProxy(database.port());
        secrets.put("SHEBAO_DB_PASSWORD", new String(database.password()));
        secrets.put("SHEBAO_CA_PASSWORD", "soak-ca-" + plan.seed());
        secrets.put("SHEBAO_TLS_PASSWORD", "soak-tls-" + plan.seed());
    }

    TestPostgres database() {
        return database;
    }

    TcpProxy databaseLink() {
        return databaseLink;
    }

    List<Service> services() {
        return services;
    }

    List<TcpProxy> windowLinks() {
        return windowLinks;
    }

    List<Window> windows() {
        return windows;
    }

    /** Everything up: seeded, two services listening, every workstation enrolled, loaded and ready. */
    void setUp() throws Exception {
        run("seed", List.of("central", "seed", "--demo-staff-passwords", "--url", database.jdbcUrl(), "--user", database.user(), "--persons",
                Integer.toString(plan.persons())));
        Path pki = work.resolve("pki");
        run("init-pki", List.of("central", "init-pki", "--dir", pki.toString(), "--host", "127.0.0.1"));
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            Path config = work.resolve("central-" + (char) ('a' + i) + ".properties");
            Files.writeString(config, String.join("\n",
                    "listen.host=127.0.0.1",
                    "listen.port=" + port,
                    "database.url=jdbc:postgresql://127.0.0.1:" + databaseLink.port() + "/" + databaseName()
                            + "?sslmode=verify-full&sslrootcert=" + System.getenv("SHEBAO_TEST_PG_CA"),
                    "database.user=" + database.user(),
                    "tls.keystore=" + pki.resolve("service.p12"),
                    "ca.keystore=" + pki.resolve("ca.p12")) + "\n", StandardCharsets.UTF_8);
            CountDownLatch[] listening = {new CountDownLatch(1)};
            List<String> jvm = plan.brokenApplier() ? List.of("-Dshebao.test.applier.skipDuplicateCheck=true") : List.of();
            ChildProcess p = new ChildProcess("service-" + (char) ('A' + i), jvm, LAUNCHER,
                    List.of("central", "serve", "--config", config.toString()), secrets, work.resolve("logs/service-" + (char) ('a' + i) + ".log"),
                    line -> {
                        if (line.startsWith("central service listening")) {
                            listening[0].countDown();
                        }
                    });
            Service s = new Service(p, port, listening);
            s.start();
            services.add(s);
        }
        for (int i = 0; i < plan.workstations(); i++) {
            TcpProxy link = new TcpProxy(services.get(0).port(), services.get(1).port());
            windowLinks.add(link);
            String code = "SOAK-" + (i + 1);
            Path data = work.resolve("ws-" + (i + 1));
            if (plan.kinds().contains(Fault.Kind.DISK_FULL)) {
                DiskLimit.mount(data); // before enrolment: everything the workstation writes is on the disk that fills
                limitedDisks.add(data);
            }
            String enrolment = run("code " + code, List.of("central", "enrolment-code", "--config",
                    work.resolve("central-a.properties").toString(), "--node", code));
            Matcher m = Pattern.compile("once\\): (\\S+)").matcher(enrolment);
            if (!m.find()) {
                throw new IllegalStateException("no enrolment code in: " + enrolment);
            }
            Map<String, String> env = new HashMap<>();
            env.put("SHEBAO_ENROLMENT_CODE", m.group(1));
            run("enrol " + code, List.of("--data-dir", data.toString(), "enrol", "--allow-software-key", "--service-url", "https://127.0.0.1:" + link.port(),
                    "--ca-cert", pki.resolve("centre-ca.pem").toString(), "--workstation-code", code), env);
            Window w = new Window(i, code, data, STAFF[i][0], STAFF[i][1], work.resolve("logs/" + code + ".log"), List.of());
            w.start();
            windows.add(w);
        }
    }

    String databaseName() {
        String url = database.jdbcUrl();
        String path = url.substring(url.lastIndexOf('/') + 1);
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private String run(String what, List<String> args) throws Exception {
        return run(what, args, Map.of());
    }

    /** One of the product's commands in a JVM of its own; its output, or a failure that shows it. */
    private String run(String what, List<String> args, Map<String, String> extra) throws Exception {
        StringBuilder out = new StringBuilder();
        Map<String, String> env = new HashMap<>(secrets);
        env.putAll(extra);
        Path log = work.resolve("logs/setup.log");
        ChildProcess p = new ChildProcess(what, List.of(), LAUNCHER, args, env, log, line -> {
            synchronized (out) {
                out.append(line).append('\n');
            }
        });
        p.start();
        if (!p.awaitExit(600)) {
            p.kill();
            throw new IllegalStateException(what + " did not finish within 10 minutes");
        }
        if (p.exitCode() != 0) {
            throw new IllegalStateException(what + " failed (exit " + p.exitCode() + "):\n" + out);
        }
        synchronized (out) {
            return out.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (Window w : windows) {
            if (w.process().alive()) {
                w.process().thaw();
                w.process().kill();
            }
        }
        for (Service s : services) {
            s.process().thaw();
            s.process().kill();
        }
        for (TcpProxy link : windowLinks) {
            link.close();
        }
        databaseLink.close();
        database.close();
        for (Path disk : limitedDisks) {
            DiskLimit.release(disk); // the workstations are gone (killed above and waited for): nothing should hold it
        }
    }
}
