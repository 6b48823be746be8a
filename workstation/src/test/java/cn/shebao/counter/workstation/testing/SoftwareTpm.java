package cn.shebao.counter.workstation.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real TPM 2.0 for the tests: {@code swtpm} (the software TPM that QEMU and libvirt use) on a loopback socket, with
 * its own state directory, so each instance is a different machine with its own seeds. The product talks to it with
 * tpm2-tools exactly as it would to {@code /dev/tpmrm0}; only the TCTI string differs.
 */
public final class SoftwareTpm implements AutoCloseable {

    private final Process process;
    private final int port;

    private SoftwareTpm(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether swtpm and tpm2-tools are installed (CI installs them; the tests that need them fail there without). */
    public static boolean installed() {
        return onPath("swtpm") && onPath("tpm2_unseal");
    }

    public static SoftwareTpm start(Path state) throws IOException, InterruptedException {
        Files.createDirectories(state);
        for (int attempt = 0; ; attempt++) {
            int port = freePortPair();
            Process p = new ProcessBuilder("swtpm", "socket", "--tpm2", "--tpmstate", "dir=" + state,
                    "--server", "type=tcp,port=" + port + ",bindaddr=127.0.0.1",
                    "--ctrl", "type=tcp,port=" + (port + 1) + ",bindaddr=127.0.0.1",
                    "--flags", "not-need-init,startup-clear")
                    .redirectErrorStream(true).redirectOutput(state.resolveSibling(state.getFileName() + ".log").toFile()).start();
            if (awaitListening(p, port)) {
                return new SoftwareTpm(p, port);
            }
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            if (attempt == 4) {
                throw new IllegalStateException("swtpm did not start; see " + state.resolveSibling(state.getFileName() + ".log"));
            }
        }
    }

    /** The TCTI the product's {@code tpm.tcti} setting takes to reach this TPM. */
    public String tcti() {
        return "swtpm:host=127.0.0.1,port=" + port;
    }

    /** Extends a SHA-256 PCR, as booting something else would: what was sealed to its old value no longer unseals. */
    public void extendPcr(int index) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("tpm2_pcrextend", index + ":sha256=" + "ab".repeat(32)).redirectErrorStream(true);
        pb.environment().put("TPM2TOOLS_TCTI", tcti());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("tpm2_pcrextend failed: " + out);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean awaitListening(Process p, int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return true;
            } catch (IOException notYet) {
                p.waitFor(50, TimeUnit.MILLISECONDS); // the process's own state: returns at once if it died
            }
        }
        return false;
    }

    /** A port whose next port is free too (swtpm's control channel). */
    private static int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = a.getLocalPort();
                if (port < 65535) {
                    try (ServerSocket b = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                        return port;
                    } catch (IOException taken) {
                        // try another pair
                    }
                }
            }
        }
        throw new IOException("no free pair of loopback ports");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
