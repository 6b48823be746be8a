package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.workstation.audit.AuditEvent;
import cn.shebao.counter.workstation.citizen.CitizenSearch;
import cn.shebao.counter.workstation.citizen.CitizenSummary;
import cn.shebao.counter.workstation.citizen.ServedCitizen;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.screen.CardScreen;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.ErrorDialog;
import cn.shebao.counter.workstation.ui.Formats;
import cn.shebao.counter.workstation.ui.RowTableModel;
import cn.shebao.counter.workstation.ui.ScreenAction;
import cn.shebao.counter.workstation.ui.Tables;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.KeyStroke;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.border.TitledBorder;
import net.miginfocom.swing.MigLayout;

/**
 * F3, the clerk's main job: the card on the reader is shown beside the record with every difference named;
 * the clerk compares the face and confirms (or uses the manual path with a supervisor); then issues, resets,
 * locks, unlocks or revokes the citizen's online account. The password goes to paper only.
 *
 * <p>The holder found here becomes the window's {@link ServedCitizen}; when another screen serves someone else, this
 * screen forgets the card, the confirmation, the account and the username typed (they were the previous citizen's).
 */
public final class IdentityPanel extends JPanel implements CardScreen {

    private static final long serialVersionUID = 1L;

    /** The services this panel uses, wired by the shell. */
    public record Services(CitizenSearch search, IdentityConfirmations confirmations, OnlineCredentials credentials,
            CredentialSlips slips, Predicate<UUID> waitForActivation, boolean pdfSlipsAllowed) {
    }

    private record ManualResult(CitizenSummary person, IdentityConfirmation confirmation) {
    }

    private final Texts texts;
    private final transient StaffSession staff;
    private final transient Services services;
    private final transient ServedCitizen served;
    private final JLabel cardInfo = new JLabel(" ");
    private final JLabel recordInfo = new JLabel(" ");
    private final JLabel problems = new JLabel(" ");
    private final JLabel outcome = new JLabel(" ");
    private final JLabel account = new JLabel(" ");
    private final transient IdentityModel model = new IdentityModel();
    private final transient ScreenAction confirm;
    private final transient ScreenAction refuse;
    private final transient ScreenAction issue;
    private final transient ScreenAction reset;
    private final transient ScreenAction lock;
    private final transient ScreenAction unlock;
    private final transient ScreenAction revoke;
    private final JTextField username = new JTextField(16);
    private final RowTableModel<AuditEvent> history;
    private final JRadioButton queryOnly = new JRadioButton();
    private final JRadioButton business = new JRadioButton();
    private final transient UiTasks tasks = new UiTasks("identity");
    private final transient UiTasks.Lane cardLookup = tasks.lane();
    private final transient UiTasks.Lane accountLookup = tasks.lane();

