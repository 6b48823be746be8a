package cn.shebao.counter.reports.data;

import cn.shebao.counter.reports.ReportTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 参保证明: the person, each insurance type with status, first insured date and months, and a QR check.
 * The ID number is printed in full or masked (330106********3218) as {@code fullIdNumber} says.
 */
public record ParticipationCertificate(String centreName, String title, String certificateNumber, Person person,
        boolean fullIdNumber, String introduction, String employerLine, String columnType, String columnStatus, String columnFirstInsured, String columnMonths,
        List<Line> lines, String statement, String issuedLine, String verificationLine, String sealText, String qrText)
        implements ReportData {

    /** The person, with the labels in the caller's language. */
    public record Person(String nameLabel, String name, String idLabel, String idNumber, String genderLabel, String gender,
            String birthLabel, String birthDate) {
    }

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
        Map<String, Object> p = ReportData.super.parameters();
        p.put("nameLabel", person.nameLabel());
        p.put("name", person.name());
        p.put("idLabel", person.idLabel());
        p.put("idNumber", fullIdNumber ? person.idNumber() : mask(person.idNumber()));
        p.put("genderLabel", person.genderLabel());
        p.put("gender", person.gender());
        p.put("birthLabel", person.birthLabel());
        p.put("birthDate", person.birthDate());
        return p;
    }

    /** First six and last four characters: enough to recognise, not enough to misuse. */
    static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 11) {
            return "*".repeat(idNumber == null ? 0 : idNumber.length());
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }

    @Override
    public List<Map<String, ?>> rows() {
        return lines.stream().<Map<String, ?>>map(l -> Map.of("insuranceType", l.insuranceType(), "status", l.status(),
                "firstInsured", l.firstInsured(), "months", l.months())).toList();
    }
}
