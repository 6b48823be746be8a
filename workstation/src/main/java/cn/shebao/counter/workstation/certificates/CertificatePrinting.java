package cn.shebao.counter.workstation.certificates;

import cn.shebao.counter.workstation.auditview.AccessHistory;
import cn.shebao.counter.workstation.auditview.AccessStatements;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.ContributionHistory;
import cn.shebao.counter.workstation.citizen.RecordAction;
import cn.shebao.counter.workstation.ui.ErrorDialog;
import cn.shebao.counter.workstation.ui.FormDialog;
import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.ui.UiTasks;
import java.awt.Component;
import java.awt.Window;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.swing.JFormattedTextField;
import javax.swing.JOptionPane;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;

/**
 * The record's print buttons: participation certificate, rights-record statement of a year, the citizen's access
 * statement, and reprints.
 */
public final class CertificatePrinting {

    private final UiTasks tasks = new UiTasks("certificate-printing");

    private final Texts texts;
    private final DocumentRegister register;
    private final CitizenRecords records;
    private final CertificateContent content;
    private final AccessStatements accessStatements;
    private final AccessStatementContent accessContent;
    private final Clock clock;

    /** The services printing from a record uses; the screens that print are made with one of these. */
    public record Services(DocumentRegister register, CitizenRecords records, AccessStatements accessStatements, Clock clock) {
    }

    public CertificatePrinting(Texts texts, Services services) {
        this.texts = texts;
        this.register = services.register();
        this.records = services.records();
        this.content = new CertificateContent(services.clock().getZone());
        this.accessStatements = services.accessStatements();
        this.accessContent = new AccessStatementContent(services.clock().getZone());
        this.clock = services.clock();
    }

    public List<RecordAction> actions() {
        return List.of(new RecordAction("record.printCertificate", texts.text("record.printCertificate"), this::certificate),
                new RecordAction("record.printStatement", texts.text("record.printStatement"), this::statement),
                new RecordAction("record.printAccessStatement", texts.text("record.printAccessStatement"), this::accessStatement),
                new RecordAction("record.documents", texts.text("record.documents"), this::documents));
    }

    private void certificate(CitizenRecords.Opened opened, Component owner) {
        issue(owner, () -> register.issue(opened.access(), DocumentType.PARTICIPATION_CERTIFICATE,
                stamp -> content.certificate(opened.profile(), opened.access().purpose(), stamp)));
    }

    private void statement(CitizenRecords.Opened opened, Component owner) {
        chooseYear(owner).ifPresent(year -> issue(owner, () -> {
            ContributionHistory history = historyOf(opened, year);
            return register.issue(opened.access(), DocumentType.RIGHTS_RECORD_STATEMENT,
                    stamp -> content.statement(opened.profile(), history, year, stamp));
        }));
    }

    /**
     * The months of the statement's year, read before a document number is taken. A year whose older months are
     * kept at central while central cannot be asked is refused: a statement missing months would be wrong on paper.
     */
    private ContributionHistory historyOf(CitizenRecords.Opened opened, int year) {
        return records.contributions(opened.access()).requireCompleteFor(year);
    }

    /** Who viewed or printed the record in the last twelve months, at every window: asked of central before a number is taken. */
    private void accessStatement(CitizenRecords.Opened opened, Component owner) {
        issue(owner, () -> {
            List<AccessHistory.Access> accesses = accessStatements.lastTwelveMonths(opened.access());
            Instant since = accessStatements.periodStart();
            return register.issue(opened.access(), DocumentType.ACCESS_STATEMENT,
                    stamp -> accessContent.statement(opened.profile(), accesses, since, stamp));
        });
    }

    /** The register keeps no copy of a statement's content, so a reprint asks again which year it covers. */
    private Optional<Integer> chooseYear(Component owner) {
        int lastYear = LocalDate.now(clock).getYear() - 1;
        JSpinner year = new JSpinner(new SpinnerNumberModel(lastYear, 1990, lastYear + 1, 1));
        year.setName("statement.year");
        year.setEditor(new JSpinner.NumberEditor(year, "#"));
        // The year's field has the keyboard, so the clerk types the year at once; a typed year counts even when OK is
        // pressed without leaving the field (the spinner commits its text only then).
        JFormattedTextField typed = ((JSpinner.DefaultEditor) year.getEditor()).getTextField();
        if (!FormDialog.confirm(owner, year, texts.text("statement.chooseYear"), typed, JOptionPane.QUESTION_MESSAGE)) {
            return Optional.empty();
        }
        try {
            year.commitEdit();
        } catch (ParseException notAYear) {
            return Optional.empty(); // the spinner keeps its last valid year; nothing is printed for text that is none
        }
        return Optional.of((Integer) year.getValue());
    }

    private void documents(CitizenRecords.Opened opened, Component owner) {
        tasks.run(() -> register.documentsOf(opened.access()),
                entries -> DocumentListDialog.show(window(owner), texts, entries, entry -> reprint(opened, owner, entry)),
                error -> ErrorDialog.show(owner, texts, error));
    }

    private void reprint(CitizenRecords.Opened opened, Component owner, DocumentRegister.Entry original) {
        if (original.type() == DocumentType.PARTICIPATION_CERTIFICATE) {
            issue(owner, () -> register.reprint(opened.access(), original.documentId(),
                    stamp -> content.certificate(opened.profile(), opened.access().purpose(), stamp)));
        } else if (original.type() == DocumentType.RIGHTS_RECORD_STATEMENT) {
            chooseYear(owner).ifPresent(year -> issue(owner, () -> {
                ContributionHistory history = historyOf(opened, year);
                return register.reprint(opened.access(), original.documentId(), stamp -> content.statement(opened.profile(), history, year, stamp));
            }));
        } else {
            JOptionPane.showMessageDialog(owner, texts.text("document.reprintElsewhere"));
        }
    }

    /** Registers a document off the EDT, then shows it for printing; for other features' documents too. */
    public void issue(Component owner, Callable<DocumentRegister.Issued> work) {
        tasks.run(work, issued -> IssuedDocumentDialog.show(tasks, window(owner), texts, issued),
                error -> ErrorDialog.show(owner, texts, error));
    }

    private static Window window(Component c) {
        return c instanceof Window w ? w : SwingUtilities.getWindowAncestor(c);
    }
}
