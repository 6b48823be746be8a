package cn.shebao.counter.workstation.command;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How central takes one command type: who may send it and the handler that applies it. Central runs the checks in
 * this order before the handler changes anything: the actor holds one of {@code roles} now (at central, whatever the
 * window's replica said), the payload's {@code actorField} names that same actor, and the command carries the
 * signature of the person {@code signer} names. A route cannot be made without roles, so no handler runs unchecked.
 *
 * @param actorField the payload field that must name the actor, or null
 * @param signer whose signature the command must carry, or null
 */
public record CommandRoute(CommandType type, Set<StaffRole> roles, String actorField, Signer signer, CommandHandler handler) {

    public static final Set<StaffRole> CLERK = Set.copyOf(EnumSet.of(StaffRole.CLERK));
    public static final Set<StaffRole> CLERK_OR_SUPERVISOR = Set.copyOf(EnumSet.of(StaffRole.CLERK, StaffRole.SUPERVISOR));
    public static final Set<StaffRole> SUPERVISOR = Set.copyOf(EnumSet.of(StaffRole.SUPERVISOR));
    public static final Set<StaffRole> ADMIN = Set.copyOf(EnumSet.of(StaffRole.ADMIN));
    public static final Set<StaffRole> ANYONE = Set.copyOf(EnumSet.allOf(StaffRole.class));

    public CommandRoute {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException(type + " names no role that may send it");
        }
        roles = Set.copyOf(roles);
    }

    /** The person a payload field names must have signed the command (a decision, a co-signature, a resolution). */
    public record Signer(String field, boolean onlyWhenNamed, Set<StaffRole> roles) {
        public Signer {
            Objects.requireNonNull(field, "field");
            roles = Set.copyOf(roles);
        }

        public static Signer of(String field, Set<StaffRole> roles) {
            return new Signer(field, false, roles);
        }
    }

    public static CommandRoute of(CommandType type, Set<StaffRole> roles, String actorField, CommandHandler handler) {
        return new CommandRoute(type, roles, actorField, null, handler);
    }

    public static CommandRoute signed(CommandType type, Set<StaffRole> roles, String actorField, Signer signer,
            CommandHandler handler) {
        return new CommandRoute(type, roles, actorField, Objects.requireNonNull(signer, "signer"), handler);
    }
}
