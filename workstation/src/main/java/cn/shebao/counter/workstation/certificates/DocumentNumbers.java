package cn.shebao.counter.workstation.certificates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Document numbers: type prefix, issue date, workstation, and a per-day counter of that workstation
 * (CBZM20261127-DEMO01-0007). The workstation part keeps numbers unique across windows that issue offline.
 */
final class DocumentNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private DocumentNumbers() {
    }

    static String prefix(DocumentType type) {
        return switch (type) {
            case PARTICIPATION_CERTIFICATE -> "CBZM";
            case RIGHTS_RECORD_STATEMENT -> "QYJL";
            case CREDENTIAL_SLIP -> "WTZH";
            case DRUG_DECISION_NOTICE -> "TYSP";
            case PENSION_STATEMENT -> "YLFF";
            case ACCESS_STATEMENT -> "CYJL";
        };
    }

    /** Everything before the counter, for finding today's highest number. */
    static String stem(DocumentType type, LocalDate day, String workstationCode) {
        String station = workstationCode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return prefix(type) + DAY.format(day) + "-" + station.substring(0, Math.min(8, station.length())) + "-";
    }

    static String number(String stem, int counter) {
        return stem + String.format(Locale.ROOT, "%04d", counter);
    }
}
