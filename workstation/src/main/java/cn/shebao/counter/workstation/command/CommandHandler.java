package cn.shebao.counter.workstation.command;

import cn.shebao.counter.workstation.wire.CommandEnvelope;
import org.hibernate.Session;

/**
 * Applies one kind of command centrally, running the business rules again (central is authoritative). A
 * broken rule is a conflict to record, not an exception: exceptions mean "transient, try again later".
 */
@FunctionalInterface
public interface CommandHandler {

    HandlerOutcome apply(Session central, CommandEnvelope command, ChangeLog changes);

    /** Applied, or a business conflict of a named kind. */
    record HandlerOutcome(boolean applied, String conflictKind, String detail) {
        public static HandlerOutcome ok() {
            return new HandlerOutcome(true, null, null);
        }

        public static HandlerOutcome conflict(String kind, String detail) {
            return new HandlerOutcome(false, kind, detail);
        }
    }
}
