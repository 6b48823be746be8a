package cn.shebao.counter.workstation.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.Gender;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The window's one served citizen: screens hear only of a change of person, and typed input is known before it is lost. */
class ServedCitizenTest {

    private static final String ZHANG = "110105194912310021";
    private static final String LI = "11010519491231002X";

    private static CitizenSummary person(String idNumber, String name) {
        return new CitizenSummary(UUID.nameUUIDFromBytes(idNumber.getBytes()), CitizenIdNumber.mask(idNumber), name, Gender.FEMALE,
                LocalDate.of(1949, 12, 31), "110105", PersonStatus.RETIRED);
    }

    @Test
    void screensHearOfAnotherPersonButNotOfTheSamePersonFoundAgain() {
        ServedCitizen served = new ServedCitizen();
        List<Optional<CitizenSummary>> heard = new ArrayList<>();
        served.addListener(heard::add);
        CitizenSummary zhang = person(ZHANG, "张三");
        CitizenSummary li = person(LI, "李四");

        assertThat(served.serve(zhang)).isTrue();
        assertThat(served.serve(person(ZHANG, "张三"))).as("the same person again").isFalse();
        assertThat(served.serve(li)).isTrue();
        served.end();
        served.end();

        assertThat(heard).containsExactly(Optional.of(zhang), Optional.of(li), Optional.empty());
        assertThat(served.current()).isEmpty();
        assertThat(served.isServing(li.personId())).isFalse();
    }

    @Test
    void unsavedInputOfAnyScreenIsKnownAndACardOfTheSamePersonIsRecognised() {
        ServedCitizen served = new ServedCitizen();
        AtomicBoolean typed = new AtomicBoolean();
        served.watchUnsavedInput(() -> false);
        served.watchUnsavedInput(typed::get);
        assertThat(served.hasUnsavedInput()).isFalse();
        typed.set(true);
        assertThat(served.hasUnsavedInput()).isTrue();

        assertThat(served.mayBeHolderOf(ZHANG, "张三")).as("nobody served yet").isFalse();
        served.serve(person(ZHANG, "张三"));
        assertThat(served.mayBeHolderOf(ZHANG, "张三")).isTrue();
        assertThat(served.mayBeHolderOf(LI, "张三")).as("another number").isFalse();
        assertThat(served.mayBeHolderOf(ZHANG, "李四")).as("another name").isFalse();
    }
}
