package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.command.SyncConflict;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.sync.ConflictQueue;
import cn.shebao.counter.workstation.ui.ErrorDialog;
import cn.shebao.counter.workstation.ui.FormDialog;
import cn.shebao.counter.workstation.ui.Formats;
import cn.shebao.counter.workstation.ui.RowTableModel;
import cn.shebao.counter.workstation.ui.Tables;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;

/** The open conflicts with both sides in words; a supervisor resolves one with a note (itself a command). */
final class ConflictQueuePanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final transient UiTasks tasks = new UiTasks("conflict-queue-panel");

    private final Texts texts;
    private final transient ConflictQueue queue;
    private final RowTableModel<SyncConflict> model;
    private final JLabel count = new JLabel(" ");

    ConflictQueuePanel(Texts texts, StaffSession session, ConflictQueue queue) {
        super(new MigLayout("wrap 1, insets 0, gap 6", "[grow, fill]", "[][grow, fill][]"));
        this.texts = texts;
        this.queue = queue;
        setName("conflicts");
        model = new RowTableModel<>(List.of(
                new RowTableModel.Column<>(texts.text("column.createdAt"), c -> Formats.time(c.getCreatedAt(), ZoneId.systemDefault())),
                new RowTableModel.Column<>(texts.text("column.workstation"), SyncConflict::getNodeCode),
                new RowTableModel.Column<>(texts.text("column.conflictKind"),
                        c -> texts.textOr("conflict." + c.getConflictKind(), c.getConflictKind())),
                new RowTableModel.Column<>(texts.text("column.detail"),
                        c -> c.getDetail() == null ? "" : texts.textOr("conflict.rule." + c.getDetail(), c.getDetail()))));
        count.setName("conflicts.count");
        add(count);
        JTable table = Tables.fit(new JTable(model));
        table.setName("conflicts.table");
        add(new JScrollPane(table));
        JButton resolve = new JButton(texts.text("conflicts.resolve"));
        resolve.setName("conflicts.resolve");
        resolve.setVisible(session.has(StaffRole.SUPERVISOR));
        resolve.addActionListener(e -> {
            int row = table.getSelectedRow();
            if (row < 0) {
                return;
            }
            SyncConflict c = model.row(table.convertRowIndexToModel(row));
            JTextField note = new JTextField(40);
            note.setName("conflicts.noteField");
            JPasswordField password = new JPasswordField(20);
            password.setName("conflicts.password");
            JPanel form = new JPanel(new MigLayout("wrap 1, insets 0", "[grow, fill]"));
            form.add(new JLabel(texts.text("conflicts.note")));
            form.add(note);
            form.add(new JLabel(texts.text("conflicts.password")));
            form.add(password);
            if (FormDialog.confirm(this, form, texts.text("conflicts.resolve"), note, JOptionPane.QUESTION_MESSAGE)) {
                String typed = note.getText();
                char[] secret = password.getPassword();
                tasks.run(() -> {
                    try {
                        queue.resolve(session, secret, c.getId(), typed);
                    } finally {
                        Arrays.fill(secret, '\0');
                    }
                    return c;
                }, done -> refresh(), error -> ErrorDialog.show(this, texts, error));
            }
        });
        add(resolve, "left, growx 0");
        refresh();
    }

    void refresh() {
        tasks.run(queue::open, open -> {
            model.setRows(open);
            count.setText(texts.text("conflicts.count", open.size()));
        }, error -> count.setText(texts.describe(error)));
    }
}
