package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.Gender;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The basic tab: the person as opened for a purpose (so the ID number is whole), the current employer, and
 * each insurance type with its cumulative contribution months (months brought in from before the records,
 * plus months paid or back-paid here).
 */
public record CitizenProfile(UUID personId, String citizenIdNumber, String name, Gender gender,
        LocalDate birthDate, String nationCode, String householdAreaCode, String address, String phone,
        String socialSecurityCardNumber, PersonStatus status, RetirementCategory retirementCategory, LocalDate firstWorkDate,
        LocalDate retiredOn, LocalDate registeredOn, String employerName, String employerCreditCode,
        List<Participation> participations) {

    /** One insurance type of this person. */
    public record Participation(InsuranceType type, ParticipationStatus status, LocalDate firstInsuredOn, int months,
            BigDecimal personalAccountBalance) {
    }

    public CitizenProfile {
        participations = List.copyOf(participations);
    }

    /** The person as a list line shows them (number masked), for the window's {@link ServedCitizen}. */
    public CitizenSummary summary() {
        return new CitizenSummary(personId, CitizenIdNumber.mask(citizenIdNumber), name, gender, birthDate, householdAreaCode, status);
    }

    public int monthsOf(InsuranceType type) {
        return participations.stream().filter(p -> p.type() == type).mapToInt(Participation::months).sum();
    }
}
