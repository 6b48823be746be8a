package cn.shebao.counter.workstation.logging;

import java.io.IOException;
import java.io.Writer;

/** A writer that passes whole lines through {@link PersonalDataRedaction}; a partial line waits for its end. */
public final class RedactingWriter extends Writer {

    private final Writer out;
    private final StringBuilder pending = new StringBuilder();
    private boolean dropping;

    public RedactingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                pending.append(c);
            }
        }
    }

    private void emit() throws IOException {
        String kept = PersonalDataRedaction.line(pending.toString());
        pending.setLength(0);
        if (kept == null) {
            if (!dropping) {
                out.write("[dump removed: it may hold personal data]" + System.lineSeparator());
            }
            dropping = true;
            return;
        }
        dropping = false;
        out.write(kept);
        out.write(System.lineSeparator());
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (pending.length() > 0) {
            emit();
        }
        out.close();
    }
}
