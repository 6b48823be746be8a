package cn.shebao.counter.workstation.schema;

import cn.shebao.counter.workstation.audit.AuditChainHead;
import cn.shebao.counter.workstation.audit.AuditEvent;
import cn.shebao.counter.workstation.certificates.IssuedDocument;
import cn.shebao.counter.workstation.citizen.BenefitAdjustment;
import cn.shebao.counter.workstation.citizen.Contribution;
import cn.shebao.counter.workstation.citizen.Employer;
import cn.shebao.counter.workstation.citizen.InsuranceParticipation;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.MaternityBenefit;
import cn.shebao.counter.workstation.citizen.MedicalReimbursement;
import cn.shebao.counter.workstation.citizen.PensionPayment;
import cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration;
import cn.shebao.counter.workstation.citizen.WorkInjuryClaim;
import cn.shebao.counter.workstation.command.OutboxCommand;
import cn.shebao.counter.workstation.command.OutboxCounter;
import cn.shebao.counter.workstation.command.SyncConflict;
import cn.shebao.counter.workstation.drugs.SpecialDrug;
import cn.shebao.counter.workstation.drugs.SpecialDrugApplication;
import cn.shebao.counter.workstation.identity.IdentityConfirmation;
import cn.shebao.counter.workstation.identity.OnlineAccount;
import cn.shebao.counter.workstation.security.StaffLockout;
import cn.shebao.counter.workstation.security.StaffUser;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that knows every feature's entities: the store below it and the features beside it do not, so a
 * new entity is one line here (and its migration), not an edit in the store. Central adds its own tables in
 * {@code central.CentralSchema}.
 */
public final class DomainSchema {

    /** What both the replica and central hold, in foreign-key order (bulk loaders insert in this order). */
    public static final List<Class<?>> SHARED = List.of(
            Employer.class, InsuredPerson.class, InsuranceParticipation.class, Contribution.class,
            PensionPayment.class, BenefitAdjustment.class, MedicalReimbursement.class, WorkInjuryClaim.class,
            MaternityBenefit.class, SpecifiedDiseaseRegistration.class, SpecialDrug.class,
            SpecialDrugApplication.class, StaffUser.class, OnlineAccount.class, IdentityConfirmation.class,
            IssuedDocument.class, AuditEvent.class, AuditChainHead.class, SyncConflict.class);

    /** Audit stays per workstation: shipped up by its own protocol, never replicated down. */
    static final List<Class<?>> NOT_REPLICATED = List.of(AuditEvent.class, AuditChainHead.class);

    /** What only the replica holds: the outgoing queue and the local login lockout. */
    static final List<Class<?>> REPLICA_ONLY = List.of(OutboxCounter.class, OutboxCommand.class, StaffLockout.class);

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
