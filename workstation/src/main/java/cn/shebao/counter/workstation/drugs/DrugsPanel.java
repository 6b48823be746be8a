package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.CitizenSearch;
import cn.shebao.counter.workstation.citizen.CitizenSummary;
import cn.shebao.counter.workstation.citizen.ServedCitizen;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.screen.CardScreen;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.Buttons;
import cn.shebao.counter.workstation.ui.ErrorDialog;
import cn.shebao.counter.workstation.ui.Formats;
import cn.shebao.counter.workstation.ui.RowTableModel;
import cn.shebao.counter.workstation.ui.ScreenAction;
import cn.shebao.counter.workstation.ui.Tables;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.Component;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import net.miginfocom.swing.MigLayout;

/**
 * F4: the clerk finds the citizen (card or ID number), sees their applications with status, registers a new
 * one with its checklist, withdraws a pending one, and prints the decision notice of a decided one.
 *
 * <p>The citizen is the window's {@link ServedCitizen}: finding one here serves them everywhere, and when another
 * screen serves someone else this one forgets the form, the list and its message (they belonged to the previous
 * citizen). A registration is sent once: the button stays off until its answer, then the form is emptied.
 */
public final class DrugsPanel extends JPanel implements CardScreen {

    private static final long serialVersionUID = 1L;

    /** Prints a notice through the documents register: (citizen, application line) to the rendered document. */
    public interface NoticePrinter {
        void print(CitizenRecords.Opened record, DrugApplications.Line line, Component owner);
    }

    private final Texts texts;
    private final transient StaffSession staff;
    private final transient CitizenSearch search;
    private final transient CitizenRecords records;
    private final transient DrugApplications applications;
    private final transient NoticePrinter notices;
    private final transient ServedCitizen served;
    private final JTextField idNumber = new JTextField(18);
    private final JLabel citizen = new JLabel(" ");
    private final JLabel message = new JLabel(" ");
    private final RowTableModel<DrugApplications.Line> model;
    private final transient DrugsModel state = new DrugsModel();
    private final transient ScreenAction register;
    private final transient ScreenAction withdraw;
    private final transient ScreenAction printNotice;
    private final JTable table;
    private final JComboBox<SpecialDrug> drug = new JComboBox<>();
    private final JTextField diagnosis = new JTextField(8);
    private final JTextField hospital = new JTextField(20);
    private final JTextField doctor = new JTextField(8);
    private final JTextField from = new JTextField(10);
    private final JTextField to = new JTextField(10);
    private final JTextField justification = new JTextField(30);
    private final JCheckBox certificate = new JCheckBox();
    private final JCheckBox prescription = new JCheckBox();
    private final JCheckBox reports = new JCheckBox();
    private final JTabbedPane lower = new JTabbedPane();
    private final SpecifiedDiseasePanel diseasePanel;
    private final transient UiTasks tasks = new UiTasks("drugs");
    private final transient UiTasks.Lane finding = tasks.lane();
    private final transient UiTasks.Lane listing = tasks.lane();

