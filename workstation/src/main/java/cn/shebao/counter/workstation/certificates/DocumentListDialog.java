package cn.shebao.counter.workstation.certificates;

import cn.shebao.counter.workstation.ui.Formats;
import cn.shebao.counter.workstation.ui.Keys;
import cn.shebao.counter.workstation.ui.RowTableModel;
import cn.shebao.counter.workstation.ui.Tables;
import cn.shebao.counter.workstation.ui.Texts;
import java.awt.Window;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import net.miginfocom.swing.MigLayout;

/** The documents issued to this citizen, newest first, with a reprint of the selected one. */
final class DocumentListDialog extends JDialog {

    private static final long serialVersionUID = 1L;

    private DocumentListDialog(Window owner, Texts texts, List<DocumentRegister.Entry> entries,
            Consumer<DocumentRegister.Entry> reprint) {
        super(owner, texts.text("document.list.title"), ModalityType.APPLICATION_MODAL);
        setName("document.list");
        RowTableModel<DocumentRegister.Entry> model = new RowTableModel<>(List.of(
                new RowTableModel.Column<>(texts.text("column.documentNumber"), DocumentRegister.Entry::number),
                new RowTableModel.Column<>(texts.text("column.documentType"), e -> texts.text("document." + e.type().name())),
                new RowTableModel.Column<>(texts.text("column.issuedAt"),
                        e -> Formats.time(e.issuedAt(), ZoneId.systemDefault())),
                new RowTableModel.Column<>(texts.text("column.workstation"), DocumentRegister.Entry::workstationCode),
                new RowTableModel.Column<>(texts.text("column.reprint"), e -> e.reprint() ? texts.text("document.isReprint") : "")));
        model.setRows(entries);
        JTable table = Tables.fit(new JTable(model));
        table.setName("document.list.table");
        JPanel panel = new JPanel(new MigLayout("wrap 1, insets 12", "[grow, fill]", "[grow, fill][]"));
        panel.add(new JScrollPane(table));
        JButton again = new JButton(texts.text("document.reprint"));
        again.setName("document.reprint");
        again.addActionListener(e -> {
            int row = table.getSelectedRow();
            if (row >= 0) {
                dispose();
                reprint.accept(model.row(table.convertRowIndexToModel(row)));
            }
        });
        JButton close = new JButton(texts.text("common.close"));
        close.addActionListener(e -> dispose());
        panel.add(again, "split 2, tag ok");
        panel.add(close, "tag cancel");
        setContentPane(panel);
        Keys.closeOnEscape(this);
        setSize(760, 400);
        setLocationRelativeTo(owner);
    }

    static void show(Window owner, Texts texts, List<DocumentRegister.Entry> entries, Consumer<DocumentRegister.Entry> reprint) {
        new DocumentListDialog(owner, texts, entries, reprint).setVisible(true);
    }
}
