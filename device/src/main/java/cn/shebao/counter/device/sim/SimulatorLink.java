package cn.shebao.counter.device.sim;

import cn.shebao.counter.device.protocol.FrameDecoder;
import cn.shebao.counter.device.protocol.Ga467Frame;
import cn.shebao.counter.device.reader.ReaderLink;
import java.io.IOException;
import java.util.Arrays;

/**
 * An in-memory link straight to a {@link ReaderSimulator}: requests are answered synchronously, paced as
 * if at the given baud rate. For unit tests and demos without a serial port; the pty tests use real ports.
 */
public final class SimulatorLink implements ReaderLink {

    private final ReaderSimulator simulator;
    private final int bytesPerSecond;
    private final FrameDecoder requests = new FrameDecoder();
    private byte[] pending = new byte[0];
    private long pendingReadyAtNanos;
    private volatile boolean open;
    private volatile boolean unplugged;

    public SimulatorLink(ReaderSimulator simulator, int baud) {
        this.simulator = simulator;
        this.bytesPerSecond = baud / 10; // 8N1: ten bits per byte
    }

    /** Simulates pulling the cable: the next operation fails until {@link #replug()}. */
    public void unplug() {
        unplugged = true;
    }

    public void replug() {
        unplugged = false;
    }

    @Override
    public void open() throws IOException {
        if (unplugged) {
            throw new IOException("simulated reader unplugged");
        }
        open = true;
    }

    @Override
    public synchronized int read(byte[] buffer, int timeoutMillis) throws IOException {
        check();
        long waitNanos = pendingReadyAtNanos - System.nanoTime();
        if (pending.length == 0 || waitNanos > timeoutMillis * 1_000_000L) {
            sleepNanos(Math.min(Math.max(waitNanos, 0), timeoutMillis * 1_000_000L));
            return 0;
        }
        sleepNanos(waitNanos);
        int n = Math.min(buffer.length, pending.length);
        System.arraycopy(pending, 0, buffer, 0, n);
        pending = Arrays.copyOfRange(pending, n, pending.length);
        return n;
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
        check();
        requests.feed(bytes, 0, bytes.length);
        for (FrameDecoder.Result r; (r = requests.next()) != null; ) {
            if (r instanceof FrameDecoder.Result.Body body) {
                byte[] frame = Ga467Frame.wrap(body.body());
                ReaderSimulator.Reply reply = simulator.answer(frame);
                long wire = bytes.length * 1_000_000_000L / bytesPerSecond + reply.bytes().length * 1_000_000_000L / bytesPerSecond;
                pendingReadyAtNanos = System.nanoTime() + wire + reply.delayMillis() * 1_000_000L;
                byte[] joined = Arrays.copyOf(pending, pending.length + reply.bytes().length);
                System.arraycopy(reply.bytes(), 0, joined, pending.length, reply.bytes().length);
                pending = joined;
            }
        }
    }

    @Override
    public synchronized void flushInput() {
        pending = new byte[0];
    }

    @Override
    public boolean lost() {
        return open && unplugged;
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public void close() {
        open = false;
    }

    private void check() throws IOException {
        if (unplugged || !open) {
            throw new IOException("simulated reader unplugged");
        }
    }

    private static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
