package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.Gender;
import java.time.LocalDate;
import java.util.UUID;

/** One line of a search result. The ID number is masked: a list is not a record opened for a purpose. */
public record CitizenSummary(UUID personId, String maskedIdNumber, String name, Gender gender, LocalDate birthDate,
        String householdAreaCode, PersonStatus status) {

    static CitizenSummary of(InsuredPerson p) {
        return new CitizenSummary(p.getId(), CitizenIdNumber.mask(p.getCitizenIdNumber()), p.getName(), p.getGender(),
                p.getBirthDate(), p.getHouseholdAreaCode(), p.getStatus());
    }
}
