package cn.shebao.counter.workstation.ui;

import java.util.List;
import java.util.function.Function;
import javax.swing.table.AbstractTableModel;

/** A read-only table of rows of one type, its columns given as translated headers and value functions. */
public final class RowTableModel<T> extends AbstractTableModel {

    private static final long serialVersionUID = 1L;

    /**
     * One column: its header (already translated), how to get its value from a row, and whether it holds amounts
     * (right-aligned, so the digits of a column line up as on a printed statement).
     */
    public record Column<T>(String header, Function<T, Object> value, boolean amount) {
        public Column(String header, Function<T, Object> value) {
            this(header, value, false);
        }

        /** A column of amounts or counts, shown right-aligned. */
        public static <T> Column<T> amount(String header, Function<T, Object> value) {
            return new Column<>(header, value, true);
        }
    }

    private final transient List<Column<T>> columns;
    private transient List<T> rows = List.of();

    public RowTableModel(List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
    }

    public void setRows(List<T> newRows) {
        rows = List.copyOf(newRows);
        fireTableDataChanged();
    }

    public T row(int index) {
        return rows.get(index);
    }

    public List<T> rows() {
        return rows;
    }

    /** True when the column holds amounts (see {@link Tables#fit}). */
    public boolean isAmount(int column) {
        return columns.get(column).amount();
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public String getColumnName(int column) {
        return columns.get(column).header();
    }

    @Override
    public Object getValueAt(int row, int column) {
        Object value = columns.get(column).value().apply(rows.get(row));
        return value == null ? "" : value;
    }
}
