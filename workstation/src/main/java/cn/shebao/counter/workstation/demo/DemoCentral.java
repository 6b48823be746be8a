package cn.shebao.counter.workstation.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Starts and stops the demo central service (see {@link DemoCentralServer}) for demo mode: everything stays on
 * this machine, yet the workstation enrols and syncs over mutual TLS exactly as a production one does.
 */
public final class DemoCentral implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path caCertificate;
    private final String enrolmentCode;

    private DemoCentral(Process process, int port, Path caCertificate, String enrolmentCode) {
        this.process = process;
        this.port = port;
        this.caCertificate = caCertificate;
        this.enrolmentCode = enrolmentCode;
    }

    /** @param progress persons generated so far and in all, on the first start only */
    public static DemoCentral start(Path directory, int persons, String workstationCode, BiConsumer<Integer, Integer> progress)
            throws IOException {
        Files.createDirectories(directory);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), DemoCentralServer.class.getName(),
                directory.toString(), String.valueOf(persons), workstationCode);
        pb.redirectErrorStream(true);
        Process process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        StringBuilder seen = new StringBuilder();
        String code = null;
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(DemoCentralServer.PROGRESS + " ")) {
                String[] f = line.split(" ");
                progress.accept(Integer.parseInt(f[1]), Integer.parseInt(f[2]));
            } else if (line.startsWith(DemoCentralServer.CODE + " ")) {
                code = line.substring(DemoCentralServer.CODE.length() + 1);
            } else if (line.startsWith(DemoCentralServer.READY + " ")) {
                int port = Integer.parseInt(line.substring(DemoCentralServer.READY.length() + 1));
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "demo-central-output");
                drain.setDaemon(true);
                drain.start();
                return new DemoCentral(process, port, directory.resolve("pki").resolve(DemoCentralServer.CA_FILE), code);
            } else {
                seen.append(line).append('\n');
                if (seen.length() > 20_000) {
                    seen.delete(0, seen.length() - 20_000);
                }
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        process.destroyForcibly();
        throw new IOException("the demo central service did not start:\n" + seen);
    }

    public String url() {
        return "https://127.0.0.1:" + port;
    }

    public Path caCertificate() {
        return caCertificate;
    }

    /** A one-time code for the demo workstation, opened at this start; used only when it is not enrolled yet. */
    public String enrolmentCode() {
        return enrolmentCode;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close(); // the service's signal to shut down cleanly
        } catch (IOException e) {
            process.destroy();
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
