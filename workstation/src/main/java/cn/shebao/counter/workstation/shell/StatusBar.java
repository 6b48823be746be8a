package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.reports.overrides.OverrideRefusal;
import cn.shebao.counter.workstation.app.ReaderStatus;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.sync.SyncEngine;
import cn.shebao.counter.workstation.ui.HtmlText;
import cn.shebao.counter.workstation.ui.Texts;
import com.formdev.flatlaf.FlatClientProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * User and role, card reader, network, pending commands and last sync. The reader part follows the real
 * reader; the sync parts say "not configured" until sync lands, rather than showing a made-up value.
 */
final class StatusBar extends JPanel {

    private static final long serialVersionUID = 1L;

    private final transient ReaderStatus readerStatus;
    private final transient Consumer<ReaderStatus.State> readerListener;

    private final transient Optional<SyncEngine> sync;
    private final transient Consumer<SyncEngine.Status> syncListener;

    /**
     * @param softwareKey the replica's key is guarded by the software key store only (IT allowed it on a machine
     *     without a TPM): said for as long as that lasts, not once in a log
     */
    StatusBar(Texts texts, StaffSession session, boolean demo, boolean softwareKey, ReaderStatus readerStatus, Optional<SyncEngine> sync,
            CompletionStage<List<OverrideRefusal>> refusedTemplates) {
        super(new MigLayout("insets 4 8 4 8, gap 12", "[][][][][][][][][][]push[]"));
        setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Separator.foreground")));
        add(label("status.user", texts.text("status.user", session.displayName(), LoginFrame.rolesText(texts, session.roles()))));
        String notConfigured = texts.text("status.notConfigured");
        add(separator());
        JLabel reader = label("status.reader", readerText(texts, readerStatus.state()));
        add(reader);
        this.readerStatus = readerStatus;
        this.readerListener = state -> SwingUtilities.invokeLater(() -> reader.setText(readerText(texts, state)));
        add(separator());
        JLabel network = label("status.network", texts.text("status.network", notConfigured));
        add(network);
        add(separator());
        JLabel pending = label("status.pending", texts.text("status.pending", notConfigured));
        add(pending);
        add(separator());
        JLabel lastSync = label("status.lastSync", texts.text("status.lastSync", notConfigured));
        add(lastSync);
        JLabel conflicts = label("status.conflicts", " ");
        conflicts.setVisible(false);
        conflicts.putClientProperty(FlatClientProperties.STYLE, "foreground: $Shebao.error");
        add(conflicts);
        this.sync = sync;
        this.syncListener = status -> SwingUtilities.invokeLater(() -> {
            network.setText(texts.text("status.network", texts.text(status.online() ? "status.network.online"
                    : status.problem() == SyncEngine.Problem.DISABLED ? "status.network.disabled" : "status.network.offline")));
            pending.setText(texts.text("status.pending", status.oldestPending() == null
                    ? texts.text("status.pending.count", status.pending())
                    : texts.text("status.pending.countAge", status.pending(),
                            Math.max(0, Duration.between(status.oldestPending(), Instant.now()).toMinutes()))));
            conflicts.setText(texts.text("status.conflicts", status.openConflicts()));
            conflicts.setVisible(status.openConflicts() > 0);
            lastSync.setText(texts.text("status.lastSync", status.lastPull() == null ? texts.text("status.lastSync.never")
                    : SyncPanel.TIME.format(status.lastPull().atZone(ZoneId.systemDefault()))));
        });
        sync.ifPresent(engine -> syncListener.accept(engine.status()));
        add(new JLabel());
        if (softwareKey) {
            JLabel key = label("status.softwareKey", texts.text("status.softwareKey"));
            key.setToolTipText(texts.text("status.softwareKey.tip"));
            key.putClientProperty(FlatClientProperties.STYLE, "foreground: $Shebao.error; font: bold");
            add(key);
        }
        JLabel templates = label("status.templatesRefused", " ");
        templates.setVisible(false);
        templates.putClientProperty(FlatClientProperties.STYLE, "foreground: $Shebao.error; font: bold");
        add(templates);
        // Said as long as the window is open, not once in a log: a certificate printing the old letterhead is noticed
        // by a citizen long after the log line has scrolled away.
        refusedTemplates.thenAccept(refused -> SwingUtilities.invokeLater(() -> {
            if (!refused.isEmpty()) {
                templates.setText(texts.text("status.templatesRefused", refused.size()));
                templates.setToolTipText(HtmlText.lines(refused.stream().map(r -> r.message(texts.locale())).toList()));
                templates.setVisible(true);
            }
        }));
        if (demo) {
            JLabel badge = label("status.demo", texts.text("status.demo"));
            badge.putClientProperty(FlatClientProperties.STYLE, "foreground: $Shebao.error; font: bold");
            add(badge);
        }
    }

    private static String readerText(Texts texts, ReaderStatus.State state) {
        return texts.text("status.reader", texts.text("status.reader." + state.name()));
    }

    /** Listens to the reader only while shown, so a closed window leaves no listener behind. */
    @Override
    public void addNotify() {
        super.addNotify();
        readerStatus.addListener(readerListener);
        sync.ifPresent(engine -> engine.addListener(syncListener));
    }

    @Override
    public void removeNotify() {
        readerStatus.removeListener(readerListener);
        sync.ifPresent(engine -> engine.removeListener(syncListener));
        super.removeNotify();
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
