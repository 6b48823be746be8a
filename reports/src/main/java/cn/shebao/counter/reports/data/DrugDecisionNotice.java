package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
import java.util.HashMap;
import java.util.Map;

/** Decision notice for a special-drug application: applicant, request, decision, reason, validity, check code. */
public record DrugDecisionNotice(String centreName, String title, String numberLine, String applicantBlock,
        String requestBlock, String decisionLine, String reasonBlock, String validityLine, String remedyBlock,
        String decidedLine, String verificationLine, String sealText, String qrText) implements ReportData {

    @Override
    public ReportTemplate template() {
        return ReportTemplate.DRUG_DECISION_NOTICE;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("centreName", centreName);
        p.put("title", title);
        p.put("numberLine", numberLine);
        p.put("applicantBlock", applicantBlock);
        p.put("requestBlock", requestBlock);
        p.put("decisionLine", decisionLine);
        p.put("reasonBlock", reasonBlock);
        p.put("validityLine", validityLine);
        p.put("remedyBlock", remedyBlock);
        p.put("decidedLine", decidedLine);
        p.put("verificationLine", verificationLine);
        p.put("sealText", sealText);
        p.put("qrText", qrText);
        return p;
    }
}
