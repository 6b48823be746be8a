package cn.shebao.counter.workstation.identity;

import java.util.List;

/**
 * The comparison of a read ID card with the insured-person record: each problem names what is wrong with the
 * values involved (never the whole ID number), so the clerk can say exactly what must be corrected first.
 */
public record CardCheck(List<Problem> problems) {

    /** Why a card does not confirm the person; each has a message {@code identity.problem.<KIND>}. */
    public enum Kind { INVALID_ID_NUMBER, OTHER_PERSON, UNSUPPORTED_CARD_TYPE, NOT_YET_VALID, EXPIRED, NAME_DIFFERS,
        BIRTH_DATE_DIFFERS }

    /** One problem, with its values for the message: for a difference, the card's value then the record's. */
    public record Problem(Kind kind, List<String> values) {

        public Problem {
            values = List.copyOf(values);
        }

        static Problem of(Kind kind, String... values) {
            return new Problem(kind, List.of(values));
        }
    }

    public CardCheck {
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** The problems in a compact form for the confirmation record's refusal reason (at most 200 characters). */
    public String reasonCode() {
        String joined = String.join(",", problems.stream().map(p -> p.kind().name()).toList());
        return joined.length() <= 200 ? joined : joined.substring(0, 200);
    }
}