    public IdentityPanel(Texts texts, StaffSession staff, Services services, ServedCitizen served) {
        super(new MigLayout("wrap 2, insets 12, gap 10 8", "[grow 50, fill][grow 50, fill]"));
        this.texts = texts;
        this.staff = staff;
        this.services = services;
        this.served = served;
        setName("feature.IDENTITY");
        // Keys for the steps of every citizen; locking, unlocking and revoking stay deliberate clicks.
        confirm = new ScreenAction("identity.confirm", texts.text("identity.confirm"), ctrl(KeyEvent.VK_ENTER), model::canConfirmCard,
                () -> confirmCard(IdentityConfirmations.FaceCheck.PHOTO_NOT_DECODABLE));
        refuse = new ScreenAction("identity.refuseFace", texts.text("identity.refuseFace"), null, model::canRefuseCard,
                () -> confirmCard(IdentityConfirmations.FaceCheck.DIFFERS));
        issue = new ScreenAction("identity.issue", texts.text("identity.issue"), ctrl(KeyEvent.VK_I), model::canIssue, this::issue);
        reset = new ScreenAction("identity.reset", texts.text("identity.reset"), ctrl(KeyEvent.VK_R), model::canReset, this::reset);
        lock = new ScreenAction("identity.lock", texts.text("identity.lock"), null, model::canLock, () -> statusChange("lock"));
        unlock = new ScreenAction("identity.unlock", texts.text("identity.unlock"), null, model::canUnlock, () -> statusChange("unlock"));
        revoke = new ScreenAction("identity.revoke", texts.text("identity.revoke"), null, model::canRevoke, () -> statusChange("revoke"));
        for (ScreenAction action : List.of(confirm, refuse, issue, reset, lock, unlock, revoke)) {
            action.bindKeyTo(this);
            model.addListener(action::update);
        }
        model.addListener(() -> username.setEnabled(model.canIssue()));
        history = new RowTableModel<>(List.of(
                new RowTableModel.Column<>(texts.text("column.when"), e -> Formats.time(e.getOccurredAt(), ZoneId.systemDefault())),
                new RowTableModel.Column<>(texts.text("column.action"), e -> texts.textOr("action." + e.getActionCode(), e.getActionCode())),
                new RowTableModel.Column<>(texts.text("column.actor"), AuditEvent::getActorName),
                new RowTableModel.Column<>(texts.text("column.workstation"), AuditEvent::getWorkstationCode),
                new RowTableModel.Column<>(texts.text("column.reason"), e -> e.getActionCode().endsWith(".issued")
                        || e.getActionCode().endsWith(".reset") ? "" : e.getDetail())));
        JLabel hint = new JLabel(texts.text("identity.hint"));
        hint.setName("identity.hint");
        add(hint, "span 2");
        JButton manual = new JButton(texts.text("identity.manual"));
        manual.setName("identity.manual");
        manual.addActionListener(e -> manual());
        add(manual, "span 2, left, growx 0");

        cardInfo.setName("identity.card");
        cardInfo.setBorder(new TitledBorder(texts.text("identity.cardTitle")));
        recordInfo.setName("identity.record");
        recordInfo.setBorder(new TitledBorder(texts.text("identity.recordTitle")));
        add(cardInfo, "height 150!");
        add(recordInfo, "height 150!");
        problems.setName("identity.problems");
        add(problems, "span 2");

        add(confirm.button(), "span 2, split 2, left, growx 0");
        add(refuse.button(), "growx 0");
        outcome.setName("identity.outcome");
        add(outcome, "span 2");

        JPanel credential = new JPanel(new MigLayout("wrap 4, insets 8, gap 8", "[right][grow, fill][][]"));
        credential.setBorder(new TitledBorder(texts.text("identity.credentialTitle")));
        account.setName("identity.account");
        credential.add(account, "span 4, left");
        credential.add(new JLabel(texts.text("identity.scope")));
        queryOnly.setText(texts.text("scope.QUERY_ONLY"));
        queryOnly.setName("identity.scope.QUERY_ONLY");
        business.setText(texts.text("scope.ONLINE_BUSINESS"));
        business.setName("identity.scope.ONLINE_BUSINESS");
        ButtonGroup scopes = new ButtonGroup();
        scopes.add(queryOnly);
        scopes.add(business);
        queryOnly.setSelected(true);
        credential.add(queryOnly, "split 2");
        credential.add(business, "wrap");
        credential.add(new JLabel(texts.text("identity.username")));
        username.setName("identity.username");
        credential.add(username);
        JButton suggest = new JButton(texts.text("identity.suggest"));
        suggest.setName("identity.suggest");
        suggest.addActionListener(e -> tasks.run(services.credentials()::suggestUsername, username::setText,
                error -> ErrorDialog.show(this, texts, error)));
        credential.add(suggest);
        credential.add(issue.button());
        credential.add(reset.button(), "span 4, split 4, left");
        credential.add(lock.button());
        credential.add(unlock.button());
        credential.add(revoke.button());
        JTable historyTable = Tables.fit(new JTable(history));
        historyTable.setName("identity.history");
        credential.add(new JScrollPane(historyTable), "span 4, growx, height 110!");
        add(credential, "span 2, growx");
        served.addListener(this::citizenChanged);
        served.watchUnsavedInput(() -> model.holdsUnsavedInput(username.getText()));
        model.forget();
    }

    private static KeyStroke ctrl(int keyCode) {
        return KeyStroke.getKeyStroke(keyCode, InputEvent.CTRL_DOWN_MASK);
    }

    /** Another screen serves someone else: everything shown and typed here was the previous citizen's. */
    private void citizenChanged(Optional<CitizenSummary> now) {
        if (model.person().isPresent() && now.isPresent() && now.get().personId().equals(model.person().get().personId())) {
            return; // this screen made the change itself
        }
        cardLookup.cancel();
        accountLookup.cancel();
        for (JLabel l : List.of(cardInfo, recordInfo, problems, outcome, account)) {
            l.setText(" ");
        }
        history.setRows(List.of());
        clearInput();
        model.forget();
    }

    /** The credential form belongs to one citizen: a username typed for the previous one must not be issued to the next. */
    private void clearInput() {
        username.setText("");
        queryOnly.setSelected(true);
    }

