package cn.shebao.counter.workstation.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A workstation's disk that can really fill: its data directory is a tmpfs of its own with a size limit, so the
 * replica, its log and the workstation's own files meet {@code No space left on device} exactly as on a full PC, and
 * nothing else on the machine does. Mounting needs root (as CI and the soak machine run); where it is not possible
 * the soak leaves the disk-full fault out and its report says so, and the disk-full test says it cannot run.
 */
public final class DiskLimit {

    /** Room for a soak replica (a few tens of megabytes) and its growth; the filler takes whatever is left. */
    private static final String SIZE = "512m";
    private static final String FILLER = "soak-disk-filler.bin";
    private static Boolean available;

    private DiskLimit() {
    }

    /** Whether this machine lets the soak mount a tmpfs (tried once on a scratch directory). */
    public static synchronized boolean available() {
        if (available == null) {
            try {
                Path probe = Files.createTempDirectory("soak-disk-probe");
                try {
                    mount(probe);
                    unmount(probe);
                    available = true;
                } finally {
                    Files.deleteIfExists(probe);
                }
            } catch (IOException | IllegalStateException e) {
                System.out.println("soak: no disk-full faults on this machine (" + e.getMessage() + ")");
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        return available;
    }

    /**
     * For the tests that fill a real disk: CI runs as root, so there they must run (a CI that cannot mount fails
     * instead of skipping); a developer's machine without mount rights skips them and says why.
     */
    public static void assumeAvailableOrFailInCi() {
        boolean possible = available();
        if (System.getenv("CI") != null && !possible) {
            throw new AssertionError("CI runs as root and can mount the tmpfs this test fills");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(possible, "mounting a tmpfs needs root");
    }

    public static void mount(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + SIZE + ",mode=0700", "tmpfs", dir.toString()));
    }

    public static void unmount(Path dir) throws IOException, InterruptedException {
        run(List.of("umount", dir.toString()));
    }

    /**
     * Unmounts at the end of a run; if something still holds a file there, detaches it lazily (it goes when the holder
     * closes) and says so, instead of failing a run whose results are in hand.
     */
    public static void release(Path dir) throws IOException, InterruptedException {
        try {
            unmount(dir);
        } catch (IllegalStateException busy) {
            System.out.println("soak: " + busy.getMessage() + "; detached lazily instead");
            run(List.of("umount", "-l", dir.toString()));
        }
    }

    /**
     * Fills the directory's file system to the last page; returns how many bytes that took. (A write larger than the
     * room left is written in part before the error, so the file system ends full.)
     */
    public static long fill(Path dir) throws IOException {
        byte[] block = new byte[1 << 16];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILLER))) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
        return written;
    }

    public static void free(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(FILLER));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
