package cn.shebao.counter.workstation.retirement;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.PersonStatus;
import cn.shebao.counter.workstation.citizen.RetirementCategory;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;

/**
 * The citizens reaching their statutory retirement date in the next months, for the centre to remind them.
 * The retirement date never decreases with the birth date within a category, so each category's window of
 * retirement dates maps to one window of birth dates, found by bisection and answered by the birth-date index.
 */
public final class RetirementReminders {

    /** One citizen due to retire; the ID number is masked because this is a list. */
    public record Reminder(UUID personId, String maskedIdNumber, String name, LocalDate birthDate,
            RetirementCategory category, LocalDate retirementDate) {
    }

    /** At most this many rows are returned; the clerk narrows the window to see the rest. */
    public static final int LIMIT = 2_000;

    private final SessionFactory sessions;

    public RetirementReminders(SessionFactory sessions) {
        this.sessions = sessions;
    }

    public List<Reminder> dueWithin(StaffSession staff, LocalDate from, int months) {
        staff.require(StaffRole.CLERK, StaffRole.SUPERVISOR);
        if (months < 1 || months > 36) {
            throw new IllegalArgumentException("months must be 1 to 36, was " + months);
        }
        LocalDate until = from.plusMonths(months);
        List<Reminder> due = new ArrayList<>();
        for (RetirementCategory category : RetirementCategory.values()) {
            LocalDate firstBirth = firstBirthRetiringOnOrAfter(category, from);
            LocalDate afterLastBirth = firstBirthRetiringOnOrAfter(category, until);
            due.addAll(sessions.fromTransaction(s -> s.createSelectionQuery(
                    "from InsuredPerson where retirementCategory = :c and birthDate >= :a and birthDate < :b"
                            + " and status in (:active) order by birthDate", InsuredPerson.class)
                    .setParameter("c", category).setParameter("a", firstBirth).setParameter("b", afterLastBirth)
                    .setParameterList("active", List.of(PersonStatus.CONTRIBUTING, PersonStatus.SUSPENDED))
                    .setMaxResults(LIMIT).getResultList()).stream()
                    .map(p -> new Reminder(p.getId(), CitizenIdNumber.mask(p.getCitizenIdNumber()), p.getName(), p.getBirthDate(),
                            category, StatutoryRetirementAge.date(category, p.getBirthDate())))
                    .toList());
        }
        due.sort(Comparator.comparing(Reminder::retirementDate).thenComparing(Reminder::name));
        return due.size() > LIMIT ? List.copyOf(due.subList(0, LIMIT)) : List.copyOf(due);
    }

    /** The earliest birth date whose retirement date is on or after {@code day}. */
    static LocalDate firstBirthRetiringOnOrAfter(RetirementCategory category, LocalDate day) {
        long low = day.minusYears(70).toEpochDay();
        long high = day.minusYears(40).toEpochDay();
        while (low < high) {
            long mid = low + (high - low) / 2;
            if (StatutoryRetirementAge.date(category, LocalDate.ofEpochDay(mid)).isBefore(day)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return LocalDate.ofEpochDay(low);
    }
}
