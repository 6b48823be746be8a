package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.citizen.CitizenSummary;
import cn.shebao.counter.workstation.citizen.CodeNames;
import cn.shebao.counter.workstation.citizen.RegistrationStatus;
import cn.shebao.counter.workstation.citizen.ServedCitizen;
import cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.Buttons;
import cn.shebao.counter.workstation.ui.Formats;
import cn.shebao.counter.workstation.ui.RowTableModel;
import cn.shebao.counter.workstation.ui.Tables;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;

/**
 * F4's specified-disease registrations of the served citizen: the list, a new registration (two years from the day
 * given) and the end of an active one with a reason. A drug that needs a registration sends the clerk here with the
 * diagnosis already filled in.
 *
 * <p>Threads: the Event Dispatch Thread; the service calls on this screen's {@link UiTasks} worker.
 */
final class SpecifiedDiseasePanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final Texts texts;
    private final transient StaffSession staff;
    private final transient SpecifiedDiseases diseases;
    private final transient Clock clock;
    private final transient UiTasks tasks = new UiTasks("diseases");
    private final transient UiTasks.Lane listing = tasks.lane();
    private final transient UiTasks.Lane changing = tasks.lane();
    private final RowTableModel<SpecifiedDiseaseRegistration> model;
    private final JTable table;
    private final JTextField code = new JTextField(8);
    private final JTextField name = new JTextField(14);
    private final JTextField hospital = new JTextField(20);
    private final JTextField from = new JTextField(10);
    private final JLabel message = new JLabel(" ");
    private final JButton register;
    private transient CitizenSummary person;

    SpecifiedDiseasePanel(Texts texts, StaffSession staff, SpecifiedDiseases diseases, Clock clock, ServedCitizen served) {
        super(new MigLayout("wrap 1, insets 8, gap 6", "[grow, fill]", "[grow, fill][][][]"));
        this.texts = texts;
        this.staff = staff;
        this.diseases = diseases;
        this.clock = clock;
        setName("diseases.panel");
        model = new RowTableModel<>(List.of(
                new RowTableModel.Column<>(texts.text("column.diseaseCode"), SpecifiedDiseaseRegistration::getDiseaseCode),
                new RowTableModel.Column<>(texts.text("column.diseaseName"), SpecifiedDiseaseRegistration::getDiseaseName),
                new RowTableModel.Column<>(texts.text("column.hospital"), SpecifiedDiseaseRegistration::getHospitalName),
                new RowTableModel.Column<>(texts.text("column.validFrom"), r -> Formats.date(r.getValidFrom())),
                new RowTableModel.Column<>(texts.text("column.validTo"), r -> Formats.date(r.getValidTo())),
                new RowTableModel.Column<>(texts.text("column.status"), r -> texts.text("registration." + r.getStatus().name()))));
        table = Tables.fit(new JTable(model));
        table.setName("diseases.table");
        add(new JScrollPane(table), "hmin 60");

        JPanel form = new JPanel(new MigLayout("insets 0, gap 6", "[right][][right][grow, fill][right][grow, fill][right][]"));
        field(form, "disease.code", code, "diseases.code");
        field(form, "disease.name", name, "diseases.name");
        field(form, "disease.hospital", hospital, "diseases.hospital");
        field(form, "disease.from", from, "diseases.from");
        // The name of a known diagnosis is filled in when the code is typed (it stays editable).
        code.addActionListener(e -> suggestName());
        code.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                suggestName();
            }
        });
        add(form);
        register = Buttons.named(texts, "disease.register", this::register);
        JButton end = Buttons.named(texts, "disease.end", this::end);
        add(register, "split 2, growx 0");
        add(end, "growx 0");
        message.setName("diseases.message");
        add(message, "wmin 0");
        clearForm();
        served.addListener(this::citizenChanged);
    }

    /** Opens the form for the diagnosis a drug application needs a registration for. */
    void prefill(String diagnosisCode, String hospitalName) {
        code.setText(diagnosisCode == null ? "" : diagnosisCode.strip().toUpperCase(Locale.ROOT));
        name.setText("");
        suggestName();
        if (hospital.getText().isBlank() && hospitalName != null) {
            hospital.setText(hospitalName);
        }
        code.requestFocusInWindow();
    }

    /** True while the list or a change has not answered yet (tests wait on this). */
    boolean working() {
        return listing.busy() || changing.busy();
    }

    private void citizenChanged(Optional<CitizenSummary> now) {
        person = now.orElse(null);
        clearForm();
        message.setText(" ");
        model.setRows(List.of());
        if (person != null) {
            reload();
        } else {
            listing.cancel();
        }
    }

    private void reload() {
        UUID id = person.personId();
        listing.run(() -> diseases.of(id), rows -> {
            model.setRows(rows);
            if (rows.isEmpty()) {
                message.setText(texts.text("disease.none"));
            }
        }, error -> message.setText(texts.describe(error)));
    }

    private void suggestName() {
        if (name.getText().isBlank()) {
            CodeNames.bundled().diagnosisName(code.getText().strip().toUpperCase(Locale.ROOT)).ifPresent(name::setText);
        }
    }

    private void register() {
        if (person == null) {
            message.setText(texts.text("drugs.findFirst"));
            return;
        }
        LocalDate start;
        try {
            start = LocalDate.parse(from.getText().strip());
        } catch (DateTimeParseException e) {
            message.setText(texts.text("drugs.error.date"));
            return;
        }
        SpecifiedDiseases.Request request = new SpecifiedDiseases.Request(person.personId(), code.getText(), name.getText(),
                hospital.getText(), start);
        register.setEnabled(false); // sent once: the answer re-enables it
        message.setText(texts.text("disease.registering"));
        changing.run(() -> diseases.register(staff, request), done -> {
            register.setEnabled(true);
            clearForm();
            message.setText(texts.text("disease.registered", Formats.date(done.getValidTo())));
            reload();
        }, error -> {
            register.setEnabled(true);
            message.setText(texts.describe(error)); // what was typed stays
        });
    }

    private void end() {
        int row = table.getSelectedRow();
        if (row < 0 || person == null) {
            return;
        }
        SpecifiedDiseaseRegistration r = model.row(table.convertRowIndexToModel(row));
        if (r.getStatus() != RegistrationStatus.ACTIVE) {
            message.setText(texts.text("disease.error.notActive"));
            return;
        }
        String reason = JOptionPane.showInputDialog(this, texts.text("disease.endReason"), texts.text("disease.end"),
                JOptionPane.QUESTION_MESSAGE);
        if (reason == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate lastDay = today.isBefore(r.getValidFrom()) ? r.getValidFrom() : today;
        changing.run(() -> {
            diseases.end(staff, r.getId(), lastDay, reason);
            return r;
        }, done -> {
            message.setText(texts.text("disease.ended"));
            reload();
        }, error -> message.setText(texts.describe(error)));
    }

    private void clearForm() {
        for (JTextField f : List.of(code, name, hospital)) {
            f.setText("");
        }
        from.setText(LocalDate.now(clock).toString());
    }

    private void field(JPanel form, String key, JTextField f, String fieldName) {
        form.add(new JLabel(texts.text(key)));
        f.setName(fieldName);
        form.add(f);
    }
}
