package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.reports.fonts.BundledFonts;
import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * FlatLaf with the centre's accent colour and the bundled CJK font. Registering the font alone is not
 * enough (Swing's fallback only consults fontconfig fonts): it must also be FlatLaf's font family.
 */
final class LookAndFeel {

    static final String ACCENT = "#1565C0";
    /** Where FlatLightLaf.properties and FlatDarkLaf.properties name the counter's colours (Shebao.error and so on). */
    private static final String THEME_PACKAGE = "cn.shebao.counter.workstation.shell.theme";
    private static volatile boolean themeRegistered;

    private LookAndFeel() {
    }

    /** Loads the bundled font; may run on any thread, before the first component is made. */
    static void registerBundledFont() {
        try (InputStream in = BundledFonts.regular()) {
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font is damaged", e);
        }
    }

    /** Installs or switches the theme; on the EDT. */
    static void install(UiSettings.Theme theme) {
        FlatLaf.setPreferredFontFamily(BundledFonts.FAMILY);
        FlatLaf.setGlobalExtraDefaults(Map.of("@accentColor", ACCENT));
        if (!themeRegistered) {
            FlatLaf.registerCustomDefaultsSource(THEME_PACKAGE);
            themeRegistered = true;
        }
        if (theme == UiSettings.Theme.DARK) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        FlatLaf.updateUI();
    }
}
