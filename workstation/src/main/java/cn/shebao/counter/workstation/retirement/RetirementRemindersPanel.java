package cn.shebao.counter.workstation.retirement;

import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.Formats;
import cn.shebao.counter.workstation.ui.RowTableModel;
import cn.shebao.counter.workstation.ui.Tables;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.SpinnerNumberModel;
import net.miginfocom.swing.MigLayout;

/** The citizens reaching statutory retirement in the next months; a line opens the record (with a purpose). */
public final class RetirementRemindersPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final transient UiTasks tasks = new UiTasks("retirement-reminders-panel");

    private final JSpinner months = new JSpinner(new SpinnerNumberModel(6, 1, 36, 1));
    private final JLabel message = new JLabel(" ");
    private final RowTableModel<RetirementReminders.Reminder> model;
    private final JTable table;

    public RetirementRemindersPanel(Texts texts, StaffSession staff, RetirementReminders reminders, Clock clock,
            Consumer<UUID> openRecord) {
        super(new MigLayout("wrap 1, insets 12, gap 8", "[grow, fill]", "[][][grow, fill]"));
        setName("reminders");
        model = new RowTableModel<>(List.of(
                new RowTableModel.Column<>(texts.text("column.retirementDate"), r -> Formats.date(r.retirementDate())),
                new RowTableModel.Column<>(texts.text("column.name"), RetirementReminders.Reminder::name),
                new RowTableModel.Column<>(texts.text("column.idNumber"), RetirementReminders.Reminder::maskedIdNumber),
                new RowTableModel.Column<>(texts.text("column.birthDate"), r -> Formats.date(r.birthDate())),
                new RowTableModel.Column<>(texts.text("column.category"), r -> texts.text("category." + r.category().name()))));
        table = Tables.fit(new JTable(model));
        table.setName("reminders.table");
        JPanel form = new JPanel(new MigLayout("insets 0, gap 8"));
        form.add(new JLabel(texts.text("reminders.months")));
        months.setName("reminders.months");
        form.add(months);
        JButton show = new JButton(texts.text("reminders.show"));
        show.setName("reminders.show");
        form.add(show);
        add(form);
        message.setName("reminders.message");
        add(message);
        add(new JScrollPane(table));
        show.addActionListener(e -> {
            int n = (Integer) months.getValue();
            LocalDate today = LocalDate.now(clock);
            message.setText(texts.text("reminders.loading"));
            tasks.run(() -> reminders.dueWithin(staff, today, n), due -> {
                model.setRows(due);
                message.setText(due.size() >= RetirementReminders.LIMIT ? texts.text("reminders.truncated", RetirementReminders.LIMIT)
                        : texts.text("reminders.count", due.size(), n));
            }, error -> message.setText(texts.describe(error)));
        });
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int row = table.getSelectedRow();
                if (e.getClickCount() == 2 && row >= 0) {
                    openRecord.accept(model.row(table.convertRowIndexToModel(row)).personId());
                }
            }
        });
    }
}
