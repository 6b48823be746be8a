package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;

/**
 * Finds insured persons in the local replica by what the citizen brings: an ID number (typed or read from the
 * card), a social security card number, or a name narrowed by birth date or district. Every kind is answered
 * by an index, so a search stays fast on a replica of millions.
 */
public final class CitizenSearch {

    /** What a search returns; {@code truncated} says there were more than {@link #LIMIT} matches. */
    public record Result(Kind kind, List<CitizenSummary> matches, boolean truncated) {
    }

    /** How the query text was understood. */
    public enum Kind { ID_NUMBER, SOCIAL_SECURITY_CARD, NAME }

    public static final int LIMIT = 100;
    /** Any other run of digits is taken for a mistyped ID number, so the clerk hears what is wrong with it. */
    private static final Pattern ID_LIKE = Pattern.compile("\\d+[Xx]?");
    private static final Pattern CARD_NUMBER = Pattern.compile("[A-Za-z]\\d{8}|\\d{9}");
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}·A-Za-z ]{1,50}");

    private final SessionFactory sessions;

    public CitizenSearch(SessionFactory sessions) {
        this.sessions = sessions;
    }

    public static Kind kindOf(String text) {
        String q = text.strip();
        if (CARD_NUMBER.matcher(q).matches()) {
            return Kind.SOCIAL_SECURITY_CARD;
        }
        if (ID_LIKE.matcher(q).matches()) {
            return Kind.ID_NUMBER;
        }
        return Kind.NAME;
    }

    /**
     * @param birthDate optional; narrows a name search
     * @param district  optional household area code (six digits); narrows a name search
     * @throws cn.shebao.counter.device.id.InvalidCitizenIdException when an ID number fails its check, naming why
     */
    public Result search(StaffSession staff, String text, LocalDate birthDate, String district) {
        staff.require(StaffRole.CLERK, StaffRole.SUPERVISOR);
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            throw new LocalizedException("citizen.error.emptyQuery");
        }
        return switch (kindOf(q)) {
            case ID_NUMBER -> new Result(Kind.ID_NUMBER, byIdNumber(CitizenIdNumber.parse(q).value()), false);
            case SOCIAL_SECURITY_CARD -> new Result(Kind.SOCIAL_SECURITY_CARD, single(
                    "from InsuredPerson where socialSecurityCardNumber = :v", q.toUpperCase(Locale.ROOT)), false);
            case NAME -> byName(q, birthDate, district);
        };
    }

    /** The person with this (already validated) ID number, as read from a card; empty when not insured here. */
    public List<CitizenSummary> byIdNumber(String idNumber) {
        return single("from InsuredPerson where citizenIdNumber = :v", idNumber);
    }

    private List<CitizenSummary> single(String hql, String value) {
        return sessions.fromStatelessTransaction(s -> s.createSelectionQuery(hql, InsuredPerson.class).setParameter("v", value)
                .getResultList()).stream().map(CitizenSummary::of).toList();
    }

    private Result byName(String name, LocalDate birthDate, String district) {
        if (!NAME.matcher(name).matches()) {
            throw new LocalizedException("citizen.error.badName");
        }
        if (district != null && !district.isBlank() && !district.strip().matches("\\d{6}")) {
            throw new LocalizedException("citizen.error.badDistrict");
        }
        StringBuilder hql = new StringBuilder("from InsuredPerson where name = :name");
        if (birthDate != null) {
            hql.append(" and birthDate = :birth");
        }
        boolean byDistrict = district != null && !district.isBlank();
        if (byDistrict) {
            hql.append(" and householdAreaCode = :district");
        }
        hql.append(" order by birthDate, citizenIdNumber");
        List<InsuredPerson> found = sessions.fromStatelessTransaction(s -> {
            var query = s.createSelectionQuery(hql.toString(), InsuredPerson.class).setParameter("name", name);
            if (birthDate != null) {
                query.setParameter("birth", birthDate);
            }
            if (byDistrict) {
                query.setParameter("district", district.strip());
            }
            return query.setMaxResults(LIMIT + 1).getResultList();
        });
        boolean truncated = found.size() > LIMIT;
        return new Result(Kind.NAME, found.stream().limit(LIMIT).map(CitizenSummary::of).toList(), truncated);
    }
}
