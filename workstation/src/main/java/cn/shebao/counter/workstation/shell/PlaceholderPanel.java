package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.ui.Texts;
import com.formdev.flatlaf.FlatClientProperties;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;

/** Says plainly that a feature is not available yet, instead of faking it. */
final class PlaceholderPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    PlaceholderPanel(Texts texts, String screen) {
        super(new MigLayout("wrap 1, insets 32", "[grow]"));
        setName("feature." + screen);
        JLabel title = new JLabel(texts.text("feature." + screen));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        add(title);
        JLabel notice = new JLabel(texts.text("feature.notAvailable"));
        notice.setName("feature.notAvailable");
        add(notice, "gaptop 12");
    }
}
