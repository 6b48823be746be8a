package cn.shebao.counter.workstation.schema;

import cn.shebao.counter.workstation.audit.AuditChainHead;
import cn.shebao.counter.workstation.audit.AuditEvent;
import cn.shebao.counter.workstation.certificates.CertificatesContribution;
import cn.shebao.counter.workstation.citizen.CitizenContribution;
import cn.shebao.counter.workstation.command.FeatureContribution;
import cn.shebao.counter.workstation.command.OutboxCommand;
import cn.shebao.counter.workstation.command.OutboxCounter;
import cn.shebao.counter.workstation.command.SyncConflict;
import cn.shebao.counter.workstation.drugs.DrugsContribution;
import cn.shebao.counter.workstation.identity.IdentityContribution;
import cn.shebao.counter.workstation.security.SecurityContribution;
import cn.shebao.counter.workstation.staff.StaffContribution;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one place that lists the features: the store below it and the features beside it do not, so a new feature is
 * its own package (with its {@link FeatureContribution} and migration) plus one line in {@link #FEATURES}. Everything
 * else (the replica's persistence unit, the replicated tables and their load order, central's command routes in
 * {@code central.CommandHandlers}) is derived from it. Central adds its own tables in {@code central.CentralSchema}.
 */
public final class DomainSchema {

    /**
     * Every feature with a part in the shared model, in foreign-key order: a feature's entities may refer only to its
     * own and to those of features above it (the bulk loaders insert in this order).
     */
    public static final List<FeatureContribution> FEATURES = List.of(
            new SecurityContribution(),
            new CitizenContribution(),
            new DrugsContribution(),
            new IdentityContribution(),
            new CertificatesContribution(),
            new StaffContribution());

    /** Audit stays per workstation: shipped up by its own protocol, never replicated down. */
    static final List<Class<?>> NOT_REPLICATED = List.of(AuditEvent.class, AuditChainHead.class);

    /** What both the replica and central hold, in foreign-key order: the features', then the audit and the conflicts. */
    public static final List<Class<?>> SHARED = Stream.concat(
            FEATURES.stream().flatMap(f -> f.sharedEntities().stream()),
            Stream.of(AuditEvent.class, AuditChainHead.class, SyncConflict.class)).toList();

    /** What only the replica holds: the outgoing queue and the features' local rows (the login lockout). */
    static final List<Class<?>> REPLICA_ONLY = Stream.concat(Stream.of(OutboxCounter.class, OutboxCommand.class),
            FEATURES.stream().flatMap(f -> f.replicaOnlyEntities().stream())).toList();

    private DomainSchema() {
    }

    public static PersistenceUnit replica(PersistenceUnit.SchemaCheck check) {
        List<Class<?>> all = new ArrayList<>(SHARED);
        all.addAll(REPLICA_ONLY);
        return new PersistenceUnit(all, check);
    }

    /** The shared entities plus a side's own, for central's schema. */
    public static PersistenceUnit withShared(List<Class<?>> own, PersistenceUnit.SchemaCheck check) {
        List<Class<?>> all = new ArrayList<>(SHARED);
        all.addAll(own);
        return new PersistenceUnit(all, check);
    }
}
