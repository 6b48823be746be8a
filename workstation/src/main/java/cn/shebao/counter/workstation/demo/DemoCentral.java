package cn.shebao.counter.workstation.demo;

import cn.shebao.counter.workstation.store.DriverDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the demo central database (see {@link DemoCentralServer}) for demo mode: everything stays
 * on this machine, yet the workstation syncs with a real central database over JDBC.
 */
public final class DemoCentral implements AutoCloseable {

    private final Process process;
    private final String url;
    private final char[] password;

    private DemoCentral(Process process, String url, char[] password) {
        this.process = process;
        this.url = url;
        this.password = password;
    }

    public static DemoCentral start(Path directory) throws IOException {
        Files.createDirectories(directory);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), DemoCentralServer.class.getName(),
                String.valueOf(port), directory.toString());
        pb.environment().put(DemoCentralServer.PASSWORD_ENV, password);
        pb.redirectErrorStream(true);
        Process process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals(DemoCentralServer.READY)) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "demo-central-output");
                drain.setDaemon(true);
                drain.start();
                String url = "jdbc:derby://127.0.0.1:" + port + "/" + directory.resolve("central") + ";create=true";
                return new DemoCentral(process, url, password.toCharArray());
            }
            seen.append(line).append('\n');
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        process.destroyForcibly();
        throw new IOException("the demo central database did not start:\n" + seen);
    }

    public String url() {
        return url;
    }

    public String user() {
        return DemoCentralServer.USER;
    }

    public char[] password() {
        return password.clone();
    }

    public DriverDataSource dataSource() {
        return DriverDataSource.withCredentials(url, user(), password);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close(); // the server's signal to shut down cleanly
        } catch (IOException e) {
            process.destroy();
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
