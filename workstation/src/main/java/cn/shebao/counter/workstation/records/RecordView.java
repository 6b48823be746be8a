package cn.shebao.counter.workstation.records;

import cn.shebao.counter.workstation.citizen.CitizenProfile;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.CodeNames;
import cn.shebao.counter.workstation.citizen.ContributionHistory;
import cn.shebao.counter.workstation.citizen.RecordAccess;
import cn.shebao.counter.workstation.citizen.RecordAction;
import cn.shebao.counter.workstation.citizen.RecordTab;
import cn.shebao.counter.workstation.retirement.RetirementOutlook;
import cn.shebao.counter.workstation.ui.ErrorDialog;
import cn.shebao.counter.workstation.ui.Formats;
import cn.shebao.counter.workstation.ui.RowTableModel;
import cn.shebao.counter.workstation.ui.Tables;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.ScreenAction;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.Color;
import java.awt.Component;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableCellRenderer;
import net.miginfocom.swing.MigLayout;

/**
 * One opened record: the person in the header, a tab per part of the record loaded (and audited) only when
 * the clerk opens it, and the actions other features contribute (printing). Escape goes back to the search.
 */
final class RecordView extends JPanel {

    private static final long serialVersionUID = 1L;

    private final transient UiTasks tasks = new UiTasks("record-view");

    private final Texts texts;
    private final transient RecordSources sources;
    private final transient CitizenRecords.Opened opened;
    private final transient RecordColumns columns;
    private final JTabbedPane tabs = new JTabbedPane();
    private final Map<RecordTab, JPanel> tabPanels = new EnumMap<>(RecordTab.class);
    private final transient RecordParts parts = new RecordParts();

    /** Whose record this is. */
    UUID personId() {
        return opened.access().personId();
    }

    RecordView(Texts texts, RecordSources sources, CitizenRecords.Opened opened, List<RecordAction> actions, Runnable close) {
        super(new MigLayout("wrap 1, insets 12, gap 8", "[grow, fill]", "[][grow, fill]"));
        setName("record");
        this.texts = texts;
        this.sources = sources;
        this.opened = opened;
        this.columns = new RecordColumns(texts);
        CitizenProfile p = opened.profile();

        // Two rows: who and why, then the actions; one row would push the buttons off a 1024-pixel screen.
        JPanel header = new JPanel(new MigLayout("insets 0, gap 12, wrap 3", "[][][grow]"));
        JLabel name = new JLabel(p.name());
        name.setName("record.name");
        name.putClientProperty("FlatLaf.styleClass", "h2");
        header.add(name);
        JLabel id = new JLabel(p.citizenIdNumber());
        id.setName("record.idNumber");
        header.add(id);
        JLabel purpose = new JLabel(texts.text("record.purpose", texts.text("purpose." + opened.access().purpose().name())));
        purpose.setName("record.purposeLabel");
        header.add(purpose);
        JPanel buttons = new JPanel(new MigLayout("insets 0, gap 6"));
        for (RecordAction action : actions) {
            JButton b = new JButton(action.label());
            b.setName(action.name());
            b.addActionListener(e -> action.run().accept(opened, this));
            buttons.add(b);
        }
        // One action for the button and Escape; the key works in the focused window, since the focus may sit anywhere
        // in the record, or nowhere after a dialog closed.
        ScreenAction back = new ScreenAction("record.close", texts.text("record.close"), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                () -> true, close);
        back.bindKeyTo(this);
        buttons.add(back.button());
        header.add(buttons, "span 3");
        add(header);

        tabs.setName("record.tabs");
        for (RecordTab tab : RecordTab.values()) {
            JPanel panel = new JPanel(new MigLayout("wrap 1, insets 8", "[grow, fill]", "[grow, fill]"));
            panel.setName("record.tab." + tab.name());
            tabPanels.put(tab, panel);
            tabs.addTab(texts.text("tab." + tab.name()), panel);
        }
        tabPanels.get(RecordTab.BASIC).add(basic(p));
        tabs.addChangeListener(e -> load(RecordTab.values()[tabs.getSelectedIndex()]));
        add(tabs);
    }

    void selectTab(RecordTab tab) {
        tabs.setSelectedIndex(tab.ordinal());
    }

