package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.app.Workstation;
import cn.shebao.counter.workstation.auditview.AuditPanel;
import cn.shebao.counter.workstation.certificates.CertificateContent;
import cn.shebao.counter.workstation.certificates.CertificatePrinting;
import cn.shebao.counter.workstation.certificates.DocumentType;
import cn.shebao.counter.workstation.certificates.VerifyDocumentPanel;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.CitizenSummary;
import cn.shebao.counter.workstation.citizen.ServedCitizen;
import cn.shebao.counter.workstation.drugs.ApprovalsPanel;
import cn.shebao.counter.workstation.drugs.DecisionNotices;
import cn.shebao.counter.workstation.drugs.DrugApprovalHistory;
import cn.shebao.counter.workstation.drugs.DrugsPanel;
import cn.shebao.counter.workstation.identity.IdentityPanel;
import cn.shebao.counter.workstation.records.CitizenLookupPanel;
import cn.shebao.counter.workstation.records.RecordSources;
import cn.shebao.counter.workstation.retirement.RetirementOutlooks;
import cn.shebao.counter.workstation.retirement.RetirementRemindersPanel;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.staff.StaffPanel;
import cn.shebao.counter.workstation.ui.Texts;
import java.awt.Component;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

/**
 * Builds the panel of each feature from the workstation's services and wires the features to each other
 * (a card read opens the record; the record offers printing). Closing it detaches from the card reader.
 * The screens share one {@link ServedCitizen}, the citizen in front of the clerk.
 */
final class FeaturePanels implements AutoCloseable {

    private final Texts texts;
    private final StaffSession session;
    private final Workstation workstation;
    private final UiSettings settings;
    private final MainFrame.Listener listener;
    private final ServedCitizen served = new ServedCitizen();
    private Consumer<IdCard> cardListener;
    private IdentityPanel identity;
    private DrugsPanel drugs;
    private CitizenLookupPanel lookup;

    FeaturePanels(Texts texts, StaffSession session, Workstation workstation, UiSettings settings, MainFrame.Listener listener) {
        this.texts = texts;
        this.session = session;
        this.workstation = workstation;
        this.settings = settings;
        this.listener = listener;
    }

    JComponent panelFor(Feature f, Runnable showLookup) {
        return switch (f) {
            case CITIZEN_LOOKUP -> lookup(showLookup);
            case IDENTITY -> identity();
            case SPECIAL_DRUGS -> drugs();
            case APPROVALS -> new ApprovalsPanel(texts, session, workstation.drugApplications());
            case CERTIFICATES -> new VerifyDocumentPanel(texts, session, workstation.documents(), workstation.clock().getZone());
            case STAFF -> new StaffPanel(texts, session, workstation.staffAdministration());
            case AUDIT -> new AuditPanel(texts, session, workstation.auditSearch(), workstation.auditExport(), workstation.auditVerifier(),
                    workstation.unusualAccess(), workstation.clock().getZone());
            case SETTINGS -> new SettingsPanel(texts, settings, workstation.centrePolicy().idleLockMaxMinutes(), listener::settingsApplied);
            case SYNC -> workstation.sync().<JComponent>map(engine -> new SyncPanel(texts, engine, workstation.clock(),
                            new ConflictQueuePanel(texts, session, workstation.conflicts())))
                    .orElseGet(() -> new PlaceholderPanel(texts, f));
            default -> new PlaceholderPanel(texts, f);
        };
    }

    private JComponent drugs() {
        CertificatePrinting printing = printing();
        DecisionNotices notices = new DecisionNotices(workstation.clock().getZone());
        drugs = new DrugsPanel(texts, session, workstation.citizenSearch(), workstation.citizenRecords(), workstation.drugCatalogue(),
                workstation.drugApplications(), (opened, line, owner) -> printing.issue(owner, () -> workstation.documents().issue(
                        opened.access(), DocumentType.DRUG_DECISION_NOTICE,
                        stamp -> notices.notice(opened.profile(), line, line.decidedByName(), stamp))), served,
                workstation.specifiedDiseases(), workstation.clock());
        return drugs;
    }

    private CertificatePrinting printing() {
        return new CertificatePrinting(texts, workstation.documents(), workstation.citizenRecords(),
                new CertificateContent(workstation.clock().getZone()), workstation.accessStatements(), workstation.clock());
    }

    private JComponent identity() {
        identity = new IdentityPanel(texts, session, new IdentityPanel.Services(workstation.citizenSearch(),
                workstation.confirmations(), workstation.credentials(), workstation.credentialSlips(), workstation::awaitActivation,
                workstation.demo()), served);
        return identity;
    }

    private JComponent lookup(Runnable showLookup) {
        CertificatePrinting printing = printing();
        CitizenRecords records = workstation.citizenRecords();
        RecordSources sources = new RecordSources(records, new RetirementOutlooks(records, workstation.clock()),
                new DrugApprovalHistory(records));
        lookup = new CitizenLookupPanel(texts, session, workstation.citizenSearch(), sources,
                printing.actions(), served);
        lookup.addSearchTab(texts.text("citizen.tab.reminders"), new RetirementRemindersPanel(texts, session,
                workstation.retirementReminders(), workstation.clock(), lookup::openRecord));
        // A card goes to the identity screen when that is open, otherwise it opens the holder's record.
        cardListener = card -> SwingUtilities.invokeLater(() -> {
            if (!mayReplaceServedCitizen(card, lookup)) {
                return;
            }
            if (identity != null && identity.isShowing()) {
                identity.cardRead(card);
            } else if (drugs != null && drugs.isShowing()) {
                drugs.cardRead(card);
            } else {
                showLookup.run();
                lookup.cardRead(card);
            }
        });
        workstation.presentedCards().addListener(cardListener);
        return lookup;
    }

    /**
     * A card of someone other than the citizen served replaces them everywhere; when a screen holds typed input for
     * the served citizen, the clerk is asked first (Escape keeps the current citizen and the input).
     */
    private boolean mayReplaceServedCitizen(IdCard card, Component owner) {
        if (!served.hasUnsavedInput() || served.mayBeHolderOf(card.idNumber(), card.name())) {
            return true;
        }
        Object[] options = {texts.text("citizen.replace.yes"), texts.text("citizen.replace.no")};
        JOptionPane pane = new JOptionPane(texts.text("citizen.replace.message", served.current().map(CitizenSummary::name).orElse("")),
                JOptionPane.QUESTION_MESSAGE, JOptionPane.YES_NO_OPTION, null, options, options[1]);
        JDialog dialog = pane.createDialog(SwingUtilities.getWindowAncestor(owner), texts.text("citizen.replace.title"));
        dialog.setName("citizen.replace");
        dialog.setVisible(true);
        dialog.dispose();
        return pane.getValue() == options[0];
    }

    /** A citizen is being served: a record is open (the clerk is asked before logging out over it). */
    boolean citizenBeingServed() {
        return lookup != null && lookup.recordOpen();
    }

    @Override
    public void close() {
        if (cardListener != null) {
            workstation.presentedCards().removeListener(cardListener);
            cardListener = null;
        }
    }
}
