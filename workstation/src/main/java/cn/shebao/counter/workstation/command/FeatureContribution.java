package cn.shebao.counter.workstation.command;

import java.time.Clock;
import java.util.List;

/**
 * What one feature adds to the model both sides share: its entities and the commands central applies for it. Each
 * feature package holds one (next to the entities and handlers it names), and {@code schema.DomainSchema} lists them
 * once; the replica's persistence unit, the replicated tables, the initial load's order and central's command routes
 * are all derived from that list, so a new feature is its own package plus one line there.
 *
 * <p>A command type itself stays a constant of {@link CommandType}: it is the vocabulary of the wire, and a central
 * older than its windows must be able to name a type it has no route for (it holds the queue instead of losing work).
 */
public interface FeatureContribution {

    /** Entities the replica and central both hold, in foreign-key order within the feature (earlier features first). */
    List<Class<?>> sharedEntities();

    /** Entities only the replica holds (a local lockout, say): never sent to central nor replicated. */
    default List<Class<?>> replicaOnlyEntities() {
        return List.of();
    }

    /**
     * How central applies this feature's commands.
     *
     * @param centralClock central's time, which stamps what central decides (activations, status changes)
     */
    default List<CommandRoute> commands(Clock centralClock) {
        return List.of();
    }
}
