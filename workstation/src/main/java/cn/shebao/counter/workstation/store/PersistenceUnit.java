package cn.shebao.counter.workstation.store;

import cn.shebao.counter.workstation.audit.AuditChainHead;
import cn.shebao.counter.workstation.audit.AuditEvent;
import cn.shebao.counter.workstation.central.AppliedCommand;
import cn.shebao.counter.workstation.central.AuditChainState;
import cn.shebao.counter.workstation.central.ChangeCounter;
import cn.shebao.counter.workstation.central.ChangeLogEntry;
import cn.shebao.counter.workstation.central.ShippedAuditEvent;
import cn.shebao.counter.workstation.central.SyncConflict;
import cn.shebao.counter.workstation.central.SyncNode;
import cn.shebao.counter.workstation.certificates.IssuedDocument;
import cn.shebao.counter.workstation.citizen.BenefitAdjustment;
import cn.shebao.counter.workstation.citizen.ArchivedContribution;
import cn.shebao.counter.workstation.citizen.Contribution;
import cn.shebao.counter.workstation.citizen.Employer;
import cn.shebao.counter.workstation.citizen.InsuranceParticipation;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.MaternityBenefit;
import cn.shebao.counter.workstation.citizen.MedicalReimbursement;
import cn.shebao.counter.workstation.citizen.PensionPayment;
import cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration;
import cn.shebao.counter.workstation.citizen.WorkInjuryClaim;
import cn.shebao.counter.workstation.drugs.SpecialDrug;
import cn.shebao.counter.workstation.drugs.SpecialDrugApplication;
import cn.shebao.counter.workstation.identity.IdentityConfirmation;
import cn.shebao.counter.workstation.identity.OnlineAccount;
import cn.shebao.counter.workstation.security.StaffLockout;
import cn.shebao.counter.workstation.security.StaffUser;
import cn.shebao.counter.workstation.sync.OutboxCommand;
import cn.shebao.counter.workstation.sync.OutboxCounter;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/** Builds the Hibernate session factory over a data source whose schema the migrations already made. */
public final class PersistenceUnit {

    /** Every entity, in foreign-key order (bulk loaders insert in this order). */
    public static final List<Class<?>> ENTITIES = List.of(
            Employer.class, InsuredPerson.class, InsuranceParticipation.class, Contribution.class,
            PensionPayment.class, BenefitAdjustment.class, MedicalReimbursement.class, WorkInjuryClaim.class,
            MaternityBenefit.class, SpecifiedDiseaseRegistration.class, SpecialDrug.class,
            SpecialDrugApplication.class, StaffUser.class, OnlineAccount.class, IdentityConfirmation.class,
            IssuedDocument.class, AuditEvent.class, AuditChainHead.class, SyncConflict.class);

    /** What only the replica holds. */
    static final List<Class<?>> REPLICA_ONLY = List.of(OutboxCounter.class, OutboxCommand.class, StaffLockout.class);

    /** What only the central database holds. */
    static final List<Class<?>> CENTRAL_ONLY = List.of(SyncNode.class, AppliedCommand.class, ChangeCounter.class,
            ChangeLogEntry.class, ShippedAuditEvent.class, AuditChainState.class, ArchivedContribution.class);

    /** What Hibernate does with the schema at start-up; it never creates or alters it. */
    public enum SchemaCheck {
        /** Compare every mapped table and column with the database and fail on a mismatch (tests, self-test). */
        VALIDATE,
        /** Trust the migrations; saves start-up time at the counter. */
        NONE
    }

    static final int JDBC_BATCH_SIZE = 500;

    private PersistenceUnit() {
    }

    public static SessionFactory create(DataSource dataSource, SchemaCheck check) {
        return create(dataSource, check, Migrations.Role.REPLICA);
    }

    /**
     * A session factory that boots without touching the database (dialect named, no metadata reads), so a
     * workstation can start while central is unreachable; connections are only made when used.
     */
    public static SessionFactory createOffline(DataSource dataSource, String jdbcUrl, Migrations.Role role) {
        String dialect = jdbcUrl.startsWith("jdbc:postgresql:") ? "org.hibernate.dialect.PostgreSQLDialect"
                : "org.hibernate.community.dialect.DerbyDialect";
        return build(dataSource, SchemaCheck.NONE, role, Map.of(AvailableSettings.DIALECT, dialect,
                "hibernate.boot.allow_jdbc_metadata_access", false));
    }

    public static SessionFactory create(DataSource dataSource, SchemaCheck check, Migrations.Role role) {
        return build(dataSource, check, role, Map.of());
    }

    private static SessionFactory build(DataSource dataSource, SchemaCheck check, Migrations.Role role, Map<String, Object> extra) {
        List<Class<?>> classes = new java.util.ArrayList<>(ENTITIES);
        classes.addAll(role == Migrations.Role.CENTRAL ? CENTRAL_ONLY : REPLICA_ONLY);
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("shebao-counter")
                .managedClasses(classes)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY, PhysicalNamingStrategySnakeCaseImpl.class.getName())
                .property(AvailableSettings.HBM2DDL_AUTO, check == SchemaCheck.VALIDATE ? "validate" : "none")
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, JDBC_BATCH_SIZE)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true)
                .property(AvailableSettings.STATEMENT_FETCH_SIZE, 500)
                .property(AvailableSettings.SHOW_SQL, false);
        extra.forEach(config::property);
        return config.createEntityManagerFactory();
    }
}
