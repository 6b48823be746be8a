package cn.shebao.counter.device.reader;

/**
 * Deadlines per command (the fact sheet's typical client values), the polling interval, and the reopen
 * backoff after the reader disappears.
 */
public record ReaderTimings(int findMillis, int selectMillis, int readMillis, int pollMillis,
        int reopenMinMillis, int reopenMaxMillis, int retriesPerPresentation) {

    public static ReaderTimings standard() {
        return new ReaderTimings(300, 300, 2000, 100, 100, 5000, 2);
    }
}
