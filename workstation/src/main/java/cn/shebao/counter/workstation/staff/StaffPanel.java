package cn.shebao.counter.workstation.staff;

import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.Buttons;
import cn.shebao.counter.workstation.ui.FormDialog;
import cn.shebao.counter.workstation.ui.RowTableModel;
import cn.shebao.counter.workstation.ui.Tables;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import net.miginfocom.swing.MigLayout;

/**
 * F11, IT: the staff accounts. New account, name and roles, disable or re-enable, temporary password; each asks
 * for the administrator's own password (it signs the change) and reaches every window through central.
 */
public final class StaffPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final transient UiTasks tasks = new UiTasks("staff-panel");

    private final Texts texts;
    private final transient StaffSession admin;
    private final transient StaffAdministration administration;
    private final RowTableModel<StaffAdministration.Account> model;
    private final JTable table;
    private final JLabel message = new JLabel(" ");

    public StaffPanel(Texts texts, StaffSession admin, StaffAdministration administration) {
        super(new MigLayout("wrap 1, insets 12, gap 8", "[grow, fill]", "[grow, fill][][]"));
        this.texts = texts;
        this.admin = admin;
        this.administration = administration;
        setName("feature.STAFF");
        model = new RowTableModel<>(List.of(
                new RowTableModel.Column<>(texts.text("staff.column.username"), StaffAdministration.Account::username),
                new RowTableModel.Column<>(texts.text("staff.column.name"), StaffAdministration.Account::displayName),
                new RowTableModel.Column<>(texts.text("staff.column.roles"), a -> roles(a.roles())),
                new RowTableModel.Column<>(texts.text("staff.column.state"), a -> texts.text(a.active()
                        ? (a.mustChangePassword() ? "staff.state.mustChange" : "staff.state.active") : "staff.state.disabled"))));
        table = Tables.fit(new JTable(model));
        table.setName("staff.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        add(new JScrollPane(table));
        JPanel buttons = new JPanel(new MigLayout("insets 0, gap 8"));
        buttons.add(button("staff.create", this::create));
        buttons.add(button("staff.edit", this::edit));
        buttons.add(button("staff.reset", this::reset));
        add(buttons);
        message.setName("staff.message");
        add(message);
        refresh();
    }

    private JButton button(String key, Runnable action) {
        return Buttons.named(texts, key, action);
    }

    private void refresh() {
        tasks.run(() -> administration.accounts(admin), model::setRows, error -> message.setText(texts.describe(error)));
    }

    private void create() {
        JTextField username = new JTextField(16);
        username.setName("staff.form.username");
        JTextField name = new JTextField(16);
        name.setName("staff.form.name");
        Map<StaffRole, JCheckBox> roles = roleBoxes(EnumSet.of(StaffRole.CLERK));
        JPasswordField temporary = secret("staff.form.temporary");
        JPasswordField mine = secret("staff.form.adminPassword");
        JPanel form = form();
        row(form, "staff.form.username", username);
        row(form, "staff.form.name", name);
        row(form, "staff.form.roles", rolesRow(roles));
        row(form, "staff.form.temporary", temporary);
        row(form, "staff.form.adminPassword", mine);
        if (confirmed(form, "staff.create", username)) {
            String u = username.getText();
            String n = name.getText();
            Set<StaffRole> chosen = chosen(roles);
            char[] t = temporary.getPassword();
            char[] p = mine.getPassword();
            submit(() -> administration.create(admin, p, u, n, chosen, t), "staff.created", p, t);
        }
    }

    private void edit() {
        StaffAdministration.Account selected = selected();
        if (selected == null) {
            return;
        }
        JTextField name = new JTextField(selected.displayName(), 16);
        name.setName("staff.form.name");
        Map<StaffRole, JCheckBox> roles = roleBoxes(selected.roles());
        JCheckBox active = new JCheckBox(texts.text("staff.form.active"), selected.active());
        active.setName("staff.form.active");
        JPasswordField mine = secret("staff.form.adminPassword");
        JPanel form = form();
        row(form, "staff.form.username", new JLabel(selected.username()));
        row(form, "staff.form.name", name);
        row(form, "staff.form.roles", rolesRow(roles));
        form.add(new JLabel(""));
        form.add(active);
        row(form, "staff.form.adminPassword", mine);
        if (confirmed(form, "staff.edit", mine)) {
            String n = name.getText();
            Set<StaffRole> chosen = chosen(roles);
            boolean on = active.isSelected();
            char[] p = mine.getPassword();
            submit(() -> administration.update(admin, p, selected.id(), n, chosen, on), "staff.updated", p);
        }
    }

    private void reset() {
        StaffAdministration.Account selected = selected();
        if (selected == null) {
            return;
        }
        JPasswordField temporary = secret("staff.form.temporary");
        JPasswordField mine = secret("staff.form.adminPassword");
        JPanel form = form();
        row(form, "staff.form.username", new JLabel(selected.username()));
        row(form, "staff.form.temporary", temporary);
        row(form, "staff.form.adminPassword", mine);
        if (confirmed(form, "staff.reset", temporary)) {
            char[] t = temporary.getPassword();
            char[] p = mine.getPassword();
            submit(() -> administration.resetPassword(admin, p, selected.id(), t), "staff.passwordReset", p, t);
        }
    }

    /** Runs the change off the Event Dispatch Thread (the key derivations take a second), then clears the typed secrets. */
    private void submit(Runnable change, String doneKey, char[]... secrets) {
        message.setText(texts.text("staff.working"));
        Callable<Boolean> work = () -> {
            try {
                change.run();
                return true;
            } finally {
                for (char[] secret : secrets) {
                    Arrays.fill(secret, '\0');
                }
            }
        };
        tasks.run(work, done -> {
            message.setText(texts.text(doneKey));
            refresh();
        }, error -> message.setText(texts.describe(error)));
    }

    private StaffAdministration.Account selected() {
        int row = table.getSelectedRow();
        if (row < 0) {
            message.setText(texts.text("staff.selectFirst"));
            return null;
        }
        return model.row(table.convertRowIndexToModel(row));
    }

    private boolean confirmed(JComponent form, String titleKey, JComponent firstField) {
        return FormDialog.confirm(this, form, texts.text(titleKey), firstField, JOptionPane.PLAIN_MESSAGE);
    }

    /** One labelled line of a form. */
    private void row(JPanel form, String labelKey, JComponent field) {
        form.add(new JLabel(texts.text(labelKey)));
        form.add(field);
    }

    private static JPasswordField secret(String name) {
        JPasswordField field = new JPasswordField(16);
        field.setName(name);
        return field;
    }

    private static JPanel form() {
        return new JPanel(new MigLayout("wrap 2, insets 0, gap 8", "[right][grow, fill, 220lp]"));
    }

    private Map<StaffRole, JCheckBox> roleBoxes(Set<StaffRole> selected) {
        Map<StaffRole, JCheckBox> boxes = new EnumMap<>(StaffRole.class);
        for (StaffRole r : StaffRole.values()) {
            JCheckBox box = new JCheckBox(texts.text("role." + r.name()), selected.contains(r));
            box.setName("staff.form.role." + r.name());
            boxes.put(r, box);
        }
        return boxes;
    }

    private static JPanel rolesRow(Map<StaffRole, JCheckBox> boxes) {
        JPanel row = new JPanel(new MigLayout("insets 0, gap 8"));
        boxes.values().forEach(row::add);
        return row;
    }

    private static Set<StaffRole> chosen(Map<StaffRole, JCheckBox> boxes) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        boxes.forEach((role, box) -> {
            if (box.isSelected()) {
                roles.add(role);
            }
        });
        return roles;
    }

    private String roles(Set<StaffRole> roles) {
        return roles.stream().map(r -> texts.text("role." + r.name())).collect(Collectors.joining(texts.text("staff.roles.separator")));
    }
}
