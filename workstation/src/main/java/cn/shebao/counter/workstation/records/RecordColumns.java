package cn.shebao.counter.workstation.records;

import cn.shebao.counter.workstation.citizen.BenefitAdjustment;
import cn.shebao.counter.workstation.citizen.CitizenProfile;
import cn.shebao.counter.workstation.citizen.CodeNames;
import cn.shebao.counter.workstation.citizen.ContributionHistory;
import cn.shebao.counter.workstation.citizen.MaternityBenefit;
import cn.shebao.counter.workstation.citizen.MedicalReimbursement;
import cn.shebao.counter.workstation.citizen.PensionPayment;
import cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration;
import cn.shebao.counter.workstation.citizen.WorkInjuryClaim;
import cn.shebao.counter.workstation.drugs.DrugApproval;
import cn.shebao.counter.workstation.ui.Formats;
import cn.shebao.counter.workstation.ui.RowTableModel.Column;
import cn.shebao.counter.workstation.ui.Texts;
import java.util.List;
import java.util.function.Function;

/** The columns of the record's list tabs, with their headers from the bundle. */
final class RecordColumns {

    private final Texts texts;

    RecordColumns(Texts texts) {
        this.texts = texts;
    }

    private <T> Column<T> col(String key, Function<T, Object> value) {
        return new Column<>(texts.text("column." + key), value);
    }

    /** An amount or a count: right-aligned. */
    private <T> Column<T> amount(String key, Function<T, Object> value) {
        return Column.amount(texts.text("column." + key), value);
    }

    private String e(String prefix, Enum<?> value) {
        return value == null ? "" : texts.text(prefix + "." + value.name());
    }

    List<Column<PensionPayment>> pensions() {
        return List.of(col("month", p -> Formats.month(p.getPaymentMonth())),
                amount("basicPension", p -> Formats.money(p.getBasicPension())),
                amount("accountPension", p -> Formats.money(p.getPersonalAccountPension())),
                amount("transitionalPension", p -> Formats.money(p.getTransitionalPension())),
                amount("total", p -> Formats.money(p.getTotalAmount())),
                col("status", p -> e("payment", p.getStatus())),
                col("paidOn", p -> Formats.date(p.getPaidOn())));
    }

    List<Column<BenefitAdjustment>> adjustments() {
        return List.of(col("effectiveMonth", a -> Formats.month(a.getEffectiveMonth())),
                col("reason", BenefitAdjustment::getReason),
                amount("amountBefore", a -> Formats.money(a.getAmountBefore())),
                amount("amountAfter", a -> Formats.money(a.getAmountAfter())),
                col("approvedOn", a -> Formats.date(a.getApprovedOn())));
    }

    List<Column<MedicalReimbursement>> reimbursements() {
        return List.of(col("settlementNumber", MedicalReimbursement::getSettlementNumber),
                col("hospital", MedicalReimbursement::getHospitalName),
                col("visitType", r -> e("visit", r.getVisitType())),
                col("admittedOn", r -> Formats.date(r.getAdmittedOn())),
                col("dischargedOn", r -> Formats.date(r.getDischargedOn())),
                col("diagnosis", r -> CodeNames.bundled().diagnosis(r.getDiagnosisCode())),
                amount("totalCost", r -> Formats.money(r.getTotalCost())),
                amount("fundPaid", r -> Formats.money(r.getFundPaid())),
                amount("personalPaid", r -> Formats.money(r.getPersonalPaid())),
                col("settledOn", r -> Formats.date(r.getSettledOn())));
    }

    List<Column<WorkInjuryClaim>> injuries() {
        return List.of(col("injuredOn", w -> Formats.date(w.getInjuredOn())),
                col("description", WorkInjuryClaim::getDescription),
                col("recognisedOn", w -> Formats.date(w.getRecognisedOn())),
                col("disabilityGrade", w -> w.getDisabilityGrade() == null ? "" : texts.text("injury.grade", w.getDisabilityGrade())),
                col("status", w -> e("injury", w.getStatus())),
                amount("lumpSum", w -> Formats.money(w.getLumpSumAmount())),
                amount("medicalAmount", w -> Formats.money(w.getMedicalAmount())));
    }

