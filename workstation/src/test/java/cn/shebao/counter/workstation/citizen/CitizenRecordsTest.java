package cn.shebao.counter.workstation.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.device.id.InvalidCitizenIdException;
import cn.shebao.counter.workstation.audit.AuditEvent;
import cn.shebao.counter.workstation.audit.AuditVerifier;
import cn.shebao.counter.workstation.i18n.LocalizedException;
import cn.shebao.counter.workstation.retirement.RetirementOutlooks;
import cn.shebao.counter.workstation.security.AccessDeniedException;
import cn.shebao.counter.workstation.testing.DemoReplica;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookup and record reading against a generated, encrypted Derby replica. */
class CitizenRecordsTest {

    @TempDir
    static Path tmp;
    private static DemoReplica demo;
    private static SessionFactory sessions;
    private static CitizenSearch search;
    private static CitizenRecords records;
    private static RetirementOutlooks retirement;

    @BeforeAll
    static void replica() {
        Clock clock = Clock.fixed(DemoReplica.AS_OF.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
        demo = DemoReplica.generate(tmp, 300, clock);
        sessions = demo.replica().sessions();
        search = new CitizenSearch(sessions);
        records = new CitizenRecords(sessions, demo.audit(), clock);
        retirement = new RetirementOutlooks(records, clock);
    }

    @AfterAll
    static void close() throws Exception {
        demo.close();
    }

    private static InsuredPerson first(String where) {
        return sessions.fromTransaction(s -> s.createSelectionQuery("from InsuredPerson p where " + where + " order by p.citizenIdNumber",
                InsuredPerson.class).setMaxResults(1).getSingleResult());
    }

    @Test
    void findsByIdNumberCardNumberAndNameWithMaskedNumbers() {
        InsuredPerson p = first("p.socialSecurityCardNumber is not null");
        CitizenSearch.Result byId = search.search(DemoReplica.clerk(), p.getCitizenIdNumber().toLowerCase(), null, null);
        assertThat(byId.kind()).isEqualTo(CitizenSearch.Kind.ID_NUMBER);
        assertThat(byId.matches()).extracting(CitizenSummary::personId).containsExactly(p.getId());
        assertThat(byId.matches().get(0).maskedIdNumber())
                .isEqualTo(p.getCitizenIdNumber().substring(0, 6) + "********" + p.getCitizenIdNumber().substring(14))
                .doesNotContain(p.getCitizenIdNumber().substring(6, 14));

        CitizenSearch.Result byCard = search.search(DemoReplica.clerk(), " " + p.getSocialSecurityCardNumber() + " ", null, null);
        assertThat(byCard.kind()).isEqualTo(CitizenSearch.Kind.SOCIAL_SECURITY_CARD);
        assertThat(byCard.matches()).extracting(CitizenSummary::personId).containsExactly(p.getId());

        CitizenSearch.Result byName = search.search(DemoReplica.clerk(), p.getName(), null, null);
        assertThat(byName.kind()).isEqualTo(CitizenSearch.Kind.NAME);
        assertThat(byName.matches()).extracting(CitizenSummary::personId).contains(p.getId());
        CitizenSearch.Result narrowed = search.search(DemoReplica.clerk(), p.getName(), p.getBirthDate(), p.getHouseholdAreaCode());
        assertThat(narrowed.matches()).extracting(CitizenSummary::personId).containsExactly(p.getId());
        assertThat(search.search(DemoReplica.clerk(), p.getName(), p.getBirthDate().plusDays(1), null).matches())
                .extracting(CitizenSummary::personId).doesNotContain(p.getId());
    }

    @Test
    void badInputIsRefusedWithAReason() {
        InsuredPerson p = first("1 = 1");
        String id = p.getCitizenIdNumber();
        char wrongCheck = id.charAt(17) == '1' ? '2' : '1';
        assertThatThrownBy(() -> search.search(DemoReplica.clerk(), id.substring(0, 17) + wrongCheck, null, null))
                .isInstanceOf(InvalidCitizenIdException.class)
                .satisfies(e -> assertThat(((InvalidCitizenIdException) e).reason()).isEqualTo(InvalidCitizenIdException.Reason.CHECK_CHARACTER));
        assertThatThrownBy(() -> search.search(DemoReplica.clerk(), "330106199913", null, null))
                .isInstanceOf(InvalidCitizenIdException.class)
                .satisfies(e -> assertThat(((InvalidCitizenIdException) e).reason()).isEqualTo(InvalidCitizenIdException.Reason.LENGTH));
        assertThatThrownBy(() -> search.search(DemoReplica.clerk(), "  ", null, null))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "citizen.error.emptyQuery");
        assertThatThrownBy(() -> search.search(DemoReplica.clerk(), "张三", null, "33A1"))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "citizen.error.badDistrict");
        assertThatThrownBy(() -> search.search(DemoReplica.clerk(), "x; drop table", null, null))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "citizen.error.badName");
        assertThatThrownBy(() -> search.search(DemoReplica.admin(), id, null, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void openingAndEveryTabAreAuditedWithThePurposeInTheHashChain() {
        InsuredPerson p = first("p.status = cn.shebao.counter.workstation.citizen.PersonStatus.CONTRIBUTING");
        long before = auditCount();
        CitizenRecords.Opened opened = records.open(DemoReplica.clerk(), p.getId(), AccessPurpose.TELEPHONE_ENQUIRY);
        assertThat(opened.profile().citizenIdNumber()).isEqualTo(p.getCitizenIdNumber()); // whole on an opened record
        records.contributions(opened.access());
        retirement.of(opened.access());
        records.medicalReimbursements(opened.access());
        List<AuditEvent> events = sessions.fromTransaction(s -> s.createSelectionQuery(
                "from AuditEvent where subjectId = :id order by sequenceNumber", AuditEvent.class)
                .setParameter("id", p.getId().toString()).getResultList());
        assertThat(auditCount() - before).isEqualTo(4);
        assertThat(events).extracting(AuditEvent::getActionCode).containsExactly(CitizenRecords.ACTION_OPEN,
                CitizenRecords.ACTION_VIEW, CitizenRecords.ACTION_VIEW, CitizenRecords.ACTION_VIEW);
        assertThat(events).extracting(AuditEvent::getDetail).containsExactly("BASIC", "CONTRIBUTIONS", "RETIREMENT",
                "MEDICAL_REIMBURSEMENTS");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getPurpose()).isEqualTo("TELEPHONE_ENQUIRY");
            assertThat(e.getActorName()).isEqualTo("clerk1");
        });
        assertThat(new AuditVerifier(sessions).verify().intact()).isTrue();
    }

    @Test
    void contributionHistoryAddsUpAndCountsMonthsAndArrears() {
        InsuredPerson p = first("exists (select 1 from Contribution c where c.personId = p.id"
                + " and c.status = cn.shebao.counter.workstation.citizen.ContributionStatus.ARREARS)");
        CitizenRecords.Opened opened = records.open(DemoReplica.clerk(), p.getId(), AccessPurpose.WINDOW_WITH_ID);
        ContributionHistory h = records.contributions(opened.access());
        List<Contribution> rows = sessions.fromTransaction(s -> s.createSelectionQuery(
                "from Contribution where personId = :p", Contribution.class).setParameter("p", p.getId()).getResultList());
        assertThat(h.lines()).hasSize(rows.size());
        BigDecimal paidPersonal = rows.stream().filter(c -> c.getStatus() != ContributionStatus.ARREARS)
                .map(Contribution::getPersonalAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(h.years().stream().map(ContributionHistory.YearTotal::personalAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(paidPersonal);
        BigDecimal owed = rows.stream().filter(c -> c.getStatus() == ContributionStatus.ARREARS)
                .map(c -> c.getEmployerAmount().add(c.getPersonalAmount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(h.arrearsTotal()).isPositive().isEqualByComparingTo(owed);
        assertThat(h.lines()).anySatisfy(l -> assertThat(l.arrears()).isTrue());

        int prior = sessions.fromTransaction(s -> s.createSelectionQuery("select priorMonths from InsuranceParticipation"
                + " where personId = :p and insuranceType = :t", Integer.class).setParameter("p", p.getId())
                .setParameter("t", InsuranceType.PENSION).getSingleResult());
        long paidPensionMonths = rows.stream().filter(c -> c.getInsuranceType() == InsuranceType.PENSION
                && c.getStatus() != ContributionStatus.ARREARS).count();
        assertThat(opened.profile().monthsOf(InsuranceType.PENSION)).isEqualTo(prior + (int) paidPensionMonths);
        assertThat(h.years().stream().mapToInt(ContributionHistory.YearTotal::pensionMonths).sum()).isEqualTo((int) paidPensionMonths);
        // Issue 18: each year knows its first month shown, so a year cut by the detail window reads as part of a year.
        for (ContributionHistory.YearTotal y : h.years()) {
            int first = rows.stream().filter(c -> c.getContributionMonth().getYear() == y.year())
                    .mapToInt(c -> c.getContributionMonth().getMonthValue()).min().orElseThrow();
            assertThat(y.firstMonth()).as("first month of %d", y.year()).isEqualTo(first);
            assertThat(y.partial()).isEqualTo(first > 1);
        }
        assertThat(h.years()).as("the detail window (36 months to October 2026) cuts its first year").anyMatch(ContributionHistory.YearTotal::partial);
    }

    @Test
    void aTransferBetweenRegionsShowsInTheHistory() {
        InsuredPerson p = first("exists (select 1 from Contribution c where c.personId = p.id and c.regionCode = '310100')");
        CitizenRecords.Opened opened = records.open(DemoReplica.clerk(), p.getId(), AccessPurpose.INTERNAL_REVIEW);
        assertThat(records.contributions(opened.access()).transfers()).anySatisfy(t -> assertThat(t.betweenRegions()).isTrue());
    }

    @Test
    void aRetireeHasPaymentsAndNoRetirementOutlook() {
        InsuredPerson p = first("p.status = cn.shebao.counter.workstation.citizen.PersonStatus.RETIRED"
                + " and exists (select 1 from PensionPayment pp where pp.personId = p.id)");
        CitizenRecords.Opened opened = records.open(DemoReplica.clerk(), p.getId(), AccessPurpose.CARD_PRESENTED);
        assertThat(retirement.of(opened.access())).isEmpty();
        List<PensionPayment> payments = records.pensionPayments(opened.access());
        assertThat(payments).isNotEmpty().isSortedAccordingTo(
                java.util.Comparator.comparing(PensionPayment::getPaymentMonth).reversed());
    }

    @Test
    void aContributorGetsAnOutlookFromTheStatutoryRules() {
        InsuredPerson p = first("p.status = cn.shebao.counter.workstation.citizen.PersonStatus.CONTRIBUTING");
        CitizenRecords.Opened opened = records.open(DemoReplica.clerk(), p.getId(), AccessPurpose.WINDOW_WITH_ID);
        var outlook = retirement.of(opened.access()).orElseThrow();
        assertThat(outlook.date()).isEqualTo(cn.shebao.counter.workstation.retirement.StatutoryRetirementAge
                .date(p.getRetirementCategory(), p.getBirthDate()));
        assertThat(outlook.contributedMonths()).isEqualTo(opened.profile().monthsOf(InsuranceType.PENSION));
    }

    @Test
    void anUnknownPersonIsAClearErrorAndAnAdminMayNotReadRecords() {
        assertThatThrownBy(() -> records.open(DemoReplica.clerk(), java.util.UUID.randomUUID(), AccessPurpose.WINDOW_WITH_ID))
                .isInstanceOf(LocalizedException.class).hasFieldOrPropertyWithValue("key", "citizen.error.notFound");
        InsuredPerson p = first("1 = 1");
        assertThatThrownBy(() -> records.open(DemoReplica.admin(), p.getId(), AccessPurpose.INTERNAL_REVIEW))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static long auditCount() {
        return sessions.fromTransaction(s -> s.createSelectionQuery("select count(*) from AuditEvent", Long.class).getSingleResult());
    }
}
