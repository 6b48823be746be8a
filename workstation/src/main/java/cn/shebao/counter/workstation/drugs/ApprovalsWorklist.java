package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.ui.Texts;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * F5's presentation model: the worklist a supervisor sees and what may be done with it, without Swing (tested
 * headless). Four eyes shows here first: the supervisor's own applications are marked and cannot be selected for a
 * decision (central refuses them too). The count line counts what waits apart from the approvals in force listed
 * beside it, and keeps the outcome of the last decision in front of it.
 *
 * <p>Threads: the Event Dispatch Thread (the view's); the worklist is read off it and handed in.
 */
final class ApprovalsWorklist {

    private final Texts texts;
    private final UUID supervisorId;
    private List<DrugApplications.Pending> rows = List.of();
    private boolean withApproved;
    private int[] selected = new int[0];
    private boolean deciding;

    ApprovalsWorklist(Texts texts, UUID supervisorId) {
        this.texts = texts;
        this.supervisorId = supervisorId;
    }

    /** The worklist as read; {@code withApproved} when the approvals in force were asked for too. */
    void show(List<DrugApplications.Pending> read, boolean approvedToo) {
        rows = List.copyOf(read);
        withApproved = approvedToo;
        selected = new int[0];
    }

    /** The rows selected in the list (model indexes). */
    void select(int[] modelRows) {
        selected = modelRows.clone();
    }

    /** A decision or revocation is on its way to the service: no second one starts. */
    void deciding(boolean underWay) {
        deciding = underWay;
    }

    /** Approve and reject: something decidable selected, and no decision on its way. */
    boolean canDecide() {
        return !deciding && decidable(selected).length > 0;
    }

    /** Revoke: one approval in force selected. */
    boolean canRevoke() {
        return !deciding && selected.length == 1 && rows.get(selected[0]).application().getStatus() == ApplicationStatus.APPROVED;
    }

    List<DrugApplications.Pending> rows() {
        return rows;
    }

    /** Registered by this supervisor: to be decided by another. */
    boolean own(DrugApplications.Pending p) {
        return supervisorId.equals(p.application().getRegisteredBy());
    }

    /** The status column: the application's state, marked when it is this supervisor's own. */
    String status(DrugApplications.Pending p) {
        String status = texts.text("application." + p.application().getStatus().name());
        return own(p) ? texts.text("approvals.ownStatus", status) : status;
    }

    /** Of the rows selected (model indexes), those that may be decided: every one but the supervisor's own. */
    int[] decidable(int[] selected) {
        return Arrays.stream(selected).filter(i -> !own(rows.get(i))).toArray();
    }

    /** The line above the list: {@code outcome} (what was just done, or null) and the count of what waits. */
    String countLine(String outcome) {
        long waiting = rows.stream().filter(r -> r.application().getStatus() == ApplicationStatus.REGISTERED
                || r.application().getStatus() == ApplicationStatus.DISPUTED).count();
        String count = withApproved ? texts.text("approvals.countWithApproved", waiting, rows.size() - waiting)
                : texts.text("approvals.count", waiting);
        return outcome == null ? count : outcome + " " + count;
    }
}
