package cn.shebao.counter.workstation.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.net.spi.URLStreamHandlerProvider;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets Derby's bulk import read rows from memory instead of a file: a URL {@code shebao-import:<token>} opens
 * the stream registered for that token, in this process only. Derby's unlogged bulk insert into an empty table is
 * reachable only through {@code SYSCS_UTIL.SYSCS_IMPORT_DATA_BULK}, which reads a file or a URL; a file would put
 * personal data in plaintext beside the encrypted replica, so the rows never touch the disk this way.
 *
 * <p>The registry is static because the JDK, not our code, instantiates the provider (ServiceLoader, by the name in
 * {@code META-INF/services}); the token is random and removed when the import ends, and nothing outside this JVM can
 * open such a URL.
 */
public final class ImportStreams extends URLStreamHandlerProvider {

    public static final String PROTOCOL = "shebao-import";
    private static final Map<String, Supplier<InputStream>> OPEN = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An import source while it is registered; closing it removes the URL. */
    public static final class Registration implements AutoCloseable {
        private final String token;

        private Registration(String token) {
            this.token = token;
        }

        /** What to pass to the import as its file name. */
        public String url() {
            return PROTOCOL + ":" + token;
        }

        @Override
        public void close() {
            OPEN.remove(token);
        }
    }

    /** @param streams gives a fresh stream each time the URL is opened (Derby opens it twice: columns, then rows) */
    public static Registration register(Supplier<InputStream> streams) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        OPEN.put(token, streams);
        return new Registration(token);
    }

    @Override
    public URLStreamHandler createURLStreamHandler(String protocol) {
        if (!PROTOCOL.equals(protocol)) {
            return null;
        }
        return new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) throws IOException {
                Supplier<InputStream> streams = OPEN.get(url.getPath());
                if (streams == null) {
                    throw new IOException("no import stream is registered for this URL");
                }
                return new URLConnection(url) {
                    @Override
                    public void connect() {
                        connected = true;
                    }

                    @Override
                    public InputStream getInputStream() {
                        return streams.get();
                    }
                };
            }
        };
    }
}
