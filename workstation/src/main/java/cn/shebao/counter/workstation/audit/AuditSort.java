package cn.shebao.counter.workstation.audit;

import java.util.stream.Collectors;

/** The columns the audit screen sorts by, each with its expression in the query (never text from the screen). */
public enum AuditSort {
    TIME("e.occurredAt"),
    SEQUENCE("e.sequenceNumber"),
    WORKSTATION("e.workstationCode"),
    STAFF("e.actorName"),
    ACTION("e.actionCode"),
    SUBJECT("e.subjectId"),
    PURPOSE("e.purpose"),
    OUTCOME(AuditOutcomes.REFUSAL_WORDS.stream().map(w -> "lower(e.actionCode) like '%" + w + "%'")
            .collect(Collectors.joining(" or ", "case when ", " then 1 else 0 end")));

    private final String expression;

    AuditSort(String expression) {
        this.expression = expression;
    }

    public String expression() {
        return expression;
    }
}
