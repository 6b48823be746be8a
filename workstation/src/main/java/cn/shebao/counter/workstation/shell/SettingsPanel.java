package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.ui.Texts;
import com.formdev.flatlaf.FlatClientProperties;
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

    SettingsPanel(Texts texts, UiSettings current, Consumer<UiSettings> apply) {
        super(new MigLayout("wrap 2, insets 32", "[right][200!]"));
        setName("feature." + Feature.SETTINGS.name());
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

        JSpinner idle = new JSpinner(new SpinnerNumberModel(Math.max(1, current.idleLockSeconds() / 60), 1, 60, 1));
        idle.setName("settings.idleMinutes");
        add(new JLabel(texts.text("settings.idleMinutes")));
        add(idle, "growx");

        JButton save = new JButton(texts.text("settings.apply"));
        save.setName("settings.apply");
        save.addActionListener(e -> {
            @SuppressWarnings("unchecked")
            Choice<UiSettings.Theme> t = (Choice<UiSettings.Theme>) theme.getSelectedItem();
            @SuppressWarnings("unchecked")
            Choice<UiSettings.Language> l = (Choice<UiSettings.Language>) language.getSelectedItem();
            int minutes = (Integer) idle.getValue();
            // Keep a sub-minute idle time set outside this screen (tests, kiosks) unless the minutes were changed.
            int seconds = minutes == Math.max(1, current.idleLockSeconds() / 60) ? current.idleLockSeconds() : minutes * 60;
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
