package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.security.StaffSession;
import com.formdev.flatlaf.FlatClientProperties;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;
import net.miginfocom.swing.MigLayout;

/**
 * User and role, card reader, network, pending commands and last sync. Each part is wired to real state
 * when its feature lands; until then it says "not configured" rather than showing a made-up value.
 */
final class StatusBar extends JPanel {

    private static final long serialVersionUID = 1L;

    StatusBar(Texts texts, StaffSession session, boolean demo) {
        super(new MigLayout("insets 4 8 4 8, gap 12", "[][][][][][][][][][]push[]"));
        setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, javax.swing.UIManager.getColor("Separator.foreground")));
        add(label("status.user", texts.text("status.user", session.displayName(), LoginFrame.rolesText(texts, session.roles()))));
        String notConfigured = texts.text("status.notConfigured");
        add(separator());
        add(label("status.reader", texts.text("status.reader", notConfigured)));
        add(separator());
        add(label("status.network", texts.text("status.network", notConfigured)));
        add(separator());
        add(label("status.pending", texts.text("status.pending", notConfigured)));
        add(separator());
        add(label("status.lastSync", texts.text("status.lastSync", notConfigured)));
        add(new JLabel());
        if (demo) {
            JLabel badge = label("status.demo", texts.text("status.demo"));
            badge.putClientProperty(FlatClientProperties.STYLE, "foreground: #C62828; font: bold");
            add(badge);
        }
    }

    private static JLabel label(String name, String text) {
        JLabel l = new JLabel(text);
        l.setName(name);
        return l;
    }

    private static JSeparator separator() {
        return new JSeparator(SwingConstants.VERTICAL);
    }
}
