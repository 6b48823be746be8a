package cn.shebao.counter.workstation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.workstation.citizen.ContributionStatus;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.PersonStatus;
import cn.shebao.counter.workstation.testing.DemoReplica;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the demo reader's cards are a day at a counter, not eight retirees: working contributors, someone near
 * retirement, someone in arrears, retirees, a residence-permit holder, and an expired card, each a different person.
 */
class DemoCardsTest {

    @TempDir
    Path tmp;

    @Test
    void theDemoCardsCoverTheKindsOfCitizenAClerkMeets() throws Exception {
        try (DemoReplica demo = DemoReplica.generate(tmp, 300, Clock.systemUTC())) {
            SessionFactory sessions = demo.replica().sessions();
            LocalDate today = DemoReplica.AS_OF;
            List<IdCard> cards = DemoCards.variety(sessions, today, 8);

            assertThat(cards).hasSize(8);
            assertThat(cards).extracting(IdCard::idNumber).doesNotHaveDuplicates();
            List<InsuredPerson> holders = cards.stream().map(c -> holder(sessions, c)).toList();
            Predicate<InsuredPerson> workingAge = p -> p.getStatus() == PersonStatus.CONTRIBUTING
                    && p.getBirthDate().isAfter(today.minusYears(45));
            assertThat(holders.get(0)).as("the first card: a working contributor").matches(workingAge);
            assertThat(holders).filteredOn(workingAge).hasSizeGreaterThanOrEqualTo(2);
            assertThat(holders).as("retirees").filteredOn(p -> p.getStatus() == PersonStatus.RETIRED).hasSizeGreaterThanOrEqualTo(2);
            assertThat(holders).as("someone in arrears").anyMatch(p -> inArrears(sessions, p));
            assertThat(holders).as("someone close to retirement").anyMatch(p -> p.getStatus() == PersonStatus.CONTRIBUTING
                    && p.getBirthDate().isBefore(today.minusYears(50)));
            assertThat(cards).as("a residence permit").anySatisfy(c -> {
                assertThat(c.type()).isEqualTo(cn.shebao.counter.device.card.CardType.HMT_RESIDENCE_PERMIT);
                assertThat(c.idNumber()).matches("8[123].*");
                assertThat(c.passNumber()).isNotBlank();
            });
            IdCard last = cards.get(cards.size() - 1);
            assertThat(last.validTo()).as("the last card has expired").isBefore(today);
            assertThat(cards.subList(0, cards.size() - 1)).as("only the last")
                    .allMatch(c -> c.validTo() == null || !c.validTo().isBefore(today));
        }
    }

    private static InsuredPerson holder(SessionFactory sessions, IdCard card) {
        return sessions.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson where citizenIdNumber = :n", InsuredPerson.class)
                .setParameter("n", card.idNumber()).getSingleResult());
    }

    private static boolean inArrears(SessionFactory sessions, InsuredPerson p) {
        return sessions.fromTransaction(s -> s.createSelectionQuery("select count(*) from Contribution where personId = :p and status = :a",
                Long.class).setParameter("p", p.getId()).setParameter("a", ContributionStatus.ARREARS).getSingleResult()) > 0;
    }
}
