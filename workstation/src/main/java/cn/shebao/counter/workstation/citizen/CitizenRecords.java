package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.workstation.audit.AuditEntry;
import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a citizen's record for a stated purpose and reads its tabs from the local replica (so it works
 * offline). Every opening and every tab read is audited in the transaction that read it: nothing is shown
 * that was not audited.
 */
public final class CitizenRecords {

    public static final String ACTION_OPEN = "citizen.record.open";
    public static final String ACTION_VIEW = "citizen.record.view";

    private static final Logger LOG = LoggerFactory.getLogger(CitizenRecords.class);

    private final SessionFactory sessions;
    private final AuditLog audit;
    private final Clock clock;
    private final OlderRecords older;

    /** For a replica without a central service: every month it shows is in the replica. */
    public CitizenRecords(SessionFactory sessions, AuditLog audit, Clock clock) {
        this(sessions, audit, clock, OlderRecords.NONE);
    }

    /** @param older where months older than the replica's window are read (central, when online) */
    public CitizenRecords(SessionFactory sessions, AuditLog audit, Clock clock, OlderRecords older) {
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.older = older;
    }

    /** An opened record: the access to read its other tabs with, and its basic tab. */
    public record Opened(RecordAccess access, CitizenProfile profile) {
    }

    public Opened open(StaffSession staff, UUID personId, AccessPurpose purpose) {
        staff.require(StaffRole.CLERK, StaffRole.SUPERVISOR);
        RecordAccess access = new RecordAccess(personId, purpose, staff);
        CitizenProfile profile = sessions.fromTransaction(s -> {
            InsuredPerson p = s.find(InsuredPerson.class, personId);
            if (p == null) {
                throw new LocalizedException("citizen.error.notFound");
            }
            audited(s, access, ACTION_OPEN, RecordTab.BASIC);
            return profile(s, p);
        });
        return new Opened(access, profile);
    }

    /**
     * Every month the replica holds and, when the record has credited months before the replica's window, the
     * older months from central (asked outside the local transaction: the replica is not held while the network
     * answers). Offline, the history says the older months are kept at central.
     */
    public ContributionHistory contributions(RecordAccess access) {
        record Local(List<Contribution> rows, boolean creditedBefore) {
        }
        Local local = read(access, RecordTab.CONTRIBUTIONS, s -> new Local(s.createSelectionQuery(
                "from Contribution where personId = :p order by contributionMonth, insuranceType", Contribution.class)
                .setParameter("p", access.personId()).getResultList(),
                s.createSelectionQuery("select count(*) from InsuranceParticipation where personId = :p and priorMonths > 0", Long.class)
                        .setParameter("p", access.personId()).getSingleResult() > 0));
        YearMonth localFrom = local.rows().isEmpty() ? null : local.rows().get(0).getContributionMonth();
        List<MonthlyContribution> shown = new ArrayList<>(local.rows());
        ContributionHistory.OlderDetail detail = ContributionHistory.OlderDetail.NONE;
        if (local.creditedBefore()) {
            try {
                List<ArchivedContribution> archived = older.contributions(access);
                if (!archived.isEmpty()) {
                    shown.addAll(0, archived.stream().filter(a -> localFrom == null || a.getContributionMonth().isBefore(localFrom))
                            .sorted(Comparator.comparing(MonthlyContribution::getContributionMonth)
                                    .thenComparing(MonthlyContribution::getInsuranceType)).toList());
                    detail = ContributionHistory.OlderDetail.INCLUDED;
                }
            } catch (OlderRecords.Unavailable e) {
                LOG.info("Older contribution months not read from central: {}", e.getMessage());
                detail = ContributionHistory.OlderDetail.AT_CENTRAL;
            }
        }
        Map<UUID, String> employers = sessions.fromTransaction(s ->
                employerNames(s, shown.stream().map(MonthlyContribution::getEmployerId).toList()));
        return ContributionHistory.of(shown, employers, detail, localFrom);
    }

    public List<PensionPayment> pensionPayments(RecordAccess access) {
        return rows(access, RecordTab.PENSION_PAYMENTS, PensionPayment.class, "paymentMonth desc");
    }

    public List<BenefitAdjustment> benefitAdjustments(RecordAccess access) {
        return rows(access, RecordTab.BENEFIT_ADJUSTMENTS, BenefitAdjustment.class, "effectiveMonth desc");
    }

    public List<MedicalReimbursement> medicalReimbursements(RecordAccess access) {
        return rows(access, RecordTab.MEDICAL_REIMBURSEMENTS, MedicalReimbursement.class, "settledOn desc");
    }

