package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.sync.CentralTime;
import cn.shebao.counter.workstation.sync.SyncEngine;
import cn.shebao.counter.workstation.ui.Texts;
import com.formdev.flatlaf.FlatClientProperties;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/** Sync at a glance: online or not and why, pending commands, last push and pull, and "sync now". */
final class SyncPanel extends JPanel {

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final transient SyncEngine engine;
    private final transient Consumer<SyncEngine.Status> listener;
    private transient Instant lastPullShown;

    SyncPanel(Texts texts, SyncEngine engine, CentralTime time, ConflictQueuePanel conflicts) {
        super(new MigLayout("wrap 2, insets 32", "[right][grow, fill]", "[][][][][][][][][grow, fill]"));
        setName("feature." + ShellScreens.SYNC);
        this.engine = engine;
        JLabel title = new JLabel(texts.text("feature.SYNC"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        add(title, "span 2, left, gapbottom 12");
        JLabel state = value("sync.state");
        JLabel pending = value("sync.pending");
        JLabel pushed = value("sync.lastPush");
        JLabel pulled = value("sync.lastPull");
        JLabel error = value("sync.lastError");
        add(new JLabel(texts.text("sync.label.state")));
        add(state);
        add(new JLabel(texts.text("sync.label.pending")));
        add(pending);
        add(new JLabel(texts.text("sync.label.lastPush")));
        add(pushed);
        add(new JLabel(texts.text("sync.label.lastPull")));
        add(pulled);
        add(new JLabel(texts.text("sync.label.lastError")));
        add(error);
        JLabel clock = value("sync.clock");
        add(new JLabel(texts.text("sync.label.clock")));
        add(clock);
        JButton now = new JButton(texts.text("sync.now"));
        now.setName("sync.now");
        now.addActionListener(e -> engine.syncNow());
        add(now, "span 2, left, growx 0, gaptop 12");
        add(conflicts, "span 2, grow, gaptop 12");
        this.listener = s -> SwingUtilities.invokeLater(() -> {
            state.setText(texts.text(s.online() ? "status.network.online" : "status.network.offline"));
            pending.setText(texts.text("status.pending.count", s.pending()));
            pushed.setText(s.lastPush() == null ? texts.text("status.lastSync.never") : TIME.format(s.lastPush().atZone(ZoneId.systemDefault())));
            pulled.setText(s.lastPull() == null ? texts.text("status.lastSync.never") : TIME.format(s.lastPull().atZone(ZoneId.systemDefault())));
            error.setText(s.problem() == null ? texts.text("sync.problem.none") : texts.text("sync.problem." + s.problem().name()));
            error.setToolTipText(s.detail()); // the technical detail, for IT
            CentralTime.Reading r = time.reading();
            String offset = r.measuredAt() == null ? texts.text("sync.clock.never")
                    : texts.text("sync.clock.offset", String.format(Locale.ROOT, "%+.1f", r.offset().toMillis() / 1000.0),
                            TIME.format(r.measuredAt().atZone(ZoneId.systemDefault())));
            clock.setText(r.wentBackwards() ? offset + "  " + texts.text("sync.clock.backwards") : offset);
            if (s.lastPull() != null && !s.lastPull().equals(lastPullShown)) {
                lastPullShown = s.lastPull();
                conflicts.refresh(); // a pull may have brought new conflicts or resolutions
            }
        });
        listener.accept(engine.status());
    }

    private static JLabel value(String name) {
        JLabel l = new JLabel();
        l.setName(name);
        return l;
    }

    @Override
    public void addNotify() {
        super.addNotify();
        engine.addListener(listener);
    }

    @Override
    public void removeNotify() {
        engine.removeListener(listener);
        super.removeNotify();
    }
}
