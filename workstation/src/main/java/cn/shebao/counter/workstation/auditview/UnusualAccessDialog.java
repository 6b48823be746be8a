package cn.shebao.counter.workstation.auditview;

import cn.shebao.counter.workstation.audit.UnusualAccess;
import cn.shebao.counter.workstation.ui.Formats;
import cn.shebao.counter.workstation.ui.RowTableModel;
import cn.shebao.counter.workstation.ui.Tables;
import cn.shebao.counter.workstation.ui.Texts;
import java.awt.Component;
import java.awt.Dimension;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import net.miginfocom.swing.MigLayout;

/** The unusual-access report's two dialogs: the thresholds the supervisor sets, and what was found. */
final class UnusualAccessDialog {

    private UnusualAccessDialog() {
    }

    /** The thresholds, starting from {@code start}; empty when cancelled. A bad time is said and asked again. */
    static Optional<UnusualAccess.Thresholds> ask(Component owner, Texts texts, UnusualAccess.Thresholds start) {
        JSpinner without = new JSpinner(new SpinnerNumberModel(start.openingsWithoutCitizenPerDay(), 1, 10_000, 1));
        without.setName("unusual.withoutCitizen");
        JTextField opens = new JTextField(start.opens().toString(), 6);
        opens.setName("unusual.opens");
        JTextField closes = new JTextField(start.closes().toString(), 6);
        closes.setName("unusual.closes");
        JSpinner windows = new JSpinner(new SpinnerNumberModel(start.windowsPerCitizenPerDay(), 2, 100, 1));
        windows.setName("unusual.windows");
        JPanel form = new JPanel(new MigLayout("wrap 2, insets 0, gap 8", "[right][fill]"));
        form.add(new JLabel(texts.text("unusual.withoutCitizen")));
        form.add(without);
        form.add(new JLabel(texts.text("unusual.hours")));
        JPanel hours = new JPanel(new MigLayout("insets 0, gap 4"));
        hours.add(opens);
        hours.add(new JLabel("–"));
        hours.add(closes);
        form.add(hours);
        form.add(new JLabel(texts.text("unusual.windows")));
        form.add(windows);
        while (JOptionPane.showConfirmDialog(owner, form, texts.text("unusual.title"), JOptionPane.OK_CANCEL_OPTION)
                == JOptionPane.OK_OPTION) {
            try {
                return Optional.of(new UnusualAccess.Thresholds((Integer) without.getValue(), LocalTime.parse(opens.getText().strip()),
                        LocalTime.parse(closes.getText().strip()), start.openDays(), (Integer) windows.getValue()));
            } catch (DateTimeParseException bad) {
                JOptionPane.showMessageDialog(owner, texts.text("unusual.badTime"));
            }
        }
        return Optional.empty();
    }

    static void show(Component owner, Texts texts, List<UnusualAccess.Finding> findings, ZoneId zone) {
        RowTableModel<UnusualAccess.Finding> model = new RowTableModel<>(List.of(
                new RowTableModel.Column<>(texts.text("unusual.column.kind"), f -> texts.text("unusual.kind." + f.kind().name())),
                new RowTableModel.Column<>(texts.text("unusual.column.day"), f -> Formats.date(f.day())),
                new RowTableModel.Column<>(texts.text("unusual.column.who"), f -> f.staffName() != null ? f.staffName()
                        : texts.text("unusual.record", f.subjectId() == null ? "" : f.subjectId().substring(0, Math.min(8, f.subjectId().length())))),
                new RowTableModel.Column<>(texts.text("unusual.column.count"), UnusualAccess.Finding::count),
                new RowTableModel.Column<>(texts.text("unusual.column.where"), f -> (f.at() == null ? "" : Formats.time(f.at(), zone) + " ")
                        + (f.workstationCode() == null ? "" : f.workstationCode()))));
        model.setRows(findings);
        JTable table = Tables.fit(new JTable(model));
        table.setName("unusual.table");
        JScrollPane pane = new JScrollPane(table);
        pane.setPreferredSize(new Dimension(720, 300));
        JPanel panel = new JPanel(new MigLayout("wrap 1, insets 0", "[grow, fill]", "[][grow, fill]"));
        panel.add(new JLabel(findings.isEmpty() ? texts.text("unusual.none") : texts.text("unusual.found", findings.size())));
        panel.add(pane);
        JOptionPane.showMessageDialog(owner, panel, texts.text("unusual.title"), JOptionPane.PLAIN_MESSAGE);
    }
}