    public DrugsPanel(Texts texts, StaffSession staff, CitizenSearch search, CitizenRecords records, DrugCatalogue catalogue,
            DrugApplications applications, NoticePrinter notices, ServedCitizen served, SpecifiedDiseases diseases, Clock clock) {
        super(new MigLayout("wrap 1, insets 12, gap 8", "[grow, fill]", "[][][grow 40, fill][][]"));
        this.texts = texts;
        this.staff = staff;
        this.search = search;
        this.records = records;
        this.applications = applications;
        this.notices = notices;
        this.served = served;
        setName("feature.SPECIAL_DRUGS");
        register = new ScreenAction("drugs.register", texts.text("drugs.register"), ctrl(KeyEvent.VK_ENTER), state::canRegister,
                this::register);
        withdraw = new ScreenAction("drugs.withdraw", texts.text("drugs.withdraw"), null, state::canWithdraw, this::withdraw);
        printNotice = new ScreenAction("drugs.printNotice", texts.text("drugs.printNotice"), ctrl(KeyEvent.VK_P),
                state::canPrintNotice, this::printNotice);
        for (ScreenAction action : List.of(register, withdraw, printNotice)) {
            action.bindKeyTo(this);
            state.addListener(action::update);
        }

        JPanel find = new JPanel(new MigLayout("insets 0, gap 8", "[][][][grow]"));
        find.add(new JLabel(texts.text("drugs.idNumber")));
        idNumber.setName("drugs.idNumber");
        idNumber.addActionListener(e -> findCitizen(idNumber.getText()));
        find.add(idNumber);
        JButton go = button("drugs.find", () -> findCitizen(idNumber.getText()));
        find.add(go);
        citizen.setName("drugs.citizen");
        find.add(citizen);
        add(find);
        message.setName("drugs.message");
        add(message);

        model = new RowTableModel<>(List.of(
                column("column.drug", DrugApplications.Line::drugName),
                column("column.diagnosis", l -> l.application().getDiagnosisCode()),
                column("column.hospital", l -> l.application().getHospitalName()),
                column("column.plannedFrom", l -> Formats.date(l.application().getPlannedFrom())),
                column("column.plannedTo", l -> Formats.date(l.application().getPlannedTo())),
                column("column.status", l -> texts.text("application." + l.application().getStatus().name())),
                column("column.approvedTo", l -> Formats.date(l.application().getApprovedTo()))));
        table = Tables.fit(new JTable(model));
        table.setName("drugs.applications");
        add(new JScrollPane(table));
        JPanel rowActions = new JPanel(new MigLayout("insets 0, gap 8"));
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                state.select(selected());
            }
        });
        rowActions.add(printNotice.button());
        rowActions.add(withdraw.button());
        add(rowActions);

        JPanel form = new JPanel(new MigLayout("wrap 6, insets 8, gap 8", "[right][grow, fill][right][][right][]"));
        form.add(new JLabel(texts.text("column.drug")));
        drug.setName("drugs.drug");
        drug.setRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index,
                    boolean selected, boolean focus) {
                String text = value instanceof SpecialDrug d ? d.getDrugCode() + "  " + d.getName() + "  " + d.getSpecification() : " ";
                return super.getListCellRendererComponent(list, text, index, selected, focus);
            }
        });
        form.add(drug, "span 5");
        field(form, "column.diagnosis", diagnosis, "drugs.diagnosis");
        field(form, "column.hospital", hospital, "drugs.hospital");
        field(form, "drugs.doctor", doctor, "drugs.doctor");
        field(form, "column.plannedFrom", from, "drugs.from");
        field(form, "column.plannedTo", to, "drugs.to");
        form.add(new JLabel(texts.text("drugs.justification")));
        justification.setName("drugs.justification");
        form.add(justification, "span 3");
        certificate.setText(texts.text("drugs.certificate"));
        certificate.setName("drugs.certificate");
        prescription.setText(texts.text("drugs.prescription"));
        prescription.setName("drugs.prescription");
        reports.setText(texts.text("drugs.reports"));
        reports.setName("drugs.reports");
        form.add(new JLabel(texts.text("drugs.attachments")));
        form.add(certificate, "span 5, split 3");
        form.add(prescription);
        form.add(reports);
        form.add(register.button(), "skip 1, span 5, left, growx 0");
        // The application form and the citizen's specified-disease registrations, which some drugs require first.
        diseasePanel = new SpecifiedDiseasePanel(texts, staff, diseases, clock, served);
        lower.setName("drugs.lower");
        lower.addTab(texts.text("drugs.registerTitle"), form);
        lower.addTab(texts.text("disease.title"), diseasePanel);
        add(lower);
        clearForm();
        served.addListener(this::citizenChanged);
        served.watchUnsavedInput(this::hasUnsavedInput);
        tasks.run(() -> catalogue.search(""), drugs -> drugs.forEach(drug::addItem), error -> message.setText(texts.describe(error)));
    }

    /** A card read while this screen is open selects its holder. Call on the EDT. */
    @Override
    public void cardRead(IdCard card) {
        idNumber.setText(card.idNumber());
        findCitizen(card.idNumber());
    }

    private void findCitizen(String text) {
        message.setText(" ");
        finding.run(() -> search.byIdNumber(CitizenIdNumber.parse(text).value()), found -> {
            if (found.isEmpty()) {
                forgetCitizen();
                citizen.setText(texts.text("identity.error.notInsured"));
                return;
            }
            if (!served.serve(found.get(0))) {
                show(found.get(0)); // the same citizen again: the form keeps what was typed
            }
        }, error -> {
            forgetCitizen();
            message.setText(texts.describe(error));
        });
    }

    /** Another citizen is served (found here, or on another screen): what this screen held was the previous one's. */
    private void citizenChanged(Optional<CitizenSummary> now) {
        if (state.person().isPresent()) {
            clearForm(); // typed for the previous citizen; what was typed before anyone was served stays for the first
        }
        message.setText(" ");
        forgetCitizen();
        idNumber.setText(""); // the number typed was the previous citizen's (a number not found stays, to be corrected)
        now.ifPresent(this::show);
    }

    private void show(CitizenSummary who) {
        state.serve(who);
        citizen.setText(texts.text("drugs.citizenLine", who.name(), who.maskedIdNumber()));
        reload();
    }

    private void forgetCitizen() {
        state.forget();
        citizen.setText(" ");
        listing.cancel();
        model.setRows(List.of());
    }

    private void reload() {
        UUID id = state.person().orElseThrow().personId();
        listing.run(() -> applications.applicationsOf(id), model::setRows, error -> message.setText(texts.describe(error)));
    }

    /** Empties the registration form: a new citizen, or an application just registered. */
    private void clearForm() {
        if (drug.getItemCount() > 0) {
            drug.setSelectedIndex(0);
        }
        for (JTextField f : List.of(diagnosis, hospital, doctor, justification)) {
            f.setText("");
        }
        for (JCheckBox c : List.of(certificate, prescription, reports)) {
            c.setSelected(false);
        }
        from.setText(LocalDate.now().plusDays(1).toString());
        to.setText(LocalDate.now().plusMonths(6).toString());
    }

    /** Typed input a change of citizen would throw away (the dates are filled in by the screen, not the clerk). */
    private boolean hasUnsavedInput() {
        return state.holdsUnsavedInput(List.of(diagnosis, hospital, doctor, justification).stream().anyMatch(f -> !f.getText().isBlank())
                || List.of(certificate, prescription, reports).stream().anyMatch(JCheckBox::isSelected));
    }

    private static KeyStroke ctrl(int keyCode) {
        return KeyStroke.getKeyStroke(keyCode, InputEvent.CTRL_DOWN_MASK);
    }

    /** True while a search, a list or a registration has not answered yet (tests wait on this). */
    public boolean working() {
        return state.writing() || finding.busy() || listing.busy() || diseasePanel.working();
    }

    private void register() {
        CitizenSummary person = state.person().orElse(null);
        if (person == null || drug.getSelectedItem() == null) {
            message.setText(texts.text("drugs.findFirst"));
            return;
        }
        RegistrationRequest request;
        try {
            request = new RegistrationRequest(person.personId(), ((SpecialDrug) drug.getSelectedItem()).getId(), diagnosis.getText(),
                    hospital.getText(), doctor.getText(), LocalDate.parse(from.getText().strip()), LocalDate.parse(to.getText().strip()),
                    justification.getText(), certificate.isSelected(), prescription.isSelected(), reports.isSelected());
        } catch (DateTimeParseException e) {
            message.setText(texts.text("drugs.error.date"));
            return;
        }
        // Sent once: a second click while the first is on its way would register the same application twice.
        state.writing(true);
        message.setText(texts.text("drugs.registering"));
        UUID registeredFor = person.personId();
        tasks.run(() -> applications.register(staff, request), a -> {
            state.writing(false);
            if (state.person().filter(p -> p.personId().equals(registeredFor)).isPresent()) {
                clearForm();
                message.setText(texts.text("drugs.registered"));
                reload();
            }
        }, error -> {
            state.writing(false);
            message.setText(texts.describe(error)); // the form keeps what was typed
            if (error instanceof LocalizedException le && "drug.error.noDiseaseRegistration".equals(le.key())) {
                // The drug needs a specified-disease registration first: the clerk makes it on the next tab.
                lower.setSelectedComponent(diseasePanel);
                diseasePanel.prefill(request.diagnosisCode(), request.hospitalName());
            }
        });
    }

    private void withdraw() {
        DrugApplications.Line line = selected();
        if (line == null) {
            return;
        }
        String reason = JOptionPane.showInputDialog(this, texts.text("drugs.withdrawReason"), texts.text("drugs.withdraw"),
                JOptionPane.QUESTION_MESSAGE);
        if (reason != null) {
            message.setText(" ");
            UUID withdrawnFor = line.application().getPersonId();
            state.writing(true);
            tasks.run(() -> {
                applications.withdraw(staff, line.application().getId(), reason);
                return line;
            }, done -> {
                state.writing(false);
                if (state.person().filter(p -> p.personId().equals(withdrawnFor)).isPresent()) {
                    message.setText(texts.text("drugs.withdrawn"));
                    reload();
                }
            }, error -> {
                state.writing(false);
                ErrorDialog.show(this, texts, error);
            });
        }
    }

    private void printNotice() {
        DrugApplications.Line line = selected();
        if (line == null) {
            return;
        }
        ApplicationStatus status = line.application().getStatus();
        if (status != ApplicationStatus.APPROVED && status != ApplicationStatus.REJECTED) {
            message.setText(texts.text("drugs.notDecided"));
            return;
        }
        UUID personId = state.person().orElseThrow().personId();
        tasks.run(() -> records.open(staff, personId, AccessPurpose.WINDOW_WITH_ID),
                opened -> notices.print(opened, line, this), error -> ErrorDialog.show(this, texts, error));
    }

    private DrugApplications.Line selected() {
        int row = table.getSelectedRow();
        return row < 0 ? null : model.row(table.convertRowIndexToModel(row));
    }

    private <T> RowTableModel.Column<T> column(String key, Function<T, Object> value) {
        return new RowTableModel.Column<>(texts.text(key), value);
    }

    private void field(JPanel form, String key, JTextField f, String name) {
        form.add(new JLabel(texts.text(key)));
        f.setName(name);
        form.add(f);
    }

    private JButton button(String key, Runnable action) {
        return Buttons.named(texts, key, action);
    }
}