    List<Column<MaternityBenefit>> maternity() {
        return List.of(col("childbirthOn", m -> Formats.date(m.getChildbirthOn())),
                col("deliveryType", m -> e("delivery", m.getDeliveryType())),
                col("leaveDays", MaternityBenefit::getLeaveDays),
                amount("allowance", m -> Formats.money(m.getAllowanceAmount())),
                amount("medicalAmount", m -> Formats.money(m.getMedicalAmount())),
                col("status", m -> e("benefit", m.getStatus())),
                col("paidOn", m -> Formats.date(m.getPaidOn())));
    }

    List<Column<SpecifiedDiseaseRegistration>> diseases() {
        return List.of(col("diseaseCode", SpecifiedDiseaseRegistration::getDiseaseCode),
                col("diseaseName", SpecifiedDiseaseRegistration::getDiseaseName),
                col("hospital", SpecifiedDiseaseRegistration::getHospitalName),
                col("validFrom", d -> Formats.date(d.getValidFrom())),
                col("validTo", d -> Formats.date(d.getValidTo())),
                col("status", d -> e("registration", d.getStatus())));
    }

    List<Column<DrugApproval>> drugApprovals() {
        return List.of(col("drug", DrugApproval::drugName),
                col("specification", DrugApproval::specification),
                col("diagnosis", d -> d.application().getDiagnosisCode()),
                col("hospital", d -> d.application().getHospitalName()),
                col("plannedFrom", d -> Formats.date(d.application().getPlannedFrom())),
                col("plannedTo", d -> Formats.date(d.application().getPlannedTo())),
                col("status", d -> e("application", d.application().getStatus())),
                col("approvedTo", d -> Formats.date(d.application().getApprovedTo())),
                amount("approvedLimit", d -> Formats.money(d.application().getApprovedLimit())));
    }

    List<Column<ContributionHistory.Line>> contributionLines() {
        return List.of(col("month", l -> Formats.month(l.month())),
                col("insuranceType", l -> e("insurance", l.type())),
                col("employer", ContributionHistory.Line::employerName),
                col("region", ContributionHistory.Line::regionCode),
                amount("base", l -> Formats.money(l.base())),
                amount("employerAmount", l -> Formats.money(l.employerAmount())),
                amount("personalAmount", l -> Formats.money(l.personalAmount())),
                col("status", l -> e("contribution", l.status())));
    }

    List<Column<ContributionHistory.YearTotal>> contributionYears() {
        return List.of(col("year", y -> y.partial() ? texts.text("contributions.partYear", Integer.toString(y.year()), y.firstMonth())
                        : Integer.toString(y.year())),
                amount("employerAmount", y -> Formats.money(y.employerAmount())),
                amount("personalAmount", y -> Formats.money(y.personalAmount())),
                amount("arrears", y -> Formats.money(y.arrears())),
                amount("pensionMonths", ContributionHistory.YearTotal::pensionMonths));
    }

    List<Column<ContributionHistory.Transfer>> transfers() {
        return List.of(col("month", t -> Formats.month(t.month())),
                col("fromEmployer", ContributionHistory.Transfer::fromEmployer),
                col("toEmployer", ContributionHistory.Transfer::toEmployer),
                col("fromRegion", ContributionHistory.Transfer::fromRegion),
                col("toRegion", ContributionHistory.Transfer::toRegion));
    }

    List<Column<CitizenProfile.Participation>> participations() {
        return List.of(col("insuranceType", p -> e("insurance", p.type())),
                col("status", p -> e("participation", p.status())),
                col("firstInsuredOn", p -> Formats.date(p.firstInsuredOn())),
                amount("months", CitizenProfile.Participation::months),
                amount("accountBalance", p -> Formats.money(p.personalAccountBalance())));
    }
}
