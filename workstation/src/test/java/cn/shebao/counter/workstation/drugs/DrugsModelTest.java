package cn.shebao.counter.workstation.drugs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.id.Gender;
import cn.shebao.counter.workstation.citizen.CitizenSummary;
import cn.shebao.counter.workstation.citizen.PersonStatus;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** F4's rules for its buttons and keys, headless (issue 17). */
class DrugsModelTest {

    private final DrugsModel model = new DrugsModel();
    private final CitizenSummary citizen = new CitizenSummary(UUID.randomUUID(), "3301**********1234", "李四", Gender.FEMALE,
            LocalDate.of(1965, 3, 2), "330102", PersonStatus.CONTRIBUTING);

    @Test
    void aNoticeOnlyForADecidedApplicationAndAWithdrawalOnlyOfOneStillWaiting() {
        model.serve(citizen);
        assertThat(model.canPrintNotice()).isFalse();
        assertThat(model.canWithdraw()).isFalse();
        model.select(line(ApplicationStatus.REGISTERED));
        assertThat(model.canWithdraw()).isTrue();
        assertThat(model.canPrintNotice()).isFalse();
        for (ApplicationStatus decided : new ApplicationStatus[] {ApplicationStatus.APPROVED, ApplicationStatus.REJECTED}) {
            model.select(line(decided));
            assertThat(model.canPrintNotice()).as(decided.name()).isTrue();
            assertThat(model.canWithdraw()).as(decided.name()).isFalse();
        }
        model.select(line(ApplicationStatus.DISPUTED));
        assertThat(model.canPrintNotice()).isFalse();
    }

    @Test
    void oneWriteAtATimeAndRegisteringAsksForACitizenRatherThanGreyingOut() {
        assertThat(model.canRegister()).as("the screen then says to find the citizen first").isTrue();
        model.serve(citizen);
        model.select(line(ApplicationStatus.REGISTERED));
        model.writing(true);
        assertThat(model.canRegister()).isFalse();
        assertThat(model.canWithdraw()).isFalse();
        model.writing(false);
        assertThat(model.canRegister()).isTrue();
        assertThat(model.canWithdraw()).isTrue();
    }

    @Test
    void anotherCitizenDropsTheSelectionAndTypedInputCountsOnlyForACitizen() {
        AtomicInteger heard = new AtomicInteger();
        model.addListener(heard::incrementAndGet);
        assertThat(model.holdsUnsavedInput(true)).isFalse();
        model.serve(citizen);
        model.select(line(ApplicationStatus.APPROVED));
        assertThat(model.holdsUnsavedInput(true)).isTrue();
        assertThat(model.holdsUnsavedInput(false)).isFalse();
        model.forget();
        assertThat(model.selected()).isEmpty();
        assertThat(model.canPrintNotice()).isFalse();
        assertThat(heard).hasValue(3);
    }

    private DrugApplications.Line line(ApplicationStatus status) {
        SpecialDrugApplication application = new SpecialDrugApplication(UUID.randomUUID());
        application.setPersonId(citizen.personId());
        application.setStatus(status);
        return new DrugApplications.Line(application, "奥希替尼片", "80mg*30片", null);
    }
}
