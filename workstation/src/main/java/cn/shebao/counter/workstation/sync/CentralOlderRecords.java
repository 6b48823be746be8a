package cn.shebao.counter.workstation.sync;

import cn.shebao.counter.workstation.citizen.ArchivedContribution;
import cn.shebao.counter.workstation.citizen.ContributionStatus;
import cn.shebao.counter.workstation.citizen.InsuranceType;
import cn.shebao.counter.workstation.citizen.OlderRecords;
import cn.shebao.counter.workstation.citizen.RecordAccess;
import cn.shebao.counter.workstation.store.YearMonthConverter;
import cn.shebao.counter.workstation.wire.CentralUnavailableException;
import cn.shebao.counter.workstation.wire.PersonRecordSource;
import cn.shebao.counter.workstation.wire.RowValues;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Older months read from the central service for the record a clerk has open. Asked only while the last sync
 * round reached central, so an offline window answers at once instead of waiting out a timeout; the rows are
 * turned into entities for display and never written to the replica.
 */
public final class CentralOlderRecords implements OlderRecords {

    static final String ARCHIVE = "contribution_archive";

    private final PersonRecordSource central;
    private final BooleanSupplier online;

    /** @param online whether the last sync round reached central */
    public CentralOlderRecords(PersonRecordSource central, BooleanSupplier online) {
        this.central = central;
        this.online = online;
    }

    @Override
    public List<ArchivedContribution> contributions(RecordAccess access) {
        if (!online.getAsBoolean()) {
            throw new Unavailable("records.older.offline", null);
        }
        Map<String, List<Map<String, Object>>> tables;
        try {
            tables = central.forCounter(access.staff().userId(), access.personId(), access.purpose().name(), List.of(ARCHIVE));
        } catch (CentralUnavailableException e) {
            throw new Unavailable("records.older.offline", e);
        } catch (ServiceClient.ServiceRefusal e) {
            throw new Unavailable("records.older.refused", e);
        }
        List<ArchivedContribution> months = new ArrayList<>();
        for (Map<String, Object> row : tables.getOrDefault(ARCHIVE, List.of())) {
            months.add(month(row));
        }
        return months;
    }

    private static ArchivedContribution month(Map<String, Object> row) {
        ArchivedContribution k = new ArchivedContribution(RowValues.toUuid(row.get("id")));
        k.setPersonId(RowValues.toUuid(row.get("person_id")));
        k.setEmployerId(row.get("employer_id") == null ? null : RowValues.toUuid(row.get("employer_id")));
        k.setContributionMonth(new YearMonthConverter().convertToEntityAttribute((Integer) row.get("contribution_month")));
        k.setInsuranceType(InsuranceType.valueOf((String) row.get("insurance_type")));
        k.setRegionCode((String) row.get("region_code"));
        k.setBase((BigDecimal) row.get("base"));
        k.setEmployerRate((BigDecimal) row.get("employer_rate"));
        k.setPersonalRate((BigDecimal) row.get("personal_rate"));
        k.setEmployerAmount((BigDecimal) row.get("employer_amount"));
        k.setPersonalAmount((BigDecimal) row.get("personal_amount"));
        k.setStatus(ContributionStatus.valueOf((String) row.get("status")));
        k.setPaidOn(row.get("paid_on") == null ? null : ((Date) row.get("paid_on")).toLocalDate());
        return k;
    }
}
