package cn.shebao.counter.workstation.ui;

import java.util.List;
import java.util.function.Function;
import javax.swing.table.AbstractTableModel;

/** A read-only table of rows of one type, its columns given as translated headers and value functions. */
public final class RowTableModel<T> extends AbstractTableModel {

    private static final long serialVersionUID = 1L;

    /** One column: its header (already translated) and how to get its value from a row. */
    public record Column<T>(String header, Function<T, Object> value) {
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
