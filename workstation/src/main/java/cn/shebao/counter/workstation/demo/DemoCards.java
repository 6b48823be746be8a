package cn.shebao.counter.workstation.demo;

import cn.shebao.counter.device.card.CardType;
import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.SessionFactory;

/** ID cards for demo persons, as the simulated reader hands them over: the demo set matches the demo data. */
public final class DemoCards {

    private DemoCards() {
    }

    public static List<IdCard> firstPersons(SessionFactory sessions, int count) {
        List<InsuredPerson> persons = sessions.fromTransaction(s -> s.createSelectionQuery(
                "from InsuredPerson order by citizenIdNumber", InsuredPerson.class).setMaxResults(count).getResultList());
        return persons.stream().map(DemoCards::cardOf).toList();
    }

    /** The card a person would carry: issued eight years ago (at 16 at the earliest), validity by age at issue. */
    public static IdCard cardOf(InsuredPerson p) {
        LocalDate issued = LocalDate.now().minusYears(8);
        if (issued.isBefore(p.getBirthDate().plusYears(16))) {
            issued = p.getBirthDate().plusYears(16);
        }
        int ageAtIssue = issued.getYear() - p.getBirthDate().getYear();
        LocalDate to = ageAtIssue >= 46 ? null : issued.plusYears(ageAtIssue >= 26 ? 20 : 10);
        String address = p.getAddress() == null ? "" : p.getAddress();
        return new IdCard(p.getName(), p.getGender(), p.getNationCode(), p.getBirthDate(),
                address.length() > 35 ? address.substring(0, 35) : address, p.getCitizenIdNumber(), "杭州市公安局",
                issued, to, CardType.RESIDENT, null, null);
    }
}
