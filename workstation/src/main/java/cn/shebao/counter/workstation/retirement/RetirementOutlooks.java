package cn.shebao.counter.workstation.retirement;

import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.PersonStatus;
import cn.shebao.counter.workstation.citizen.RecordAccess;
import cn.shebao.counter.workstation.citizen.RecordTab;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** The retirement tab of an opened record: when this person may retire and with how many pension months. */
public final class RetirementOutlooks {

    private final CitizenRecords records;
    private final Clock clock;

    public RetirementOutlooks(CitizenRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Empty for a person already retired or deceased: the outlook is for those still to retire. */
    public Optional<RetirementOutlook> of(RecordAccess access) {
        return records.read(access, RecordTab.RETIREMENT, s -> {
            InsuredPerson p = s.find(InsuredPerson.class, access.personId());
            if (p.getStatus() == PersonStatus.RETIRED || p.getStatus() == PersonStatus.DECEASED) {
                return Optional.empty();
            }
            int months = CitizenRecords.pensionMonths(s, p.getId());
            return Optional.of(RetirementOutlook.of(p.getRetirementCategory(), p.getBirthDate(), months,
                    p.getStatus() == PersonStatus.CONTRIBUTING, LocalDate.now(clock)));
        });
    }
}