    public List<WorkInjuryClaim> workInjuries(RecordAccess access) {
        return rows(access, RecordTab.WORK_INJURY, WorkInjuryClaim.class, "injuredOn desc");
    }

    public List<MaternityBenefit> maternityBenefits(RecordAccess access) {
        return rows(access, RecordTab.MATERNITY, MaternityBenefit.class, "childbirthOn desc");
    }

    public List<SpecifiedDiseaseRegistration> specifiedDiseases(RecordAccess access) {
        return rows(access, RecordTab.SPECIFIED_DISEASES, SpecifiedDiseaseRegistration.class, "validTo desc");
    }

    private <T> List<T> rows(RecordAccess access, RecordTab tab, Class<T> type, String order) {
        return read(access, tab, s -> s.createSelectionQuery("from " + type.getSimpleName()
                + " where personId = :p order by " + order, type).setParameter("p", access.personId()).getResultList());
    }

    /**
     * One tab of an opened record, read and audited in one transaction; the features that own a tab's data (drug
     * approvals, the retirement outlook) read theirs through this, so nothing is shown that was not audited.
     */
    public <T> T read(RecordAccess access, RecordTab tab, Function<Session, T> reader) {
        return sessions.fromTransaction(s -> {
            audited(s, access, ACTION_VIEW, tab);
            return reader.apply(s);
        });
    }

    private void audited(Session s, RecordAccess access, String action, RecordTab tab) {
        StaffSession staff = access.staff();
        audit.append(s, new AuditEntry(staff.userId(), staff.username(), action, "InsuredPerson",
                access.personId().toString(), access.purpose().name(), tab.name()));
    }

    private static CitizenProfile profile(Session s, InsuredPerson p) {
        Employer employer = p.getCurrentEmployerId() == null ? null : s.find(Employer.class, p.getCurrentEmployerId());
        Map<InsuranceType, Long> paidMonths = s.createSelectionQuery(
                "select insuranceType, count(*) from Contribution where personId = :p and status <> :arrears group by insuranceType",
                Object[].class).setParameter("p", p.getId()).setParameter("arrears", ContributionStatus.ARREARS)
                .getResultList().stream().collect(Collectors.toMap(r -> (InsuranceType) r[0], r -> (Long) r[1]));
        List<CitizenProfile.Participation> participations = s.createSelectionQuery(
                "from InsuranceParticipation where personId = :p order by insuranceType", InsuranceParticipation.class)
                .setParameter("p", p.getId()).getResultList().stream()
                .map(ip -> new CitizenProfile.Participation(ip.getInsuranceType(), ip.getStatus(), ip.getFirstInsuredOn(),
                        ip.getPriorMonths() + paidMonths.getOrDefault(ip.getInsuranceType(), 0L).intValue(),
                        ip.getPersonalAccountBalance()))
                .sorted(Comparator.comparing(CitizenProfile.Participation::type))
                .toList();
        return new CitizenProfile(p.getId(), p.getCitizenIdNumber(), p.getName(), p.getGender(), p.getBirthDate(),
                p.getNationCode(), p.getHouseholdAreaCode(), p.getAddress(), p.getPhone(), p.getSocialSecurityCardNumber(),
                p.getStatus(), p.getRetirementCategory(), p.getFirstWorkDate(), p.getRetiredOn(), p.getRegisteredOn(),
                employer == null ? null : employer.getName(), employer == null ? null : employer.getCreditCode(), participations);
    }

    /** Pension months to date: brought in from before the records plus paid or back-paid months here. */
    public static int pensionMonths(Session s, UUID personId) {
        Long paid = s.createSelectionQuery("select count(*) from Contribution where personId = :p and insuranceType = :t"
                + " and status <> :arrears", Long.class).setParameter("p", personId).setParameter("t", InsuranceType.PENSION)
                .setParameter("arrears", ContributionStatus.ARREARS).getSingleResult();
        Integer prior = s.createSelectionQuery("select priorMonths from InsuranceParticipation where personId = :p"
                + " and insuranceType = :t", Integer.class).setParameter("p", personId).setParameter("t", InsuranceType.PENSION)
                .uniqueResult();
        return paid.intValue() + (prior == null ? 0 : prior);
    }

    private static Map<UUID, String> employerNames(Session s, Collection<UUID> ids) {
        return byId(s, Employer.class, ids, Employer::getId).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getName()));
    }

    /** The rows of {@code ids} by id, one query; a missing row is left out. */
    public static <T> Map<UUID, T> byId(Session s, Class<T> type, Collection<UUID> ids, Function<T, UUID> id) {
        List<UUID> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return s.findMultiple(type, distinct).stream().filter(Objects::nonNull)
                .collect(Collectors.toMap(id, Function.identity()));
    }
}