    /**
     * Makes the holder found here the citizen served, clearing the previous citizen's input on this screen. The model
     * learns of the holder first, so that this screen recognises the change of citizen as its own.
     */
    private void serve(CitizenSummary holder, Runnable recordInModel) {
        if (!served.isServing(holder.personId())) {
            clearInput();
        }
        recordInModel.run();
        served.serve(holder);
    }

    /** A card was read: find the holder and compare the card with the record. Call on the EDT. */
    @Override
    public void cardRead(IdCard read) {
        model.cardRead(read);
        history.setRows(List.of());
        cardInfo.setText(html(texts.text("identity.cardInfo", escape(read.name()), texts.text("gender." + read.gender().name()),
                Formats.date(read.birthDate()), read.idNumber(), Formats.date(read.validFrom()),
                read.validTo() == null ? texts.text("identity.noExpiry") : Formats.date(read.validTo()))
                + "<br>" + texts.text("identity.photoNotDecodable")));
        recordInfo.setText(texts.text("identity.searching"));
        problems.setText(" ");
        outcome.setText(" ");
        // One request does the search and the comparison, and a newer card supersedes it: a second card read while
        // the first is looked up shows the second card only, never the first card's late answer over it.
        accountLookup.cancel();
        cardLookup.run(() -> lookUp(read), found -> {
            if (found.isEmpty()) {
                recordInfo.setText(texts.text("citizen.cardNotInsured", read.maskedIdNumber()));
                return;
            }
            CitizenSummary holder = found.get().holder();
            serve(holder, () -> model.holderFound(holder, found.get().check()));
            showRecord(holder);
            showCheck(found.get().check());
            loadAccount(holder.personId());
        }, error -> recordInfo.setText(texts.describe(error)));
    }

    /** The card's holder in the records and how the card compares with the record. */
    private record CardLookup(CitizenSummary holder, CardCheck check) {
    }

    private Optional<CardLookup> lookUp(IdCard read) {
        List<CitizenSummary> found = services.search().byIdNumber(read.idNumber());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CitizenSummary holder = found.get(0);
        return Optional.of(new CardLookup(holder, services.confirmations().check(holder.personId(), read)));
    }

    /** True while a card read is still being looked up (tests wait on this rather than on the label). */
    public boolean lookingUp() {
        return cardLookup.busy() || accountLookup.busy();
    }

    private void showCheck(CardCheck check) {
        if (check.passed()) {
            problems.setText(texts.text("identity.checkPassed"));
        } else {
            StringBuilder b = new StringBuilder(texts.text("identity.checkFailed"));
            for (CardCheck.Problem p : check.problems()) {
                b.append("<br>• ").append(texts.text("identity.problem." + p.kind().name(),
                        p.values().stream().map(IdentityPanel::escape).toArray()));
            }
            problems.setText(html(b.toString()));
        }
    }

    private void showRecord(CitizenSummary person) {
        recordInfo.setText(html(texts.text("identity.recordInfo", escape(person.name()), Formats.date(person.birthDate()),
                person.maskedIdNumber(), texts.text("person." + person.status().name()))));
    }

    private void confirmCard(IdentityConfirmations.FaceCheck face) {
        IdCard c = model.card().orElseThrow();
        UUID id = model.person().orElseThrow().personId();
        model.writing(true);
        tasks.run(() -> services.confirmations().confirmByCard(staff, id, c, face), done -> {
            model.writing(false);
            if (model.person().filter(p -> p.personId().equals(id)).isPresent()) {
                confirmed(done);
            }
        }, error -> {
            model.writing(false);
            ErrorDialog.show(this, texts, error);
        });
    }

    private void manual() {
        Window owner = SwingUtilities.getWindowAncestor(this);
        // The dialog runs the confirmation and stays open on a refusal, so what was typed is kept.
        ManualConfirmationDialog.ask(owner, texts, e -> {
            List<CitizenSummary> found = services.search().byIdNumber(CitizenIdNumber.parse(e.idNumber()).value());
            if (found.isEmpty()) {
                throw new LocalizedException("identity.error.notInsured");
            }
            IdentityConfirmation done = services.confirmations().confirmManually(staff, found.get(0).personId(), e.idNumber(),
                    e.copyTaken(), e.supervisor(), e.supervisorPassword());
            return new ManualResult(found.get(0), done);
        }).ifPresent(result -> {
            cardLookup.cancel();
            serve(result.person(), () -> model.confirmedManually(result.person(), result.confirmation()));
            cardInfo.setText(texts.text("identity.manualCard"));
            showRecord(result.person());
            problems.setText(" ");
            showConfirmation(result.confirmation());
            loadAccount(result.person().personId());
        });
    }