    private void load(RecordTab tab) {
        if (!parts.startReading(tab)) {
            return;
        }
        JPanel panel = tabPanels.get(tab);
        panel.removeAll(); // the error of an earlier attempt
        JLabel loading = new JLabel(texts.text("record.loading"));
        panel.add(loading);
        RecordAccess access = opened.access();
        switch (tab) {
            case CONTRIBUTIONS -> fill(tab, panel, () -> sources.records().contributions(access), this::contributions);
            case RETIREMENT -> fill(tab, panel, () -> sources.retirement().of(access), this::retirement);
            case PENSION_PAYMENTS -> fill(tab, panel, () -> sources.records().pensionPayments(access), rows -> table(columns.pensions(), rows, tab));
            case BENEFIT_ADJUSTMENTS -> fill(tab, panel, () -> sources.records().benefitAdjustments(access), rows -> table(columns.adjustments(), rows, tab));
            case MEDICAL_REIMBURSEMENTS -> fill(tab, panel, () -> sources.records().medicalReimbursements(access),
                    rows -> table(columns.reimbursements(), rows, tab));
            case WORK_INJURY -> fill(tab, panel, () -> sources.records().workInjuries(access), rows -> table(columns.injuries(), rows, tab));
            case MATERNITY -> fill(tab, panel, () -> sources.records().maternityBenefits(access), rows -> table(columns.maternity(), rows, tab));
            case SPECIFIED_DISEASES -> fill(tab, panel, () -> sources.records().specifiedDiseases(access), rows -> table(columns.diseases(), rows, tab));
            case DRUG_APPROVALS -> fill(tab, panel, () -> sources.drugApprovals().of(access), rows -> table(columns.drugApprovals(), rows, tab));
            case BASIC -> { }
        }
    }

    private <T> void fill(RecordTab tab, JPanel panel, Callable<T> read, Function<T, JComponent> view) {
        tasks.run(read, result -> {
            parts.read(tab);
            panel.removeAll();
            panel.add(view.apply(result));
            panel.revalidate();
            panel.repaint();
        }, error -> {
            parts.failed(tab);
            panel.removeAll();
            JLabel message = new JLabel(texts.describe(error));
            message.setName("record.error");
            JButton again = new JButton(texts.text("record.readAgain"));
            again.setName("record.readAgain");
            again.addActionListener(e -> load(tab));
            JPanel failure = new JPanel(new MigLayout("insets 0, gap 12"));
            failure.add(message);
            failure.add(again);
            panel.add(failure, "aligny top");
            panel.revalidate();
            ErrorDialog.show(this, texts, error);
        });
    }

    private <T> JComponent table(List<RowTableModel.Column<T>> cols, List<T> rows, RecordTab tab) {
        if (rows.isEmpty()) {
            JLabel none = new JLabel(texts.text("record.none"));
            none.setName("record." + tab.name() + ".none");
            return none;
        }
        RowTableModel<T> model = new RowTableModel<>(cols);
        model.setRows(rows);
        JTable table = Tables.fit(new JTable(model));
        table.setName("record." + tab.name() + ".table");
        return new JScrollPane(table);
    }

    private JComponent basic(CitizenProfile p) {
        JPanel panel = new JPanel(new MigLayout("wrap 4, insets 0, gap 8 6", "[right][grow, fill][right][grow, fill]",
                "[][][][][][][grow, fill]"));
        field(panel, "gender", texts.text("gender." + p.gender().name()));
        field(panel, "birthDate", Formats.date(p.birthDate()));
        field(panel, "status", texts.text("person." + p.status().name()));
        field(panel, "category", texts.text("category." + p.retirementCategory().name()));
        field(panel, "area", CodeNames.bundled().area(p.householdAreaCode()));
        field(panel, "cardNumber", p.socialSecurityCardNumber());
        field(panel, "employer", p.employerName());
        field(panel, "phone", p.phone());
        field(panel, "address", p.address());
        field(panel, "registeredOn", Formats.date(p.registeredOn()));
        field(panel, "firstWorkDate", Formats.date(p.firstWorkDate()));
        field(panel, "retiredOn", Formats.date(p.retiredOn()));
        RowTableModel<CitizenProfile.Participation> model = new RowTableModel<>(columns.participations());
        model.setRows(p.participations());
        JTable table = Tables.fit(new JTable(model));
        table.setName("record.participations");
        panel.add(new JScrollPane(table), "span 4, grow");
        return panel;
    }

    private void field(JPanel panel, String key, String value) {
        panel.add(new JLabel(texts.text("field." + key)));
        JLabel v = new JLabel(value == null || value.isEmpty() ? "—" : value);
        v.setName("field." + key);
        panel.add(v);
    }

