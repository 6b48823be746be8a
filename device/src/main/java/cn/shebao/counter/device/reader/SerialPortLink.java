package cn.shebao.counter.device.reader;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.io.IOException;

/**
 * A reader on a serial port (or a pseudo-terminal) through jSerialComm, 8N1 without flow control.
 * Only the disconnect event is registered: a data listener would make jSerialComm ignore read
 * timeouts. The disconnect event repeats until the port is closed, so it only raises a flag that the
 * reader acts on at once; the port is never reopened from inside the callback.
 */
public final class SerialPortLink implements ReaderLink {

    private final String path;
    private final int baud;
    private SerialPort port;
    private volatile boolean lost;

    public SerialPortLink(String path, int baud) {
        this.path = path;
        this.baud = baud;
    }

    @Override
    public void open() throws IOException {
        // Resolved on every open: a pty symlink points elsewhere after socat restarts, a USB port may return renamed.
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (RuntimeException e) { // SerialPortInvalidPortException: no such device
            throw new IOException("no such port " + path, e);
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!p.openPort()) {
            throw new IOException("cannot open " + path + " (error " + p.getLastErrorCode() + ")");
        }
        lost = false;
        p.addDataListener(new SerialPortDataListener() {
            @Override
            public int getListeningEvents() {
                return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
            }

            @Override
            public void serialEvent(SerialPortEvent event) {
                lost = true;
            }
        });
        port = p;
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, Math.max(1, timeoutMillis), 0);
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            lost = true;
            throw new IOException("read from " + path + " failed (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int n = port.writeBytes(bytes, bytes.length);
        if (n != bytes.length) {
            lost = true;
            throw new IOException("write to " + path + " failed (error " + port.getLastErrorCode() + ")");
        }
    }

    @Override
    public void flushInput() {
        byte[] sink = new byte[512];
        port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        while (port.bytesAvailable() > 0 && port.readBytes(sink, sink.length) > 0) {
            // discard
        }
    }

    @Override
    public boolean lost() {
        return lost;
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.removeDataListener();
            p.closePort();
        }
    }
}
