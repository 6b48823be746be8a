package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.FormDialog;
import cn.shebao.counter.workstation.ui.Formats;
import cn.shebao.counter.workstation.ui.RowTableModel;
import cn.shebao.counter.workstation.ui.ScreenAction;
import cn.shebao.counter.workstation.ui.Tables;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.Component;
import java.awt.event.HierarchyEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.border.TitledBorder;
import net.miginfocom.swing.MigLayout;

/**
 * F5, supervisors: the pending and disputed applications with their age; the selected ones are approved (period
 * and limit) or rejected (reason from the list plus words) after the supervisor enters their password again.
 */
public final class ApprovalsPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final transient UiTasks tasks = new UiTasks("approvals-panel");

    private final Texts texts;
    private final transient StaffSession supervisor;
    private final transient DrugApplications applications;
    private final RowTableModel<DrugApplications.Pending> model;
    private final JTable table;
    private final JSpinner olderThan = new JSpinner(new SpinnerNumberModel(0, 0, 365, 1));
    private final JCheckBox withApproved = new JCheckBox();
    private final JLabel message = new JLabel(" ");
    private final JLabel detail = new JLabel(" ");
    private final JTextField validFrom = new JTextField(10);
    private final JTextField validTo = new JTextField(10);
    private final JTextField limit = new JTextField(10);
    private final JComboBox<RejectionReason> reason = new JComboBox<>(RejectionReason.values());
    private final JTextField reasonText = new JTextField(24);
    private final transient ApprovalsWorklist worklist;
    private final transient ScreenAction approve;
    private final transient ScreenAction reject;
    private final transient ScreenAction revoke;

    public ApprovalsPanel(Texts texts, StaffSession supervisor, DrugApplications applications) {
        super(new MigLayout("wrap 1, insets 12, gap 8", "[grow, fill]", "[][][grow, fill][][]"));
        this.texts = texts;
        this.supervisor = supervisor;
        this.applications = applications;
        this.worklist = new ApprovalsWorklist(texts, supervisor.userId());
        setName("feature.APPROVALS");
        approve = new ScreenAction("approvals.approve", texts.text("approvals.approve"), null, worklist::canDecide, () -> decide(true));
        reject = new ScreenAction("approvals.reject", texts.text("approvals.reject"), null, worklist::canDecide, () -> decide(false));
        revoke = new ScreenAction("approvals.revoke", texts.text("approvals.revoke"), null, worklist::canRevoke, this::revoke);
        JPanel filter = new JPanel(new MigLayout("insets 0, gap 8"));
        filter.add(new JLabel(texts.text("approvals.olderThan")));
        olderThan.setName("approvals.olderThan");
        filter.add(olderThan);
        withApproved.setText(texts.text("approvals.withApproved"));
        withApproved.setName("approvals.withApproved");
        withApproved.addActionListener(e -> reload());
        filter.add(withApproved);
        JButton refresh = new JButton(texts.text("approvals.refresh"));
        refresh.setName("approvals.refresh");
        refresh.addActionListener(e -> reload());
        filter.add(refresh);
        add(filter);
        message.setName("approvals.message");
        add(message);
        model = new RowTableModel<>(List.of(
                new RowTableModel.Column<>(texts.text("column.age"), p -> texts.text("approvals.days", p.age().toDays())),
                new RowTableModel.Column<>(texts.text("column.name"), DrugApplications.Pending::personName),
                new RowTableModel.Column<>(texts.text("column.drug"), DrugApplications.Pending::drugName),
                new RowTableModel.Column<>(texts.text("column.diagnosis"), p -> p.application().getDiagnosisCode()),
                new RowTableModel.Column<>(texts.text("column.hospital"), p -> p.application().getHospitalName()),
                new RowTableModel.Column<>(texts.text("column.attachments"), p -> attachments(p.application())),
                new RowTableModel.Column<>(texts.text("column.status"), worklist::status)));
        table = Tables.fit(new JTable(model));
        table.setName("approvals.table");
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                dropOwnApplications();
                worklist.select(Arrays.stream(table.getSelectedRows()).map(table::convertRowIndexToModel).toArray());
                updateActions();
                showDetail();
            }
        });
        add(new JScrollPane(table));
        detail.setName("approvals.detail");
        add(detail);

        JPanel decide = new JPanel(new MigLayout("wrap 7, insets 8, gap 8", "[right][][right][][right][][]"));
        decide.setBorder(new TitledBorder(texts.text("approvals.decideTitle")));
        decide.add(new JLabel(texts.text("approvals.validFrom")));
        validFrom.setName("approvals.validFrom");
        decide.add(validFrom);
        decide.add(new JLabel(texts.text("approvals.validTo")));
        validTo.setName("approvals.validTo");
        decide.add(validTo);
        decide.add(new JLabel(texts.text("approvals.limit")));
        limit.setName("approvals.limit");
        decide.add(limit);
        decide.add(approve.button());
        decide.add(new JLabel(texts.text("approvals.reason")));
        reason.setName("approvals.reason");
        reason.setRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index,
                    boolean selected, boolean focus) {
                String text = value instanceof RejectionReason r ? texts.text("rejection." + r.name()) : " ";
                return super.getListCellRendererComponent(list, text, index, selected, focus);
            }
        });
        decide.add(reason, "span 2");
        reasonText.setName("approvals.reasonText");
        decide.add(reasonText, "span 3, growx");
        decide.add(reject.button());
        decide.add(revoke.button(), "span 7, left");
        add(decide);
        reload();
        // Each time F5 is shown the worklist is read again: applications registered since (at this window's F4 or
        // pulled from others) were missing until 刷新 was clicked.
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing()) {
                reload();
            }
        });
    }

    /** A selection that takes in the supervisor's own applications loses them again, and the message says why. */
    private void dropOwnApplications() {
        for (int row : table.getSelectedRows()) {
            int inModel = table.convertRowIndexToModel(row);
            if (worklist.decidable(new int[] {inModel}).length == 0) {
                table.removeRowSelectionInterval(row, row);
                message.setText(texts.text("approvals.ownNotSelectable"));
            }
        }
    }

    private String attachments(SpecialDrugApplication a) {
        boolean all = a.isDiagnosisCertificateReceived() && a.isPrescriptionReceived() && a.isTestReportsReceived();
        return texts.text(all ? "approvals.complete" : "approvals.missing");
    }

    private void reload() {
        reload(null);
    }

    /**
     * Reloads the worklist; {@code outcome}, when given, is what the supervisor just did, kept in front of the count
     * (issue 18: the reload used to replace the confirmation of an approval before anyone could read it).
     */
    private void reload(String outcome) {
        int days = (Integer) olderThan.getValue();
        boolean approved = withApproved.isSelected();
        tasks.run(() -> applications.worklist(supervisor, days, approved), rows -> {
            worklist.show(rows, approved);
            model.setRows(worklist.rows());
            updateActions();
            message.setText(worklist.countLine(outcome));
        }, error -> message.setText(texts.describe(error)));
    }

    private void showDetail() {
        int row = table.getSelectedRow();
        if (row < 0) {
            return;
        }
        DrugApplications.Pending p = model.row(table.convertRowIndexToModel(row));
        SpecialDrugApplication a = p.application();
        detail.setText(texts.text("approvals.detailLine", p.personName(), p.drugName(), a.getDiagnosisCode(),
                Formats.date(a.getPlannedFrom()), Formats.date(a.getPlannedTo()), a.getPrescribingDoctor(),
                a.getIndicationJustification() == null ? "—" : a.getIndicationJustification()));
        validFrom.setText(a.getPlannedFrom().toString());
        validTo.setText(a.getPlannedTo().toString());
        String line = detail.getText().replace("</html>", "");
        tasks.run(() -> applications.applicationsOf(a.getPersonId()), history -> {
            long earlier = history.stream().filter(h -> !h.application().getId().equals(a.getId())).count();
            long approvedBefore = history.stream().filter(h -> !h.application().getId().equals(a.getId())
                    && h.application().getStatus() == ApplicationStatus.APPROVED).count();
            detail.setText(line + "<br>" + texts.text("approvals.history", earlier, approvedBefore) + "</html>");
        }, error -> detail.setText(texts.describe(error)));
    }

    /** The documented exception to final decisions: an approval revoked with a reason and the password again. */
    private void revoke() {
        int row = table.getSelectedRow();
        if (row < 0) {
            message.setText(texts.text("approvals.selectFirst"));
            return;
        }
        SpecialDrugApplication a = model.row(table.convertRowIndexToModel(row)).application();
        JTextField why = new JTextField(24);
        why.setName("approvals.revokeReason");
        JPasswordField password = new JPasswordField(16);
        password.setName("approvals.password");
        JPanel ask = new JPanel(new MigLayout("wrap 1"));
        ask.add(new JLabel(texts.text("approvals.revokeReason")));
        ask.add(why);
        ask.add(new JLabel(texts.text("approvals.passwordPrompt", 1)));
        ask.add(password);
        boolean answered = FormDialog.confirm(this, ask, texts.text("approvals.revoke"), why, JOptionPane.QUESTION_MESSAGE);
        char[] secret = password.getPassword();
        password.setText("");
        if (!answered) {
            Arrays.fill(secret, '\0');
            return;
        }
        String reasonGiven = why.getText();
        deciding(true);
        tasks.run(() -> {
            try {
                applications.revoke(supervisor, secret, a.getId(), reasonGiven);
                return a;
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, done -> {
            deciding(false);
            message.setText(texts.text("approvals.revoked"));
            reload(texts.text("approvals.revoked"));
        }, error -> {
            deciding(false);
            message.setText(texts.describe(error));
        });
    }

    private void decide(boolean approve) {
        int[] rows = table.getSelectedRows();
        if (rows.length == 0) {
            message.setText(texts.text("approvals.selectFirst"));
            return;
        }
        List<Decision> decisions = new ArrayList<>();
        try {
            for (int row : rows) {
                SpecialDrugApplication a = model.row(table.convertRowIndexToModel(row)).application();
                decisions.add(approve
                        ? new Decision.Approve(a.getId(), LocalDate.parse(validFrom.getText().strip()),
                                LocalDate.parse(validTo.getText().strip()), new BigDecimal(limit.getText().strip()))
                        : new Decision.Reject(a.getId(), (RejectionReason) reason.getSelectedItem(), reasonText.getText()));
            }
        } catch (RuntimeException badInput) {
            message.setText(texts.text("approvals.badInput"));
            return;
        }
        JPasswordField password = new JPasswordField(16);
        password.setName("approvals.password");
        JPanel ask = new JPanel(new MigLayout("wrap 1"));
        ask.add(new JLabel(texts.text("approvals.passwordPrompt", decisions.size())));
        ask.add(password);
        // Typing goes into the password at once and Enter submits it (issue 18).
        boolean answered = FormDialog.confirm(this, ask, texts.text("approvals.passwordTitle"), password, JOptionPane.QUESTION_MESSAGE);
        char[] secret = password.getPassword();
        password.setText("");
        if (!answered) {
            Arrays.fill(secret, '\0');
            return;
        }
        deciding(true);
        tasks.run(() -> {
            try {
                applications.decide(supervisor, secret, decisions);
                return decisions.size();
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, n -> {
            deciding(false);
            String done = texts.text(approve ? "approvals.approved" : "approvals.rejected", n);
            message.setText(done);
            reload(done);
        }, error -> {
            deciding(false);
            message.setText(texts.describe(error));
        });
    }

    private void deciding(boolean underWay) {
        worklist.deciding(underWay);
        updateActions();
    }

    private void updateActions() {
        for (ScreenAction action : List.of(approve, reject, revoke)) {
            action.update();
        }
    }
}
