package cn.shebao.counter.workstation.drugs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.ui.Texts;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** F5's presentation model, headless: own applications marked and not decidable, counts that mean what they say. */
class ApprovalsWorklistTest {

    private static final UUID ZHAOMIN = UUID.randomUUID();
    private static final UUID CHENJING = UUID.randomUUID();
    private final Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);

    private static DrugApplications.Pending pending(UUID registeredBy, ApplicationStatus status) {
        SpecialDrugApplication a = new SpecialDrugApplication(UUID.randomUUID());
        a.setRegisteredBy(registeredBy);
        a.setStatus(status);
        return new DrugApplications.Pending(a, "阿达木单抗注射液", "张三", Duration.ofDays(2));
    }

    @Test
    void theSupervisorsOwnApplicationsAreMarkedAndCannotBeDecidedByThem() {
        ApprovalsWorklist worklist = new ApprovalsWorklist(texts, ZHAOMIN);
        DrugApplications.Pending theirs = pending(CHENJING, ApplicationStatus.REGISTERED);
        DrugApplications.Pending own = pending(ZHAOMIN, ApplicationStatus.REGISTERED);
        worklist.show(List.of(theirs, own), false);

        assertThat(worklist.status(theirs)).isEqualTo("待审批");
        assertThat(worklist.status(own)).isEqualTo("待审批（本人登记）");
        assertThat(worklist.decidable(new int[] {0, 1})).containsExactly(0);
        assertThat(worklist.decidable(new int[] {1})).isEmpty();
    }

    @Test
    void waitingIsCountedApartFromTheApprovalsInForceAndTheLastOutcomeStaysInFront() {
        ApprovalsWorklist worklist = new ApprovalsWorklist(texts, ZHAOMIN);
        worklist.show(List.of(pending(CHENJING, ApplicationStatus.REGISTERED), pending(CHENJING, ApplicationStatus.DISPUTED),
                pending(CHENJING, ApplicationStatus.APPROVED), pending(CHENJING, ApplicationStatus.APPROVED)), true);
        assertThat(worklist.countLine(null)).isEqualTo("待审批 2 件，另列出已核准在用 2 件（可撤销）");
        worklist.show(List.of(pending(CHENJING, ApplicationStatus.REGISTERED)), false);
        assertThat(worklist.countLine("已核准 1 件。")).startsWith("已核准 1 件。").endsWith("待审批 1 件（可多选后一并审批）");
    }

    /** The approve, reject and revoke buttons follow the selection and stand still while a decision travels. */
    @Test
    void decisionsNeedADecidableSelectionAndOneAtATime() {
        ApprovalsWorklist worklist = new ApprovalsWorklist(texts, ZHAOMIN);
        worklist.show(List.of(pending(CHENJING, ApplicationStatus.REGISTERED), pending(ZHAOMIN, ApplicationStatus.REGISTERED),
                pending(CHENJING, ApplicationStatus.APPROVED)), true);
        assertThat(worklist.canDecide()).as("nothing selected").isFalse();
        worklist.select(new int[] {1});
        assertThat(worklist.canDecide()).as("only the supervisor's own").isFalse();
        worklist.select(new int[] {0, 1});
        assertThat(worklist.canDecide()).isTrue();
        assertThat(worklist.canRevoke()).isFalse();
        worklist.select(new int[] {2});
        assertThat(worklist.canRevoke()).isTrue();
        worklist.deciding(true);
        assertThat(worklist.canRevoke()).isFalse();
        assertThat(worklist.canDecide()).isFalse();
        worklist.deciding(false);
        worklist.show(List.of(pending(CHENJING, ApplicationStatus.REGISTERED)), false);
        assertThat(worklist.canDecide()).as("a new list, nothing selected").isFalse();
    }
}
