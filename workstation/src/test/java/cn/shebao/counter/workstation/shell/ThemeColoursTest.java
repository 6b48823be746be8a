package cn.shebao.counter.workstation.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.Color;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.junit.jupiter.api.Test;

/** The counter's colours come from the theme files by name, light and dark, and a style that names them resolves. */
class ThemeColoursTest {

    private static Color[] coloursIn(UiSettings.Theme theme) throws Exception {
        AtomicReference<Color[]> found = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            LookAndFeel.install(theme);
            JLabel warning = new JLabel("!");
            warning.putClientProperty(FlatClientProperties.STYLE, "foreground: $Shebao.error; font: bold");
            warning.updateUI();
            found.set(new Color[] {UIManager.getColor("Shebao.error"), UIManager.getColor("Shebao.ok"), warning.getForeground()});
        });
        return found.get();
    }

    @Test
    void errorAndOkHaveAShadeForEachThemeAndStylesUseIt() throws Exception {
        Color[] light = coloursIn(UiSettings.Theme.LIGHT);
        Color[] dark = coloursIn(UiSettings.Theme.DARK);
        assertThat(light[0]).isEqualTo(new Color(0xC6, 0x28, 0x28));
        assertThat(dark[0]).isEqualTo(new Color(0xEF, 0x9A, 0x9A));
        assertThat(light[1]).isNotNull().isNotEqualTo(dark[1]);
        assertThat(light[2]).as("a style naming Shebao.error").isEqualTo(light[0]);
        assertThat(dark[2]).isEqualTo(dark[0]);
    }
}