    private void confirmed(IdentityConfirmation c) {
        model.confirmed(c);
        showConfirmation(c);
    }

    private void showConfirmation(IdentityConfirmation c) {
        if (c.getResult() == ConfirmationResult.CONFIRMED) {
            outcome.setText(texts.text("identity.confirmed", Formats.time(c.getConfirmedAt(), ZoneId.systemDefault())));
        } else {
            outcome.setText(texts.text("identity.refused", c.getRefusalReason()));
        }
    }

    /** Reads the account of the person served, unless someone else is served by the time a write answers. */
    private void loadAccount(UUID id) {
        if (model.person().filter(p -> p.personId().equals(id)).isEmpty()) {
            return;
        }
        accountLookup.run(() -> services.credentials().accountOf(id), view -> {
            StringBuilder b = new StringBuilder();
            if (view.current().isPresent()) {
                OnlineAccount a = view.current().get();
                b.append(texts.text("identity.accountCurrent", a.getUsername(), texts.text("account." + a.getStatus().name()),
                        texts.text("scope." + a.getPermissionScope().name())));
            } else {
                b.append(texts.text("identity.accountNone"));
            }
            for (OnlineCredentials.RejectedIssue r : view.rejected()) {
                b.append("<br>").append(texts.text("identity.rejected", r.username(),
                        texts.text("conflict." + r.reason())));
            }
            account.setText(html(b.toString()));
            history.setRows(view.history());
            model.accountLoaded(view);
        }, error -> account.setText(texts.describe(error)));
    }

    private void issue() {
        UUID personId = model.person().orElseThrow().personId();
        UUID confirmationId = model.confirmation().orElseThrow().getId();
        String name = username.getText();
        PermissionScope scope = business.isSelected()
                ? PermissionScope.ONLINE_BUSINESS : PermissionScope.QUERY_ONLY;
        model.writing(true);
        outcome.setText(texts.text("identity.issuing"));
        tasks.run(() -> services.credentials().issue(staff, personId, confirmationId, scope, name), this::printSlip,
                error -> {
                    model.writing(false);
                    outcome.setText(texts.describe(error));
                });
    }

    private void reset() {
        UUID accountId = model.currentAccount().orElseThrow().getId();
        UUID confirmationId = model.confirmation().orElseThrow().getId();
        model.writing(true);
        tasks.run(() -> services.credentials().resetPassword(staff, accountId, confirmationId), this::printSlip,
                error -> {
                    model.writing(false);
                    outcome.setText(texts.describe(error));
                });
    }

    /** Renders off the EDT, waiting briefly for central's activation when online; the password is wiped after. */
    private void printSlip(IssuedCredential credential) {
        outcome.setText(texts.text("identity.rendering"));
        tasks.run(() -> {
            try {
                boolean active = services.waitForActivation().test(credential.accountId());
                return services.slips().render(credential, active, staff);
            } finally {
                credential.wipe();
            }
        }, rendered -> {
            // The slip is shown whatever happened meanwhile: the password exists nowhere else.
            model.writing(false);
            outcome.setText(texts.text("identity.issued", credential.username()));
            CredentialSlipDialog.show(tasks, SwingUtilities.getWindowAncestor(this), texts, credential, rendered,
                    services.pdfSlipsAllowed());
            loadAccount(credential.personId());
        }, error -> {
            model.writing(false);
            outcome.setText(texts.text("slip.printFailed"));
            ErrorDialog.show(this, texts, error);
            loadAccount(credential.personId());
        });
    }

    private void statusChange(String what) {
        OnlineAccount current = model.currentAccount().orElseThrow();
        UUID accountId = current.getId();
        UUID personId = current.getPersonId();
        String reason = null;
        if (!"unlock".equals(what)) {
            reason = JOptionPane.showInputDialog(this, texts.text("identity.reason." + what), texts.text("identity." + what),
                    JOptionPane.QUESTION_MESSAGE);
            if (reason == null) {
                return;
            }
        }
        String why = reason;
        model.writing(true);
        tasks.run(() -> {
            switch (what) {
                case "lock" -> services.credentials().lock(staff, accountId, why);
                case "unlock" -> services.credentials().unlock(staff, accountId);
                default -> services.credentials().revoke(staff, accountId, why);
            }
            return what;
        }, done -> {
            model.writing(false);
            outcome.setText(texts.text("identity.done." + done));
            loadAccount(personId);
        }, error -> {
            model.writing(false);
            ErrorDialog.show(this, texts, error);
        });
    }

    /** Card and record values go into HTML labels: a name must never become markup. */
    private static String escape(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String html(String text) {
        return "<html>" + text + "</html>";
    }
}
