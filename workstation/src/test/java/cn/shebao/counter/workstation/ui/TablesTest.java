package cn.shebao.counter.workstation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** Issue 18: columns as wide as what they hold, amounts right-aligned, the whole text on a cut-off cell. */
class TablesTest {

    private record Line(String hospital, String amount) {
    }

    private static final List<RowTableModel.Column<Line>> COLUMNS = List.of(
            new RowTableModel.Column<>("医院", Line::hospital), RowTableModel.Column.amount("金额", Line::amount));

    @Test
    void widthsFollowTheContentAndAmountsAreRightAligned() throws Exception {
        AtomicReference<AssertionError> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                RowTableModel<Line> model = new RowTableModel<>(COLUMNS);
                model.setRows(List.of(new Line("浙江大学医学院附属第一医院（庆春院区）", "1,234.56")));
                JTable table = Tables.fit(new JTable(model));
                int hospital = table.getColumnModel().getColumn(0).getPreferredWidth();
                int amount = table.getColumnModel().getColumn(1).getPreferredWidth();
                assertThat(hospital).isGreaterThan(amount * 2);
                assertThat(label(table, 0, 1).getHorizontalAlignment()).isEqualTo(SwingConstants.TRAILING);
                assertThat(label(table, 0, 0).getHorizontalAlignment()).isEqualTo(SwingConstants.LEADING);

                model.setRows(List.of(new Line("杭州市第一人民医院", "12,345,678.90")));
                assertThat(table.getColumnModel().getColumn(1).getPreferredWidth()).as("measured again on new rows")
                        .isGreaterThan(amount);
                assertThat(table.getColumnModel().getColumn(0).getPreferredWidth()).isLessThan(hospital);
            } catch (AssertionError e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Test
    void aCellTooNarrowForItsTextShowsItAsATooltip() throws Exception {
        AtomicReference<AssertionError> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                RowTableModel<Line> model = new RowTableModel<>(COLUMNS);
                String name = "浙江大学医学院附属第一医院（庆春院区）";
                model.setRows(List.of(new Line(name, "1.00")));
                JTable table = Tables.fit(new JTable(model));
                table.getColumnModel().getColumn(0).setWidth(40);
                assertThat(((JComponent) label(table, 0, 0)).getToolTipText()).isEqualTo(name);
                table.getColumnModel().getColumn(0).setWidth(table.getColumnModel().getColumn(0).getPreferredWidth());
                assertThat(((JComponent) label(table, 0, 0)).getToolTipText()).isNull();
            } catch (AssertionError e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static JLabel label(JTable table, int row, int column) {
        return (JLabel) table.prepareRenderer(table.getCellRenderer(row, column), row, column);
    }
}
