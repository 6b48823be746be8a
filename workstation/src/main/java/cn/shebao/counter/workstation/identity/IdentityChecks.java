package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.device.card.CardType;
import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a card must pass before it confirms a person: a valid ID number that is this person's, a card
 * type the online service accepts, valid today, and name and birth date as in the record. A changed name is
 * corrected in the record first (by the records department); the counter never overrides it.
 */
public final class IdentityChecks {

    /**
     * Resident cards and the residence permits of Hong Kong, Macao and Taiwan residents carry a GB 11643 number; so do
     * the social security card and the citizen card, whose social security number is the citizen ID number.
     */
    static final Set<CardType> SUPPORTED = EnumSet.of(CardType.RESIDENT, CardType.HMT_RESIDENCE_PERMIT,
            CardType.SOCIAL_SECURITY_CARD, CardType.CITIZEN_CARD);

    private IdentityChecks() {
    }

    public static CardCheck check(IdCard card, InsuredPerson person, LocalDate today) {
        List<CardCheck.Problem> problems = new ArrayList<>();
        if (!CitizenIdNumber.isValid(card.idNumber())) {
            problems.add(CardCheck.Problem.of(CardCheck.Kind.INVALID_ID_NUMBER, CitizenIdNumber.mask(card.idNumber())));
        } else if (!card.idNumber().equals(person.getCitizenIdNumber())) {
            problems.add(CardCheck.Problem.of(CardCheck.Kind.OTHER_PERSON, card.maskedIdNumber(),
                    CitizenIdNumber.mask(person.getCitizenIdNumber())));
        }
        if (!SUPPORTED.contains(card.type())) {
            problems.add(CardCheck.Problem.of(CardCheck.Kind.UNSUPPORTED_CARD_TYPE, card.type().name()));
        }
        if (card.validFrom() != null && today.isBefore(card.validFrom())) {
            problems.add(CardCheck.Problem.of(CardCheck.Kind.NOT_YET_VALID, card.validFrom().toString()));
        }
        if (card.validTo() != null && today.isAfter(card.validTo())) {
            problems.add(CardCheck.Problem.of(CardCheck.Kind.EXPIRED, card.validTo().toString()));
        }
        if (!normalised(card.name()).equals(normalised(person.getName()))) {
            problems.add(CardCheck.Problem.of(CardCheck.Kind.NAME_DIFFERS, card.name(), person.getName()));
        }
        if (!card.birthDate().equals(person.getBirthDate())) {
            problems.add(CardCheck.Problem.of(CardCheck.Kind.BIRTH_DATE_DIFFERS, card.birthDate().toString(),
                    person.getBirthDate().toString()));
        }
        return new CardCheck(problems);
    }

    /** Cards pad names with blanks; the middle dot of minority names has look-alikes. */
    private static String normalised(String name) {
        return name == null ? "" : name.strip().replace('•', '·').replace('.', '·').replace('・', '·');
    }
}
