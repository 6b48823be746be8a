package cn.shebao.counter.workstation.logging;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Derby's error log, through our filter: Derby calls {@link #writer()} (named in {@code derby.stream.error.method})
 * once, when it first boots in the JVM, and writes everything it logs to it. Without the filter a damaged page is
 * dumped decrypted into the log, ID numbers, names and addresses with it.
 */
public final class DerbyErrorLog {

    /** Where the log goes; set before Derby first boots. */
    public static final String FILE_PROPERTY = "shebao.derby.log";
    /** The value for {@code derby.stream.error.method}. */
    public static final String METHOD = DerbyErrorLog.class.getName() + ".writer";

    private DerbyErrorLog() {
    }

    /** Called by Derby by name. */
    public static Writer writer() {
        Path file = Path.of(System.getProperty(FILE_PROPERTY, "derby.log"));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return new AutoFlushing(new RedactingWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // Derby would then log nowhere; failing its boot over the log is worse than that, so say it on stderr.
            throw new UncheckedIOException("Derby's error log " + file + " cannot be opened", e);
        }
    }

    /** Derby flushes rarely; a crash must not lose the last lines, which are the ones IT needs. */
    private static final class AutoFlushing extends Writer {
        private final Writer out;

        AutoFlushing(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    out.flush();
                    break;
                }
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
