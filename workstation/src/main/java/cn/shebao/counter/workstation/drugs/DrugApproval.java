package cn.shebao.counter.workstation.drugs;


/** A special-drug application of this citizen with the drug's name, for the record's approvals tab. */
public record DrugApproval(SpecialDrugApplication application, String drugName, String specification) {
}
