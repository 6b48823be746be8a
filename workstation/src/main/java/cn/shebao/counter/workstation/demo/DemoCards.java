package cn.shebao.counter.workstation.demo;

import cn.shebao.counter.device.card.CardType;
import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;

/** ID cards for demo persons, as the simulated reader hands them over: the demo set matches the demo data. */
public final class DemoCards {

    private DemoCards() {
    }

    /**
     * The simulated reader's cards: a day at a counter rather than the first persons by number (who were all retirees):
     * working contributors first, then someone near retirement, someone in arrears, retirees, and last a card that
     * expired (so a clerk sees the card check refuse it). A small demo may lack a kind; the rest fill up from the first
     * persons. A residence-permit holder is not among them: the generator makes resident ID numbers only.
     */
    public static List<IdCard> variety(SessionFactory sessions, LocalDate today, int count) {
        Map<UUID, IdCard> cards = new LinkedHashMap<>();
        LocalDate under45 = today.minusYears(45);
        add(cards, sessions, "from InsuredPerson p where p.status = cn.shebao.counter.workstation.citizen.PersonStatus.CONTRIBUTING"
                + " and p.birthDate > :d order by p.citizenIdNumber", under45, 2);
        add(cards, sessions, "from InsuredPerson p where p.status = cn.shebao.counter.workstation.citizen.PersonStatus.CONTRIBUTING"
                + " and p.birthDate < :d order by p.birthDate", under45, 1);
        add(cards, sessions, "from InsuredPerson p where p.id in (select c.personId from Contribution c where c.status ="
                + " cn.shebao.counter.workstation.citizen.ContributionStatus.ARREARS) and p.birthDate < :d order by p.citizenIdNumber",
                today, 1);
        add(cards, sessions, "from InsuredPerson p where p.status = cn.shebao.counter.workstation.citizen.PersonStatus.RETIRED"
                + " and p.birthDate < :d order by p.citizenIdNumber", today, 2);
        // A Hong Kong, Macao or Taiwan resident's residence permit.
        add(cards, sessions, "from InsuredPerson p where substring(p.citizenIdNumber, 1, 2) in ('81', '82', '83')"
                + " and p.birthDate < :d order by p.citizenIdNumber", today, 1);
        add(cards, sessions, "from InsuredPerson p where p.birthDate < :d order by p.citizenIdNumber", today,
                Math.max(0, count - 1 - cards.size()));
        // The expired card: an adult's card issued twenty years and a month ago with twenty years' validity.
        List<InsuredPerson> adults = sessions.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson p where"
                + " p.status = cn.shebao.counter.workstation.citizen.PersonStatus.CONTRIBUTING and p.birthDate < :d"
                + " and substring(p.citizenIdNumber, 1, 2) not in ('81', '82', '83') order by p.citizenIdNumber desc", InsuredPerson.class).setParameter("d", today.minusYears(40)).setMaxResults(count * 2)
                .getResultList());
        adults.stream().filter(p -> !cards.containsKey(p.getId())).findFirst()
                .ifPresent(p -> cards.put(p.getId(), expiredCardOf(p, today)));
        return List.copyOf(cards.values());
    }

    private static void add(Map<UUID, IdCard> cards, SessionFactory sessions, String query, LocalDate date, int wanted) {
        List<InsuredPerson> found = sessions.fromTransaction(s -> s.createSelectionQuery(query, InsuredPerson.class)
                .setParameter("d", date).setMaxResults(wanted + cards.size()).getResultList());
        found.stream().filter(p -> !cards.containsKey(p.getId())).limit(wanted).forEach(p -> cards.put(p.getId(), cardOf(p)));
    }

    private static IdCard permitOf(InsuredPerson p) {
        LocalDate issued = LocalDate.now().minusYears(3);
        String number = p.getCitizenIdNumber();
        String digits = number.substring(10, 17) + number.charAt(6);
        // 港澳居民来往内地通行证 H/M and eight digits; 台湾居民来往大陆通行证 eight digits.
        String pass = number.startsWith("81") ? "H" + digits : number.startsWith("82") ? "M" + digits : digits;
        String address = p.getAddress() == null ? "" : p.getAddress();
        return new IdCard(p.getName(), p.getGender(), null, p.getBirthDate(), address.length() > 35 ? address.substring(0, 35) : address,
                number, "杭州市公安局", issued, issued.plusYears(5).minusDays(1), CardType.HMT_RESIDENCE_PERMIT, pass, "01");
    }

    /** The person's card as it would be had it not been renewed: valid until a month ago. */
    static IdCard expiredCardOf(InsuredPerson p, LocalDate today) {
        IdCard card = cardOf(p);
        LocalDate to = today.minusMonths(1);
        return new IdCard(card.name(), card.gender(), card.nationCode(), card.birthDate(), card.address(), card.idNumber(),
                card.issuingAuthority(), to.minusYears(20), to, card.type(), null, null);
    }

    public static List<IdCard> firstPersons(SessionFactory sessions, int count) {
        List<InsuredPerson> persons = sessions.fromTransaction(s -> s.createSelectionQuery(
                "from InsuredPerson order by citizenIdNumber", InsuredPerson.class).setMaxResults(count).getResultList());
        return persons.stream().map(DemoCards::cardOf).toList();
    }

    /**
     * The card a person would carry: a resident ID card issued eight years ago (at 16 at the earliest), validity by age
     * at issue; for a number starting 81, 82 or 83 the residence permit of a Hong Kong, Macao or Taiwan resident (five
     * years' validity, issued three years ago, with the travel permit's number and how many times it was issued).
     */
    public static IdCard cardOf(InsuredPerson p) {
        String number = p.getCitizenIdNumber();
        if (number.startsWith("81") || number.startsWith("82") || number.startsWith("83")) {
            return permitOf(p);
        }
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
