package cn.shebao.counter.workstation.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.central.CommandHandlers;
import cn.shebao.counter.workstation.command.CommandRoute;
import cn.shebao.counter.workstation.command.CommandType;
import cn.shebao.counter.workstation.command.FeatureContribution;
import cn.shebao.counter.workstation.command.StaffRole;
import jakarta.persistence.Entity;
import java.lang.reflect.Field;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The features' contributions are the only list of entities and command routes (issue 17: a feature is its package
 * plus one line). What is derived from them must still be whole: every entity once, every command type with exactly
 * one route at central, and no route without a role.
 */
class DomainSchemaTest {

    @Test
    void everySharedEntityIsListedOnceAndReplicatedTablesFollowTheFeatureOrder() {
        assertThat(DomainSchema.SHARED).doesNotHaveDuplicates().allMatch(c -> c.isAnnotationPresent(Entity.class));
        assertThat(DomainSchema.REPLICA_ONLY).doesNotHaveDuplicates().doesNotContainAnyElementsOf(DomainSchema.SHARED);
        List<Class<?>> fromFeatures = DomainSchema.FEATURES.stream().flatMap(f -> f.sharedEntities().stream()).toList();
        assertThat(DomainSchema.SHARED).startsWith(fromFeatures.toArray(Class<?>[]::new));
        // The initial load inserts in this order: the insured person before everything that refers to them.
        assertThat(ReplicatedTables.IN_ORDER.indexOf("insured_person")).isLessThan(ReplicatedTables.IN_ORDER.indexOf("contribution"))
                .isLessThan(ReplicatedTables.IN_ORDER.indexOf("special_drug_application"));
        assertThat(ReplicatedTables.IN_ORDER.indexOf("special_drug")).isLessThan(ReplicatedTables.IN_ORDER.indexOf("special_drug_application"));
        assertThat(ReplicatedTables.IN_ORDER).doesNotContain("audit_event", "audit_chain_head", "outbox_command", "staff_lockout");
    }

    /** A person's id column in an entity of a feature listed before the citizen's would break the load order. */
    @Test
    void noFeatureBeforeTheCitizensReferencesAPerson() {
        int citizen = DomainSchema.FEATURES.stream().map(FeatureContribution::sharedEntities).toList()
                .indexOf(DomainSchema.FEATURES.stream().filter(f -> f.sharedEntities().stream()
                        .anyMatch(c -> c.getSimpleName().equals("InsuredPerson"))).findFirst().orElseThrow().sharedEntities());
        for (FeatureContribution earlier : DomainSchema.FEATURES.subList(0, citizen)) {
            for (Class<?> entity : earlier.sharedEntities()) {
                assertThat(Arrays.stream(entity.getDeclaredFields()).map(Field::getName)).as(entity.getSimpleName())
                        .doesNotContain("personId", "employerId");
            }
        }
    }

    @Test
    void everyCommandTypeHasExactlyOneGuardedRouteAtCentral() {
        Map<String, ?> handlers = CommandHandlers.all(Clock.systemUTC());
        assertThat(handlers.keySet()).containsExactlyInAnyOrderElementsOf(
                EnumSet.allOf(CommandType.class).stream().map(CommandType::name).toList());
        Set<CommandType> routed = new HashSet<>();
        for (FeatureContribution feature : DomainSchema.FEATURES) {
            for (CommandRoute route : feature.commands(Clock.systemUTC())) {
                assertThat(routed.add(route.type())).as("%s routed twice", route.type()).isTrue();
                assertThat(route.roles()).as(route.type().name()).isNotEmpty();
            }
        }
        assertThat(routed).doesNotContain(CommandType.AUDIT_EVENT, CommandType.CONFLICT_RESOLVED);
    }

    @Test
    void aRouteWithoutARoleCannotBeMade() {
        assertThatThrownBy(() -> CommandRoute.of(CommandType.DOCUMENT_ISSUED, Set.<StaffRole>of(), null, (s, c, ch) -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCUMENT_ISSUED");
    }

    @Test
    void decisionsNeedTheSignatureOfTheSupervisorTheyName() {
        CommandRoute decided = DomainSchema.FEATURES.stream().flatMap(f -> f.commands(Clock.systemUTC()).stream())
                .filter(r -> r.type() == CommandType.DRUG_APPLICATION_DECIDED).findFirst().orElseThrow();
        assertThat(decided.roles()).containsExactly(StaffRole.SUPERVISOR);
        assertThat(decided.actorField()).isEqualTo("decidedBy");
        assertThat(decided.signer()).isEqualTo(CommandRoute.Signer.of("decidedBy", CommandRoute.SUPERVISOR));
    }
}
