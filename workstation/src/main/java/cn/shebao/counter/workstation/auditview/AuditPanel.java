package cn.shebao.counter.workstation.auditview;

import cn.shebao.counter.workstation.audit.AuditFilter;
import cn.shebao.counter.workstation.audit.AuditQuery;
import cn.shebao.counter.workstation.audit.AuditSort;
import cn.shebao.counter.workstation.audit.AuditVerification;
import cn.shebao.counter.workstation.audit.AuditVerifier;
import cn.shebao.counter.workstation.audit.UnusualAccess;
import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.Buttons;
import cn.shebao.counter.workstation.ui.RowTableModel;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListCellRenderer;
import javax.swing.ListSelectionModel;
import javax.swing.SwingWorker;
import javax.swing.UIManager;
import javax.swing.filechooser.FileNameExtensionFilter;
import net.miginfocom.swing.MigLayout;

/**
 * F8, supervisors and administrators: the window's audit, filtered, sorted by any column (click a header; again to
 * turn the order), a page at a time, with one event's details, a verification of the whole chain with progress and an
 * export with its manifest. All reading happens off the Event Dispatch Thread; a result that arrives after a newer
 * search was asked for is dropped, so the table always shows the last question asked.
 */
public final class AuditPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final transient UiTasks tasks = new UiTasks("audit-panel");
    static final int PAGE = 100;
    /** The action groups offered in the filter (prefixes of the action codes). */
    static final List<String> ACTION_GROUPS = List.of("", "citizen.record", "document", "identity", "credential", "drug", "login",
            "password", "staff", "session", "conflict", "audit", "workstation");
    private static final AuditSort[] COLUMN_SORT = {AuditSort.SEQUENCE, AuditSort.TIME, AuditSort.WORKSTATION, AuditSort.STAFF,
        AuditSort.ACTION, AuditSort.SUBJECT, AuditSort.PURPOSE, AuditSort.OUTCOME};

    private final Texts texts;
    private final transient StaffSession staff;
    private final transient AuditSearch search;
    private final transient AuditExport export;
    private final transient AuditVerifier verifier;
    private final ZoneId zone;
    private final transient AuditWording words;

    private final JTextField from = field("audit.filter.from", 10);
    private final JTextField to = field("audit.filter.to", 10);
    private final JTextField citizen = field("audit.filter.citizen", 18);
    private final JComboBox<Object> staffFilter = new JComboBox<>();
    private final JTextField workstation = field("audit.filter.workstation", 10);
    private final JComboBox<String> action = new JComboBox<>(ACTION_GROUPS.toArray(String[]::new));
    private final JComboBox<String> purpose = new JComboBox<>();
    private final JComboBox<AuditFilter.Outcome> outcome = new JComboBox<>(AuditFilter.Outcome.values());
    private final JComboBox<AuditSearch.Scope> scope = new JComboBox<>(AuditSearch.Scope.values());
    private final RowTableModel<AuditQuery.Row> model;
    private final JTable table;
    private final JLabel paging = new JLabel(" ");
    private final JTextArea details = new JTextArea(4, 60);
    private final JLabel message = new JLabel(" ");
    private final JLabel verifyResult = new JLabel(" ");
    private final JProgressBar verifyProgress = new JProgressBar();
    private final JButton previous;
    private final JButton next;

    private transient AuditFilter filter = AuditFilter.everything();
    private AuditSearch.Scope searched = AuditSearch.Scope.WINDOW;
    private String searchedCitizen;
    private String searchedStaff;
    private transient UnusualAccess.Thresholds thresholds;
    private AuditSort sort = AuditSort.TIME;
    private boolean ascending;
    private int offset;
    private long total;
    private int generation;

    /** @param hall the hall's opening hours and thresholds as configured: where the unusual-access report starts */
    public AuditPanel(Texts texts, StaffSession staff, AuditSearch search, AuditExport export, AuditVerifier verifier,
            UnusualAccess.Thresholds hall, ZoneId zone) {
        super(new MigLayout("wrap 1, insets 12, gap 6", "[grow, fill]", "[][grow, fill][][][][][]"));
        this.texts = texts;
        this.staff = staff;
        this.search = search;
        this.export = export;
        this.verifier = verifier;
        this.zone = zone;
        this.words = new AuditWording(texts, zone);
        this.thresholds = hall;
        setName("feature.AUDIT");
        from.setText(LocalDate.now(zone).minusDays(30).toString());

        JPanel filters = new JPanel(new MigLayout("insets 0, gap 6, wrap 8", "[right][fill][right][fill][right][fill][right][fill]"));
        label(filters, "audit.filter.from", from);
        label(filters, "audit.filter.to", to);
        label(filters, "audit.filter.citizen", citizen);
        staffFilter.setName("audit.filter.staff");
        staffFilter.addItem(texts.text("audit.filter.anyone"));
        label(filters, "audit.filter.staff", staffFilter);
        label(filters, "audit.filter.workstation", workstation);
        action.setName("audit.filter.action");
        action.setRenderer(AuditPanel.<String>labelled(a -> a.isEmpty() ? texts.text("audit.filter.anyAction") : texts.textOr("audit.actionGroup." + a, a)));
        label(filters, "audit.filter.action", action);
        purpose.setName("audit.filter.purpose");
        purpose.setModel(new DefaultComboBoxModel<>(purposes()));
        purpose.setRenderer(AuditPanel.<String>labelled(p -> p.isEmpty() ? texts.text("audit.filter.anyPurpose") : texts.textOr("purpose." + p, p)));
        label(filters, "audit.filter.purpose", purpose);
        outcome.setName("audit.filter.outcome");
        outcome.setRenderer(AuditPanel.<AuditFilter.Outcome>labelled(o -> texts.text("audit.outcome." + o.name())));
        label(filters, "audit.filter.outcome", outcome);
        scope.setName("audit.filter.scope");
        scope.setRenderer(AuditPanel.<AuditSearch.Scope>labelled(o -> texts.text("audit.scope." + o.name())));
        JButton find = button("audit.search", this::newSearch);
        for (JTextField typed : List.of(from, to, citizen, workstation)) {
            typed.addActionListener(e -> newSearch()); // Enter in any field searches: keyboard first
        }
        // The scope and the button on a line of their own, on the left under the fields they apply.
        JPanel ask = new JPanel(new MigLayout("insets 0, gap 6"));
        JLabel scopeLabel = new JLabel(texts.text("audit.filter.scope"));
        scopeLabel.setLabelFor(scope);
        ask.add(scopeLabel);
        ask.add(scope);
        ask.add(find);
        filters.add(ask, "span, left");
        add(filters);

        model = new RowTableModel<>(List.of(
                new RowTableModel.Column<>(texts.text("audit.column.sequence"), AuditQuery.Row::sequence),
                new RowTableModel.Column<>(texts.text("audit.column.time"), r -> words.time(r.occurredAt())),
                new RowTableModel.Column<>(texts.text("audit.column.workstation"), AuditQuery.Row::workstationCode),
                new RowTableModel.Column<>(texts.text("audit.column.staff"), AuditQuery.Row::actorName),
                new RowTableModel.Column<>(texts.text("audit.column.action"), r -> words.action(r.action())),
                new RowTableModel.Column<>(texts.text("audit.column.subject"), words::subject),
                new RowTableModel.Column<>(texts.text("audit.column.purpose"), words::purpose),
                new RowTableModel.Column<>(texts.text("audit.column.outcome"), words::outcome)));
        table = new JTable(model);
        table.setName("audit.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.getTableHeader().setName("audit.header");
        table.getTableHeader().addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int column = table.columnAtPoint(e.getPoint());
                if (column >= 0) {
                    sortBy(COLUMN_SORT[table.convertColumnIndexToModel(column)]);
                }
            }
        });
        table.getSelectionModel().addListSelectionListener(e -> showDetails());
        int[] widths = {60, 150, 90, 110, 190, 150, 170, 110}; // the time whole, the action readable, the number short
        for (int c = 0; c < widths.length; c++) {
            table.getColumnModel().getColumn(c).setPreferredWidth(widths[c]);
        }
        add(new JScrollPane(table));

        previous = button("audit.previous", () -> turn(-PAGE));
        next = button("audit.next", () -> turn(PAGE));
        paging.setName("audit.paging");
        JPanel pages = new JPanel(new MigLayout("insets 0, gap 8"));
        pages.add(previous);
        pages.add(next);
        pages.add(paging);
        add(pages);

        details.setName("audit.details");
        details.setEditable(false);
        details.setLineWrap(true);
        add(new JScrollPane(details), "hmin 70");

        verifyProgress.setName("audit.verifyProgress");
        verifyProgress.setStringPainted(true);
        verifyProgress.setVisible(false);
        verifyResult.setName("audit.verifyResult");
        JPanel tools = new JPanel(new MigLayout("insets 0, gap 8"));
        tools.add(button("audit.verify", this::verify));
        tools.add(verifyProgress, "w 200!");
        tools.add(button("audit.unusual", this::unusual), "gapleft 24");
        tools.add(button("audit.chains", this::showChains));
        tools.add(button("audit.export", this::export));
        add(tools);
        add(verifyResult, "wmin 0");
        message.setName("audit.message");
        add(message, "wmin 0");

        tasks.run(() -> search.staff(staff), members -> members.forEach(staffFilter::addItem), this::failed);
        newSearch();
    }

    private String[] purposes() {
        List<String> values = new ArrayList<>();
        values.add("");
        for (AccessPurpose p : AccessPurpose.values()) {
            values.add(p.name());
        }
        return values.toArray(String[]::new);
    }

    /** A new question: the filter as typed now, from its first page. */
    private void newSearch() {
        Instant fromInstant;
        Instant toInstant;
        try {
            fromInstant = from.getText().isBlank() ? null : LocalDate.parse(from.getText().strip()).atStartOfDay(zone).toInstant();
            // "To" is a whole day: events of that day are included.
            toInstant = to.getText().isBlank() ? null : LocalDate.parse(to.getText().strip()).plusDays(1).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException bad) {
            message.setText(texts.text("audit.error.badDate"));
            return;
        }
        String typedId = citizen.getText();
        Object chosen = staffFilter.getSelectedItem();
        UUID actor = chosen instanceof AuditSearch.StaffMember m ? m.id() : null;
        String actorName = chosen instanceof AuditSearch.StaffMember m ? m.toString() : null;
        String ws = workstation.getText();
        String act = (String) action.getSelectedItem();
        String why = (String) purpose.getSelectedItem();
        AuditFilter.Outcome result = (AuditFilter.Outcome) outcome.getSelectedItem();
        AuditSearch.Scope where = (AuditSearch.Scope) scope.getSelectedItem();
        int asked = ++generation;
        message.setText(texts.text("audit.searching"));
        tasks.run(() -> {
            UUID person = null;
            String shown = null;
            if (!typedId.isBlank()) {
                AuditSearch.Subject subject = search.citizen(staff, typedId)
                        .orElseThrow(() -> new LocalizedException("citizen.error.notFound"));
                person = subject.personId();
                shown = subject.maskedIdNumber();
            }
            AuditFilter f = new AuditFilter(fromInstant, toInstant, person, actor, ws, act, why, result);
            return new Asked(f, where, shown, search.search(staff, where, f, sort, ascending, 0, PAGE));
        }, answer -> {
            if (asked != generation) {
                return; // a newer search was asked for while this one ran
            }
            filter = answer.filter();
            searched = answer.scope();
            searchedCitizen = answer.maskedIdNumber();
            searchedStaff = actorName;
            if (answer.maskedIdNumber() != null) {
                citizen.setText(answer.maskedIdNumber()); // the whole number stays on screen no longer than it was typed
            }
            show(answer.page());
        }, this::failed);
    }

    private record Asked(AuditFilter filter, AuditSearch.Scope scope, String maskedIdNumber, AuditQuery.Page page) {
    }

    private void sortBy(AuditSort column) {
        ascending = column != sort || !ascending; // a new column starts ascending; the same one again turns the order
        sort = column;
        reload(0);
    }

    private void turn(int delta) {
        reload(Math.max(0, offset + delta));
    }

    /** The same question again at another page or in another order. */
    private void reload(int newOffset) {
        AuditFilter f = filter;
        AuditSearch.Scope where = searched;
        AuditSort s = sort;
        boolean asc = ascending;
        int asked = ++generation;
        message.setText(texts.text("audit.searching"));
        tasks.run(() -> search.search(staff, where, f, s, asc, newOffset, PAGE), page -> {
            if (asked == generation) {
                show(page);
            }
        }, this::failed);
    }

    private void show(AuditQuery.Page page) {
        offset = page.offset();
        total = page.total();
        model.setRows(page.rows());
        details.setText("");
        paging.setText(total == 0 ? texts.text("audit.paging.none")
                : texts.text("audit.paging", offset + 1, offset + page.rows().size(), total));
        previous.setEnabled(offset > 0);
        next.setEnabled(offset + page.rows().size() < total);
        message.setText(texts.text("audit.sortedBy", texts.text("audit.sort." + sort.name()),
                texts.text(ascending ? "audit.ascending" : "audit.descending")));
    }

    private void showDetails() {
        int row = table.getSelectedRow();
        if (row < 0) {
            return;
        }
        AuditQuery.Row r = model.row(table.convertRowIndexToModel(row));
        details.setText(texts.text("audit.detailsText", r.sequence(), words.time(r.occurredAt()), r.workstationCode(),
                r.actorName(), words.action(r.action()), r.action(),
                r.subjectType() == null ? "—" : texts.textOr("audit.subject." + r.subjectType(), r.subjectType()),
                r.subjectId() == null ? "—" : r.subjectId(), r.purpose() == null ? "—" : words.purpose(r),
                r.detail() == null ? "—" : r.detail()));
        details.setCaretPosition(0);
    }

    private void verify() {
        verifyResult.setText(texts.text("audit.verifying"));
        verifyProgress.setVisible(true);
        verifyProgress.setIndeterminate(true);
        new SwingWorker<AuditVerification, Long>() {
            private long length;

            @Override
            protected AuditVerification doInBackground() {
                length = verifier.headSequence();
                return verifier.verify(this::publish);
            }

            @Override
            protected void process(List<Long> checked) {
                verifyProgress.setIndeterminate(false);
                verifyProgress.setMaximum((int) Math.min(Integer.MAX_VALUE, Math.max(1, length)));
                verifyProgress.setValue((int) Math.min(Integer.MAX_VALUE, checked.get(checked.size() - 1)));
            }

            @Override
            protected void done() {
                verifyProgress.setVisible(false);
                try {
                    AuditVerification v = get();
                    verifyResult.setText(v.intact() ? texts.text("audit.verify.intact", v.rowsChecked())
                            : texts.text("audit.verify.broken", v.rowsChecked(), v.problems().size()) + " "
                            + v.problems().stream().limit(3).map(p -> texts.text("audit.problem." + p.kind().name(), p.sequenceNumber()))
                                    .collect(Collectors.joining(texts.text("audit.problemSeparator"))));
                    verifyResult.setForeground(v.intact() ? getForeground() : UIManager.getColor("Component.error.focusedBorderColor"));
                } catch (ExecutionException e) {
                    failed(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed(e);
                }
            }
        }.execute();
    }

    /** The unusual-access report over the filter's period (the last 30 days when none is set), in the chosen scope. */
    private void unusual() {
        UnusualAccessDialog.ask(this, texts, thresholds).ifPresent(chosen -> {
            thresholds = chosen;
            Instant start = filter.from() != null ? filter.from() : LocalDate.now(zone).minusDays(30).atStartOfDay(zone).toInstant();
            Instant end = filter.to() != null ? filter.to() : Instant.now();
            AuditSearch.Scope where = (AuditSearch.Scope) scope.getSelectedItem();
            message.setText(texts.text("unusual.working"));
            tasks.run(() -> search.unusual(staff, where, start, end, chosen, zone), found -> {
                message.setText(" ");
                UnusualAccessDialog.show(this, texts, found, zone);
            }, this::failed);
        });
    }

    /** Each window's chain as central verified it: up to where, the newest received, the first break. */
    private void showChains() {
        message.setText(texts.text("audit.chains.asking"));
        tasks.run(() -> search.chains(staff), states -> {
            message.setText(" ");
            RowTableModel<CentreAudit.ChainState> chains = new RowTableModel<>(List.of(
                    new RowTableModel.Column<>(texts.text("audit.chains.workstation"), CentreAudit.ChainState::workstationCode),
                    new RowTableModel.Column<>(texts.text("audit.chains.verified"), CentreAudit.ChainState::verified),
                    new RowTableModel.Column<>(texts.text("audit.chains.received"), CentreAudit.ChainState::received),
                    new RowTableModel.Column<>(texts.text("audit.chains.state"), c -> c.problemKind() == null ? texts.text("audit.chains.intact")
                            : texts.text("audit.chains.problem", texts.text("audit.chain." + c.problemKind()), c.problemSequence()))));
            chains.setRows(states);
            JTable shown = new JTable(chains);
            shown.setName("audit.chains.table");
            JScrollPane pane = new JScrollPane(shown);
            pane.setPreferredSize(new Dimension(640, 260));
            JOptionPane.showMessageDialog(this, pane, texts.text("audit.chains.title"), JOptionPane.PLAIN_MESSAGE);
        }, this::failed);
    }

    /** CSV for any range, PDF for what fits on paper; the chosen file type decides. */
    private void export() {
        JFileChooser chooser = new JFileChooser();
        chooser.setName("audit.fileChooser");
        FileNameExtensionFilter csv = new FileNameExtensionFilter(texts.text("audit.export.csv"), "csv");
        FileNameExtensionFilter pdf = new FileNameExtensionFilter(texts.text("audit.export.pdf"), "pdf");
        chooser.addChoosableFileFilter(csv);
        chooser.addChoosableFileFilter(pdf);
        chooser.setAcceptAllFileFilterUsed(false);
        chooser.setFileFilter(csv);
        chooser.setSelectedFile(new File("audit-" + LocalDate.now(zone) + ".csv"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = chooser.getSelectedFile().toPath();
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean asPdf = name.endsWith(".pdf") || !name.endsWith(".csv") && chooser.getFileFilter() == pdf;
        String extension = asPdf ? ".pdf" : ".csv";
        Path file = name.endsWith(extension) ? target : target.resolveSibling(target.getFileName() + extension);
        AuditFilter f = filter;
        AuditSort s = sort;
        boolean asc = ascending;
        AuditSearch.Scope where = searched;
        String filterWords = words.filter(f, where, searchedCitizen, searchedStaff);
        AuditExtractContent content = new AuditExtractContent(texts, words);
        message.setText(texts.text("audit.exporting"));
        tasks.run(() -> asPdf ? export.pdf(staff, where, f, s, asc, content, filterWords, file) : export.csv(staff, where, f, s, asc, file),
                written -> message.setText(texts.text("audit.exported", written.rows(), written.file(), written.manifest().getFileName())),
                this::failed);
    }

    private void failed(Throwable error) {
        message.setText(texts.describe(error));
    }

    private JTextField field(String name, int columns) {
        JTextField f = new JTextField(columns);
        f.setName(name);
        return f;
    }

    private void label(JPanel panel, String key, Component c) {
        JLabel l = new JLabel(texts.text(key));
        l.setLabelFor(c);
        panel.add(l);
        panel.add(c);
    }

    private JButton button(String key, Runnable run) {
        return Buttons.named(texts, key, run);
    }

    private static <T> ListCellRenderer<Object> labelled(Function<T, String> text) {
        DefaultListCellRenderer base = new DefaultListCellRenderer();
        return (list, value, index, selected, focus) -> {
            @SuppressWarnings("unchecked")
            String shown = value == null ? "" : text.apply((T) value);
            return base.getListCellRendererComponent(list, shown, index, selected, focus);
        };
    }
}
