package cn.shebao.counter.reports;

/** The documents the counter prints. Each is a JasperReports 7 template under src/main/jasperreports. */
public enum ReportTemplate {
    PARTICIPATION_CERTIFICATE("participation-certificate"),
    RIGHTS_RECORD_STATEMENT("rights-record-statement"),
    CREDENTIAL_SLIP("credential-slip"),
    DRUG_DECISION_NOTICE("drug-decision-notice"),
    PENSION_STATEMENT("pension-statement"),
    ACCESS_STATEMENT("access-statement"),
    AUDIT_EXTRACT("audit-extract");

    private final String fileName;

    ReportTemplate(String fileName) {
        this.fileName = fileName;
    }

    /** The template's base name: {@code <name>.jrxml} in the sources, {@code <name>.jasper} in the jar. */
    public String fileName() {
        return fileName;
    }

    public String compiledResource() {
        return "/cn/shebao/counter/reports/templates/" + fileName + ".jasper";
    }
}
