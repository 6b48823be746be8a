package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;

/** Decision notice for a special-drug application: applicant, request, decision, reason, validity, check code. */
public record DrugDecisionNotice(String centreName, String title, String numberLine, String applicantBlock,
        String requestBlock, String decisionLine, String reasonBlock, String validityLine, String remedyBlock,
        String decidedLine, String verificationLine, String sealText, String qrText) implements ReportData {

    @Override
    public ReportTemplate template() {
        return ReportTemplate.DRUG_DECISION_NOTICE;
    }
}
