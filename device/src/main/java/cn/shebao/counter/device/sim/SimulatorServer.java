package cn.shebao.counter.device.sim;

import cn.shebao.counter.device.protocol.FrameDecoder;
import cn.shebao.counter.device.protocol.Ga467Frame;
import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.util.Arrays;

/**
 * Serves a {@link ReaderSimulator} on a serial port or pty (the far end of a socat pair), pacing every
 * response at the configured baud rate, since ptys deliver instantly whatever rate is set.
 */
public final class SimulatorServer implements AutoCloseable {

    private static final int CHUNK = 64;

    private final ReaderSimulator simulator;
    private final SerialPort port;
    private final long nanosPerByte;
    private final Thread thread;
    private volatile boolean running = true;

    public SimulatorServer(ReaderSimulator simulator, String path, int baud) throws IOException {
        this.simulator = simulator;
        this.nanosPerByte = 10_000_000_000L / baud; // 8N1: ten bits per byte
        try {
            this.port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) { // SerialPortInvalidPortException: no such device
            throw new IOException("no such port " + path, e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open " + path + " (error " + port.getLastErrorCode() + ")");
        }
        this.thread = new Thread(this::serve, "reader-simulator-" + path);
        thread.setDaemon(true);
    }

    public SimulatorServer start() {
        thread.start();
        return this;
    }

    private void serve() {
        FrameDecoder requests = new FrameDecoder();
        byte[] buffer = new byte[512];
        while (running) {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                return; // the pty went away
            }
            if (n == 0) {
                continue;
            }
            requests.feed(buffer, 0, n);
            for (FrameDecoder.Result r; (r = requests.next()) != null; ) {
                if (r instanceof FrameDecoder.Result.Body body) {
                    ReaderSimulator.Reply reply = simulator.answer(Ga467Frame.wrap(body.body()));
                    pause(reply.delayMillis() * 1_000_000L);
                    send(reply.bytes());
                }
            }
        }
    }

    private void send(byte[] bytes) {
        long start = System.nanoTime();
        for (int at = 0; at < bytes.length && running; at += CHUNK) {
            byte[] chunk = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + CHUNK));
            port.writeBytes(chunk, chunk.length);
            pause(start + (at + chunk.length) * nanosPerByte - System.nanoTime());
        }
    }

    private static void pause(long nanos) {
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2000);
        port.closePort();
    }
}
