package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.ui.Texts;
import com.formdev.flatlaf.FlatClientProperties;
import java.text.ParseException;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import net.miginfocom.swing.MigLayout;

/** Theme, language and idle lock; applied at once and remembered in the data directory. */
final class SettingsPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    /** @param idleMaxMinutes the centre's longest idle lock: the clerk may choose a shorter one only */
    SettingsPanel(Texts texts, UiSettings current, int idleMaxMinutes, Consumer<UiSettings> apply) {
        // The second column is at least 200 px and as wide as its widest text (the centre's rule, in English, is longer).
        super(new MigLayout("wrap 2, insets 32", "[right][200::]"));
        setName("feature." + ShellScreens.SETTINGS);
        JLabel title = new JLabel(texts.text("feature.SETTINGS"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        add(title, "span 2, left, gapbottom 12");

        JComboBox<Choice<UiSettings.Theme>> theme = new JComboBox<>();
        for (UiSettings.Theme t : UiSettings.Theme.values()) {
            theme.addItem(new Choice<>(t, texts.text("settings.theme." + t.name())));
        }
        theme.setSelectedIndex(current.theme().ordinal());
        theme.setName("settings.theme");
        add(new JLabel(texts.text("settings.theme")));
        add(theme, "growx");

        JComboBox<Choice<UiSettings.Language>> language = new JComboBox<>();
        for (UiSettings.Language l : UiSettings.Language.values()) {
            // Each language names itself, so a clerk who cannot read the current one still finds theirs.
            language.addItem(new Choice<>(l, texts.text("settings.language." + l.name())));
        }
        language.setSelectedIndex(current.language().ordinal());
        language.setName("settings.language");
        add(new JLabel(texts.text("settings.language")));
        add(language, "growx");

        int shown = Math.min(idleMaxMinutes, Math.max(1, current.idleLockSeconds() / 60));
        JSpinner idle = new JSpinner(new SpinnerNumberModel(shown, 1, idleMaxMinutes, 1));
        idle.setName("settings.idleMinutes");
        add(new JLabel(texts.text("settings.idleMinutes")));
        add(idle, "growx");
        JLabel idleRule = new JLabel(texts.text("settings.idleMaximum", idleMaxMinutes));
        idleRule.setName("settings.idleMaximum");
        add(idleRule, "skip, wmin 0");

        JButton save = new JButton(texts.text("settings.apply"));
        save.setName("settings.apply");
        save.addActionListener(e -> {
            @SuppressWarnings("unchecked")
            Choice<UiSettings.Theme> t = (Choice<UiSettings.Theme>) theme.getSelectedItem();
            @SuppressWarnings("unchecked")
            Choice<UiSettings.Language> l = (Choice<UiSettings.Language>) language.getSelectedItem();
            // A number typed into the spinner is only committed when its field loses focus or gets Enter; a click
            // on 应用 read the old value, and the typed one was dropped the first time (issue 18).
            try {
                idle.commitEdit();
            } catch (ParseException notANumber) {
                idleRule.setText(texts.text("settings.idleInvalid", idleMaxMinutes));
                return;
            }
            idleRule.setText(texts.text("settings.idleMaximum", idleMaxMinutes));
            int minutes = (Integer) idle.getValue();
            // Keep a sub-minute idle time set outside this screen (tests, kiosks) unless the minutes were changed.
            int seconds = minutes == shown ? Math.min(current.idleLockSeconds(), idleMaxMinutes * 60) : minutes * 60;
            apply.accept(new UiSettings(t.value(), l.value(), seconds));
        });
        add(save, "span 2, right, gaptop 12");
    }

    /** A combo-box entry: the value and its translated label. */
    record Choice<T>(T value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }
}
