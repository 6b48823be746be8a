package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** 参保证明: the person, each insurance type with status, first insured date and months, and a QR check. */
public record ParticipationCertificate(String centreName, String title, String certificateNumber, String personBlock,
        String employerLine, String columnType, String columnStatus, String columnFirstInsured, String columnMonths,
        List<Line> lines, String statement, String issuedLine, String verificationLine, String sealText, String qrText)
        implements ReportData {

    /** One insurance type. */
    public record Line(String insuranceType, String status, String firstInsured, String months) {
    }

    public ParticipationCertificate {
        lines = List.copyOf(lines);
    }

    @Override
    public ReportTemplate template() {
        return ReportTemplate.PARTICIPATION_CERTIFICATE;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("centreName", centreName);
        p.put("title", title);
        p.put("certificateNumber", certificateNumber);
        p.put("personBlock", personBlock);
        p.put("employerLine", employerLine);
        p.put("columnType", columnType);
        p.put("columnStatus", columnStatus);
        p.put("columnFirstInsured", columnFirstInsured);
        p.put("columnMonths", columnMonths);
        p.put("statement", statement);
        p.put("issuedLine", issuedLine);
        p.put("verificationLine", verificationLine);
        p.put("sealText", sealText);
        p.put("qrText", qrText);
        return p;
    }

    @Override
    public List<Map<String, ?>> rows() {
        return lines.stream().<Map<String, ?>>map(l -> Map.of("insuranceType", l.insuranceType(), "status", l.status(),
                "firstInsured", l.firstInsured(), "months", l.months())).toList();
    }
}
