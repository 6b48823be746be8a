package cn.shebao.counter.workstation.records;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.citizen.CitizenSearch;
import cn.shebao.counter.workstation.citizen.CitizenSummary;
import cn.shebao.counter.workstation.citizen.CodeNames;
import cn.shebao.counter.workstation.citizen.RecordAction;
import cn.shebao.counter.workstation.citizen.ServedCitizen;
import cn.shebao.counter.workstation.screen.CardScreen;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.ErrorDialog;
import cn.shebao.counter.workstation.ui.Formats;
import cn.shebao.counter.workstation.ui.RowTableModel;
import cn.shebao.counter.workstation.ui.Tables;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * F2: find a citizen and open the record. A card read on the reader opens the holder's record at once (the
 * card is the purpose); otherwise the clerk searches, picks a line and states why the record is opened.
 *
 * <p>The record opened makes its holder the window's {@link ServedCitizen}; when another screen serves someone else,
 * the record closes and the search, its results and its message are emptied (they were about the previous citizen).
 */
public final class CitizenLookupPanel extends JPanel implements CardScreen {

    private static final long serialVersionUID = 1L;
    private static final String SEARCH = "search";
    private static final String RECORD = "record";

    private final Texts texts;
    private final transient StaffSession staff;
    private final transient CitizenSearch search;
    private final transient RecordSources sources;
    private final transient List<RecordAction> actions;
    private final transient ServedCitizen served;
    private final CardLayout cards = new CardLayout();
    private final JTabbedPane searchTabs = new JTabbedPane();
    private final JTextField query = new JTextField(24);
    private final JTextField birthDate = new JTextField(10);
    private final JTextField district = new JTextField(6);
    private final JLabel message = new JLabel(" ");
    private final RowTableModel<CitizenSummary> results;
    private final JTable resultTable;
    private final JPanel recordHolder = new JPanel(new BorderLayout());
    private final transient UiTasks tasks = new UiTasks("records");
    private final transient UiTasks.Lane searching = tasks.lane();
    private final transient UiTasks.Lane opening = tasks.lane();
    private final transient LookupModel model;
    /** The model's lines the table shows (the table keeps a copy of its own). */
    private transient List<CitizenSummary> shownResults = List.of();
    /** The view of the open record; null while the search shows. */
    private RecordView record;

    public CitizenLookupPanel(Texts texts, StaffSession staff, CitizenSearch search, RecordSources sources,
            List<RecordAction> actions, ServedCitizen served) {
        this.texts = texts;
        this.staff = staff;
        this.search = search;
        this.sources = sources;
        this.actions = List.copyOf(actions);
        this.served = served;
        this.model = new LookupModel(texts);
        setName("feature.CITIZEN_LOOKUP");
        setLayout(cards);

        results = new RowTableModel<>(List.of(
                new RowTableModel.Column<>(texts.text("column.idNumber"), CitizenSummary::maskedIdNumber),
                new RowTableModel.Column<>(texts.text("column.name"), CitizenSummary::name),
                new RowTableModel.Column<>(texts.text("column.gender"), s -> texts.text("gender." + s.gender().name())),
                new RowTableModel.Column<>(texts.text("column.birthDate"), s -> Formats.date(s.birthDate())),
                new RowTableModel.Column<>(texts.text("column.area"), c -> CodeNames.bundled().area(c.householdAreaCode())),
                new RowTableModel.Column<>(texts.text("column.status"), s -> texts.text("person." + s.status().name()))));
        resultTable = Tables.fit(new JTable(results));
        resultTable.setName("citizen.results");

        searchTabs.setName("citizen.searchTabs");
        searchTabs.addTab(texts.text("citizen.tab.search"), searchPanel());
        add(searchTabs, SEARCH);
        add(recordHolder, RECORD);
        cards.show(this, SEARCH);
        model.addListener(() -> {
            if (shownResults != model.results()) { // only a new answer: a message or an opening keeps the clerk's selection
                shownResults = model.results();
                results.setRows(shownResults);
            }
            message.setText(model.message());
        });
        served.addListener(this::citizenChanged);
    }

    /** Another screen serves someone else: the record and the search shown here were about the previous citizen. */
    private void citizenChanged(Optional<CitizenSummary> now) {
        if (!model.citizenChanged(now)) {
            return; // this screen opened that citizen's record
        }
        searching.cancel();
        opening.cancel();
        showSearch();
        for (JTextField f : List.of(query, birthDate, district)) {
            f.setText("");
        }
    }

    /** Another feature's list that opens records from here (the retirement reminders). */
    public void addSearchTab(String title, JComponent component) {
        searchTabs.addTab(title, component);
    }

