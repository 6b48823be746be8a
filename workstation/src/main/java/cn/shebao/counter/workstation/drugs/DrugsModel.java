package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.citizen.CitizenSummary;
import cn.shebao.counter.workstation.ui.ChangeListeners;
import java.util.Optional;

/**
 * What F4's application tab knows and may do: the citizen whose applications are listed, the application selected in
 * the list, and whether a registration or withdrawal is on its way. The buttons and keys derive their enabled state
 * from here: a decision notice only for a decided application, a withdrawal only of one still waiting, and one write
 * at a time (a second click while the first registration travels would register the same application twice).
 *
 * <p>Threads: Event Dispatch Thread (plain Java: tests call it from theirs).
 */
public final class DrugsModel {

    private final ChangeListeners listeners = new ChangeListeners();
    private CitizenSummary person;
    private DrugApplications.Line selected;
    private boolean writing;

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** The citizen whose applications are shown; the selection was the previous list's. */
    public void serve(CitizenSummary who) {
        person = who;
        selected = null;
        changed();
    }

    public void forget() {
        person = null;
        selected = null;
        changed();
    }

    public void select(DrugApplications.Line line) {
        selected = line;
        changed();
    }

    public void writing(boolean underWay) {
        writing = underWay;
        changed();
    }

    public Optional<CitizenSummary> person() {
        return Optional.ofNullable(person);
    }

    public Optional<DrugApplications.Line> selected() {
        return Optional.ofNullable(selected);
    }

    public boolean writing() {
        return writing;
    }

    /** Enabled without a citizen too: the screen then says to find the citizen first, rather than greying out silently. */
    public boolean canRegister() {
        return !writing;
    }

    public boolean canWithdraw() {
        return !writing && person != null && selected != null && selected.application().getStatus() == ApplicationStatus.REGISTERED;
    }

    public boolean canPrintNotice() {
        if (person == null || selected == null) {
            return false;
        }
        ApplicationStatus status = selected.application().getStatus();
        return status == ApplicationStatus.APPROVED || status == ApplicationStatus.REJECTED;
    }

    /** Typed input (the caller says whether the form was touched) is the served citizen's, to be asked about. */
    public boolean holdsUnsavedInput(boolean formTouched) {
        return person != null && formTouched;
    }

    private void changed() {
        listeners.fire();
    }
}