    private JComponent contributions(ContributionHistory h) {
        JPanel panel = new JPanel(new MigLayout("wrap 1, insets 0, gap 6", "[grow, fill]", "[][grow 30, fill][][grow 70, fill][][grow 20, fill]"));
        CitizenProfile p = opened.profile();
        StringBuilder months = new StringBuilder();
        for (CitizenProfile.Participation pp : p.participations()) {
            months.append(texts.text("contributions.months", texts.text("insurance." + pp.type().name()), pp.months() / 12,
                    pp.months() % 12)).append("   ");
        }
        JLabel summary = new JLabel(months.toString().strip());
        summary.setName("contributions.summary");
        JPanel header = new JPanel(new MigLayout("wrap 1, insets 0, gap 2", "[grow, fill]"));
        header.add(summary);
        if (h.older() != ContributionHistory.OlderDetail.NONE) {
            JLabel older = new JLabel(h.older() == ContributionHistory.OlderDetail.INCLUDED
                    ? texts.text("contributions.older.included", h.localFrom() == null ? "—" : Formats.month(h.localFrom()))
                    : texts.text("contributions.older.atCentral"));
            older.setName("contributions.older");
            header.add(older);
        }
        panel.add(header);
        RowTableModel<ContributionHistory.YearTotal> years = new RowTableModel<>(columns.contributionYears());
        years.setRows(newestFirst(h.years()));
        JTable yearTable = Tables.fit(new JTable(years));
        yearTable.setName("contributions.years");
        panel.add(new JScrollPane(yearTable));
        JLabel arrears = new JLabel(h.arrearsMonths() == 0 ? texts.text("contributions.noArrears")
                : texts.text("contributions.arrears", h.arrearsMonths(), Formats.money(h.arrearsTotal())));
        arrears.setName("contributions.arrears");
        if (h.arrearsMonths() > 0) {
            arrears.setForeground(errorColour());
        }
        panel.add(arrears);
        RowTableModel<ContributionHistory.Line> lines = new RowTableModel<>(columns.contributionLines());
        lines.setRows(newestFirst(h.lines()));
        JTable lineTable = new JTable(lines);
        lineTable.setName("contributions.lines");
        lineTable.setDefaultRenderer(Object.class, new DefaultTableCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus, int row,
                    int column) {
                Component c = super.getTableCellRendererComponent(table, value, selected, focus, row, column);
                boolean owed = lines.row(table.convertRowIndexToModel(row)).arrears();
                c.setForeground(owed && !selected ? errorColour() : selected ? table.getSelectionForeground() : table.getForeground());
                return c;
            }
        });
        panel.add(new JScrollPane(lineTable));
        panel.add(new JLabel(texts.text("contributions.transfers")));
        RowTableModel<ContributionHistory.Transfer> transfers = new RowTableModel<>(columns.transfers());
        transfers.setRows(h.transfers());
        JTable transferTable = Tables.fit(new JTable(transfers));
        transferTable.setName("contributions.transfers");
        panel.add(new JScrollPane(transferTable));
        return panel;
    }

    private JComponent retirement(Optional<RetirementOutlook> outlook) {
        if (outlook.isEmpty()) {
            JLabel retired = new JLabel(texts.text("retirement.alreadyRetired", Formats.date(opened.profile().retiredOn())));
            retired.setName("retirement.retired");
            return retired;
        }
        RetirementOutlook o = outlook.get();
        JPanel panel = new JPanel(new MigLayout("wrap 2, insets 0, gap 12 8", "[right][grow, fill]"));
        field(panel, "retirementAge", texts.text("retirement.age", o.age().getYears(), o.age().getMonths()));
        field(panel, "retirementDate", Formats.date(o.date()));
        field(panel, "originalAge", texts.text("retirement.originalAge", o.originalYears(), Formats.date(o.originalDate())));
        field(panel, "minimumContribution", texts.text("retirement.minimum", o.requiredMonths() / 12, o.requiredMonths() % 12));
        field(panel, "contributedMonths", texts.text("retirement.contributed", o.contributedMonths() / 12, o.contributedMonths() % 12));
        field(panel, "minimumMet", o.minimumMet() ? texts.text("retirement.met", o.projectedMonths() / 12, o.projectedMonths() % 12)
                : texts.text("retirement.shortfall", o.shortfallMonths()));
        field(panel, "earlyWindow", o.earliest() == null ? texts.text("retirement.noEarly")
                : texts.text("retirement.window", Formats.date(o.earliest()), Formats.date(o.date())));
        field(panel, "lateWindow", texts.text("retirement.window", Formats.date(o.date()), Formats.date(o.latest())));
        return panel;
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> copy = new ArrayList<>(oldestFirst);
        Collections.reverse(copy);
        return copy;
    }

    private static Color errorColour() {
        return UIManager.getColor("Shebao.error");
    }

}
