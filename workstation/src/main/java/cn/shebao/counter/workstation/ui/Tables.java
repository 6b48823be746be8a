package cn.shebao.counter.workstation.ui;

import java.awt.Component;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumn;

/**
 * Tables that fit what they hold: each column as wide as its header and its widest cell (of the first rows), amounts
 * right-aligned, and a tooltip with the whole text wherever a cell is too narrow to show it. Call on the EDT after
 * the rows are set, and again when they change.
 */
public final class Tables {

    /** Rows measured for the widths: enough for a record's tabs, cheap for a long search result. */
    static final int MEASURED_ROWS = 200;
    private static final int PADDING = 14;

    private Tables() {
    }

    public static JTable fit(JTable table) {
        table.setAutoResizeMode(JTable.AUTO_RESIZE_SUBSEQUENT_COLUMNS);
        widen(table);
        // Rows set later (a search result, a refreshed list) are measured again.
        table.getModel().addTableModelListener(e -> widen(table));
        return table;
    }

    private static void widen(JTable table) {
        RowTableModel<?> rows = table.getModel() instanceof RowTableModel<?> m ? m : null;
        for (int c = 0; c < table.getColumnCount(); c++) {
            TableColumn column = table.getColumnModel().getColumn(c);
            int model = table.convertColumnIndexToModel(c);
            column.setCellRenderer(new FittedRenderer(rows != null && rows.isAmount(model)));
            column.setPreferredWidth(widthOf(table, c));
        }
    }

    private static int widthOf(JTable table, int column) {
        TableCellRenderer header = table.getTableHeader() == null ? null : table.getTableHeader().getDefaultRenderer();
        int width = 0;
        if (header != null) {
            Component h = header.getTableCellRendererComponent(table, table.getColumnName(column), false, false, -1, column);
            width = h.getPreferredSize().width;
        }
        for (int r = 0; r < Math.min(table.getRowCount(), MEASURED_ROWS); r++) {
            Component cell = table.prepareRenderer(table.getCellRenderer(r, column), r, column);
            width = Math.max(width, cell.getPreferredSize().width);
        }
        return width + PADDING;
    }

    /** Aligns amounts right and shows the whole text as a tooltip when the column cuts it off. */
    static final class FittedRenderer extends DefaultTableCellRenderer {
        private static final long serialVersionUID = 1L;

        FittedRenderer(boolean amount) {
            setHorizontalAlignment(amount ? SwingConstants.TRAILING : SwingConstants.LEADING);
        }

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean isSelected, boolean hasFocus,
                int row, int column) {
            Component c = super.getTableCellRendererComponent(table, value, isSelected, hasFocus, row, column);
            if (c instanceof JLabel label) {
                String text = label.getText();
                int available = table.getColumnModel().getColumn(column).getWidth() - 4;
                ((JComponent) c).setToolTipText(text != null && !text.isEmpty()
                        && label.getPreferredSize().width > available ? text : null);
            }
            return c;
        }
    }
}
