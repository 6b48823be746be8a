package cn.shebao.counter.device.reader;

import java.io.IOException;

/** A byte pipe to the reader: a serial port in production, a simulator in tests. */
public interface ReaderLink extends AutoCloseable {

    /** Opens the link; throws when the device is absent (the reader retries with backoff). */
    void open() throws IOException;

    /** Reads what is available, waiting at most about {@code timeoutMillis}; 0 when nothing came. */
    int read(byte[] buffer, int timeoutMillis) throws IOException;

    void write(byte[] bytes) throws IOException;

    /** Discards unread input, after a timeout or a damaged frame. */
    void flushInput() throws IOException;

    /** True when the device has gone away (unplugged) since it was opened. */
    boolean lost();

    String name();

    @Override
    void close();
}
