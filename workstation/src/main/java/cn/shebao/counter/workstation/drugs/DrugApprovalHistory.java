package cn.shebao.counter.workstation.drugs;

import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.RecordAccess;
import cn.shebao.counter.workstation.citizen.RecordTab;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The drug-approvals tab of an opened record: every application of this person, newest first, with the drug's name. */
public final class DrugApprovalHistory {

    private final CitizenRecords records;

    public DrugApprovalHistory(CitizenRecords records) {
        this.records = records;
    }

    public List<DrugApproval> of(RecordAccess access) {
        return records.read(access, RecordTab.DRUG_APPROVALS, s -> {
            List<SpecialDrugApplication> applications = s.createSelectionQuery(
                    "from SpecialDrugApplication where personId = :p order by registeredAt desc", SpecialDrugApplication.class)
                    .setParameter("p", access.personId()).getResultList();
            Map<UUID, SpecialDrug> drugs = CitizenRecords.byId(s, SpecialDrug.class,
                    applications.stream().map(SpecialDrugApplication::getDrugId).toList(), SpecialDrug::getId);
            return applications.stream().map(a -> {
                SpecialDrug d = drugs.get(a.getDrugId());
                return new DrugApproval(a, d == null ? null : d.getName(), d == null ? null : d.getSpecification());
            }).toList();
        });
    }
}