    private JPanel searchPanel() {
        JPanel panel = new JPanel(new MigLayout("wrap 1, insets 12, gap 8", "[grow, fill]", "[][][][grow, fill]"));
        JLabel hint = new JLabel(texts.text("citizen.hint"));
        hint.setName("citizen.hint");
        panel.add(hint);
        JPanel form = new JPanel(new MigLayout("insets 0, gap 8", "[][grow, fill][][][][][]"));
        form.add(new JLabel(texts.text("citizen.query")));
        query.setName("citizen.query");
        form.add(query);
        form.add(new JLabel(texts.text("citizen.birthDate")));
        birthDate.setName("citizen.birthDate");
        birthDate.setToolTipText(texts.text("citizen.birthDate.tip"));
        form.add(birthDate);
        form.add(new JLabel(texts.text("citizen.district")));
        district.setName("citizen.district");
        form.add(district);
        JButton find = new JButton(texts.text("citizen.search"));
        find.setName("citizen.search");
        find.addActionListener(e -> runSearch());
        form.add(find);
        panel.add(form);
        query.addActionListener(e -> runSearch());
        birthDate.addActionListener(e -> runSearch());
        district.addActionListener(e -> runSearch());
        message.setName("citizen.message");
        panel.add(message);
        panel.add(new JScrollPane(resultTable));
        resultTable.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "open");
        resultTable.getActionMap().put("open", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                openSelected();
            }
        });
        resultTable.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    openSelected();
                }
            }
        });
        return panel;
    }

    private void runSearch() {
        model.search(query.getText(), birthDate.getText(), district.getText()).ifPresent(q -> searching.run(
                () -> search.search(staff, q.text(), q.birthDate(), q.district()), result -> {
                    Optional<UUID> exact = model.searchAnswered(result);
                    if (!result.matches().isEmpty()) {
                        resultTable.setRowSelectionInterval(0, 0);
                        resultTable.requestFocusInWindow();
                    }
                    exact.ifPresent(this::openRecord); // one exact match by number: go straight on
                }, model::failed));
    }

    private void openSelected() {
        int row = resultTable.getSelectedRow();
        if (row >= 0) {
            openRecord(results.row(resultTable.convertRowIndexToModel(row)).personId());
        }
    }

    /** Opens a record after asking for the purpose. */
    public void openRecord(UUID personId) {
        PurposeDialog.ask(SwingUtilities.getWindowAncestor(this), texts).ifPresent(purpose -> open(new LookupModel.Opening(personId, purpose, null)));
    }

    /**
     * A card was read on the reader: the holder's record opens with the card as its purpose, replacing a record
     * open for someone else (the card says who is at the window now). The same card again changes nothing. Call on
     * the EDT.
     */
    @Override
    public void cardRead(IdCard card) {
        model.cardRead(card);
        searching.run(() -> search.byIdNumber(card.idNumber()),
                found -> model.cardHolderFound(card, found).ifPresent(this::open), model::failed);
    }

    /**
     * Opens (and audits opening) a record once: a second request for the person being opened or already shown is
     * ignored, so a card read twice or a double Enter is one audited opening, not two.
     */
    private void open(LookupModel.Opening request) {
        UUID personId = request.personId();
        if (!model.startOpening(personId)) {
            return;
        }
        opening.run(() -> sources.records().open(staff, personId, request.purpose()), opened -> {
            model.opened(personId); // before serving: this screen ignores its own change of citizen
            record = new RecordView(texts, sources, opened, actions, this::closeRecord);
            served.serve(opened.profile().summary());
            recordHolder.removeAll();
            recordHolder.add(record);
            cards.show(this, RECORD);
            if (request.tab() != null) {
                record.selectTab(request.tab());
            }
            record.requestFocusInWindow();
        }, error -> {
            model.openingFailed();
            ErrorDialog.show(this, texts, error);
        });
    }

    /** True while a citizen's record is open on this screen (logging out asks first then). */
    @Override
    public boolean recordOpen() {
        return model.recordOpen();
    }

    /** True while a search or an opening has not answered yet (tests wait on this rather than on the label). */
    public boolean working() {
        return searching.busy() || opening.busy();
    }

    /** Escape from an open record returns to the search with its results. */
    public boolean closeRecord() {
        if (!model.close()) {
            return false;
        }
        showSearch();
        query.requestFocusInWindow();
        return true;
    }

    private void showSearch() {
        recordHolder.removeAll();
        record = null;
        cards.show(this, SEARCH);
    }
}
