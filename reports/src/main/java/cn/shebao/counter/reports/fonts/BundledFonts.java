package cn.shebao.counter.reports.fonts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The CJK font shipped with the application (Noto Sans SC, OFL-1.1), for the UI and for reports alike. */
public final class BundledFonts {

    /** The family name inside the TrueType files. */
    public static final String FAMILY = "Noto Sans SC";

    private BundledFonts() {
    }

    public static InputStream regular() {
        return open("NotoSansSC-Regular.ttf");
    }

    public static InputStream bold() {
        return open("NotoSansSC-Bold.ttf");
    }

    private static InputStream open(String name) {
        InputStream in = BundledFonts.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("bundled font missing from the jar: " + name));
        }
        return in;
    }
}
