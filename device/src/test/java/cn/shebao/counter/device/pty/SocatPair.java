package cn.shebao.counter.device.pty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A linked pseudo-terminal pair made by socat: what the workstation sees as a serial reader, and its far end. */
public final class SocatPair implements AutoCloseable {

    private final Path reader;
    private final Path device;
    private Process socat;

    public SocatPair(Path dir) {
        this.reader = dir.resolve("reader");
        this.device = dir.resolve("device");
    }

    public SocatPair start() throws IOException, InterruptedException {
        Files.deleteIfExists(reader);
        Files.deleteIfExists(device);
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + reader, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(reader) && Files.exists(device))) {
            if (System.nanoTime() > end || !socat.isAlive()) {
                throw new IllegalStateException("socat did not create the pty pair (is socat installed?)");
            }
            Thread.sleep(20);
        }
        return this;
    }

    /** Kills socat: both ptys hang up, as when the reader's cable is pulled. */
    public void kill() throws InterruptedException {
        socat.destroy();
        socat.waitFor(10, TimeUnit.SECONDS);
    }

    public String readerPath() {
        return reader.toString();
    }

    public String devicePath() {
        return device.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (socat != null && socat.isAlive()) {
            kill();
        }
    }
}
