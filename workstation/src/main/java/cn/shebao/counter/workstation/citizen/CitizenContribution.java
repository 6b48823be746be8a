package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.workstation.command.FeatureContribution;
import java.util.List;

/**
 * The insured person's record as the replica and central hold it. No commands: the record is central's, written by the
 * systems behind it; a window only reads it (the specified-disease registration it can make is applied by drugs).
 */
public final class CitizenContribution implements FeatureContribution {

    @Override
    public List<Class<?>> sharedEntities() {
        return List.of(Employer.class, InsuredPerson.class, InsuranceParticipation.class, Contribution.class,
                PensionPayment.class, BenefitAdjustment.class, MedicalReimbursement.class, WorkInjuryClaim.class,
                MaternityBenefit.class, SpecifiedDiseaseRegistration.class);
    }
}
