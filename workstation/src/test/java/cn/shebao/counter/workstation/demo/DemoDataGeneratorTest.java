package cn.shebao.counter.workstation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.workstation.citizen.Contribution;
import cn.shebao.counter.workstation.citizen.ContributionStatus;
import cn.shebao.counter.workstation.citizen.Employer;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.PensionPayment;
import cn.shebao.counter.workstation.citizen.PersonStatus;
import cn.shebao.counter.workstation.citizen.UnifiedSocialCreditCode;
import cn.shebao.counter.workstation.drugs.ApplicationStatus;
import cn.shebao.counter.workstation.drugs.SpecialDrugApplication;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffUser;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataGeneratorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @Test
    void sameSeedGivesTheSameRowsAndAnotherSeedDoesNot() throws Exception {
        String a = digest(new DemoDataGenerator.Settings(7, 400, AS_OF, 24, 100));
        String b = digest(new DemoDataGenerator.Settings(7, 400, AS_OF, 24, 100));
        String c = digest(new DemoDataGenerator.Settings(8, 400, AS_OF, 24, 100));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void batchSizeDoesNotChangeTheData() throws Exception {
        assertThat(digest(new DemoDataGenerator.Settings(7, 300, AS_OF, 24, 300)))
                .isEqualTo(digest(new DemoDataGenerator.Settings(7, 300, AS_OF, 24, 7)));
    }

    @Test
    void everyIdentifierValidatesAndTheDataLooksLikeACentre() {
        CollectingSink sink = new CollectingSink();
        DemoDataGenerator generator = new DemoDataGenerator(new DemoDataGenerator.Settings(11, 3000, AS_OF, 24, 500));
        DemoDataGenerator.Result result = generator.generate(sink, (done, total, rows) -> { });
        assertThat(result.persons()).isEqualTo(3000);

        List<InsuredPerson> persons = sink.of(InsuredPerson.class);
        assertThat(persons).hasSize(3000);
        Set<String> idNumbers = new HashSet<>();
        for (InsuredPerson p : persons) {
            CitizenIdNumber id = CitizenIdNumber.parse(p.getCitizenIdNumber()); // throws if any is invalid
            assertThat(id.birthDate()).isEqualTo(p.getBirthDate());
            assertThat(id.gender()).isEqualTo(p.getGender());
            assertThat(idNumbers.add(p.getCitizenIdNumber())).as("unique %s", id).isTrue();
        }
        assertThat(sink.of(Employer.class)).allSatisfy(e -> assertThat(UnifiedSocialCreditCode.isValid(e.getCreditCode())).isTrue());

        long retired = persons.stream().filter(p -> p.getStatus() == PersonStatus.RETIRED).count();
        assertThat(retired).isBetween(300L, 1500L);
        assertThat(persons).anySatisfy(p -> assertThat(p.getName()).containsAnyOf("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容"));
        assertThat(persons.stream().map(InsuredPerson::getName).filter(n -> n.chars().anyMatch(ch -> ChineseNames.RARE.indexOf(ch) >= 0)).count())
                .isPositive();
        assertThat(sink.of(PensionPayment.class)).isNotEmpty();
        assertThat(sink.of(Contribution.class)).anySatisfy(k -> assertThat(k.getStatus()).isEqualTo(ContributionStatus.ARREARS));
        assertThat(sink.of(Contribution.class)).anySatisfy(k -> assertThat(k.getRegionCode()).isEqualTo("310100")); // transfers in
        List<SpecialDrugApplication> applications = sink.of(SpecialDrugApplication.class);
        assertThat(applications).extracting(SpecialDrugApplication::getStatus)
                .contains(ApplicationStatus.REGISTERED, ApplicationStatus.APPROVED, ApplicationStatus.REJECTED);
        assertThat(applications).allSatisfy(a -> assertThat(a.getDecidedBy()).isNotEqualTo(a.getRegisteredBy()));
    }

    /** Issue 18: the demo reads like a real district's records, not like a generator's. */
    @Test
    void monthsCountFromWhenEachInsuranceBeganVisitsNeedARegistrationAndAdjustmentsArePaidBack() {
        CollectingSink sink = new CollectingSink();
        new DemoDataGenerator(new DemoDataGenerator.Settings(11, 1500, AS_OF, 36, 500)).generate(sink, (d, t, r) -> { });

        // Per type: never more months than have passed since that type began for this person (medical from 2001).
        java.util.Map<String, Long> paid = sink.of(Contribution.class).stream().filter(k -> k.getStatus() != ContributionStatus.ARREARS)
                .collect(java.util.stream.Collectors.groupingBy(k -> k.getPersonId() + "/" + k.getInsuranceType(),
                        java.util.stream.Collectors.counting()));
        List<cn.shebao.counter.workstation.citizen.InsuranceParticipation> participations =
                sink.of(cn.shebao.counter.workstation.citizen.InsuranceParticipation.class);
        java.util.Map<java.util.UUID, LocalDate> careerStart = sink.of(InsuredPerson.class).stream()
                .collect(java.util.stream.Collectors.toMap(InsuredPerson::getId, InsuredPerson::getFirstWorkDate));
        assertThat(participations).isNotEmpty().allSatisfy(ip -> {
            long months = ip.getPriorMonths() + paid.getOrDefault(ip.getPersonId() + "/" + ip.getInsuranceType(), 0L);
            // Pensions count work before the 1992 scheme as deemed contribution (视同缴费), so from the career's start.
            LocalDate since = ip.getInsuranceType() == cn.shebao.counter.workstation.citizen.InsuranceType.PENSION
                    ? careerStart.get(ip.getPersonId()) : ip.getFirstInsuredOn();
            assertThat(months).as("%s months since %s", ip.getInsuranceType(), since)
                    .isLessThanOrEqualTo(Math.max(0, java.time.temporal.ChronoUnit.MONTHS.between(since, AS_OF) + 1));
        });
        assertThat(participations).filteredOn(ip -> ip.getInsuranceType() == cn.shebao.counter.workstation.citizen.InsuranceType.MEDICAL)
                .allSatisfy(ip -> assertThat(ip.getFirstInsuredOn()).isAfterOrEqualTo(LocalDate.of(2001, 1, 1)));
        assertThat(participations).as("types of one person differ where they began at different times")
                .anySatisfy(ip -> assertThat(ip.getPriorMonths()).isNotEqualTo(participations.stream()
                        .filter(o -> o.getPersonId().equals(ip.getPersonId())
                                && o.getInsuranceType() == cn.shebao.counter.workstation.citizen.InsuranceType.PENSION)
                        .findFirst().orElseThrow().getPriorMonths()));

        // Every specified-disease outpatient visit falls under a registration for that disease.
        List<cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration> registrations =
                sink.of(cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration.class);
        List<cn.shebao.counter.workstation.citizen.MedicalReimbursement> specified = sink.of(
                cn.shebao.counter.workstation.citizen.MedicalReimbursement.class).stream()
                .filter(m -> m.getVisitType() == cn.shebao.counter.workstation.citizen.VisitType.SPECIFIED_DISEASE_OUTPATIENT).toList();
        assertThat(specified).isNotEmpty().allSatisfy(m -> assertThat(registrations).anySatisfy(reg -> {
            assertThat(reg.getPersonId()).isEqualTo(m.getPersonId());
            assertThat(reg.getDiseaseCode()).isEqualTo(m.getDiagnosisCode());
            assertThat(m.getAdmittedOn()).isBetween(reg.getValidFrom(), reg.getValidTo());
        }));

        // An adjustment approved in July is effective from January: January to June at the old amount, July adds the
        // six months' difference, August on the new amount.
        List<cn.shebao.counter.workstation.citizen.BenefitAdjustment> adjustments = sink.of(cn.shebao.counter.workstation.citizen.BenefitAdjustment.class);
        assertThat(adjustments).isNotEmpty().allSatisfy(a -> {
            assertThat(a.getEffectiveMonth().getMonthValue()).isEqualTo(1);
            assertThat(a.getApprovedOn().getMonthValue()).isEqualTo(7);
        });
        var a = adjustments.get(0);
        java.util.Map<java.time.YearMonth, java.math.BigDecimal> paidOut = sink.of(PensionPayment.class).stream()
                .filter(pp -> pp.getPersonId().equals(a.getPersonId()))
                .collect(java.util.stream.Collectors.toMap(PensionPayment::getPaymentMonth, PensionPayment::getTotalAmount));
        int year = a.getEffectiveMonth().getYear();
        assertThat(paidOut.get(java.time.YearMonth.of(year, 6))).isEqualByComparingTo(a.getAmountBefore());
        assertThat(paidOut.get(java.time.YearMonth.of(year, 7))).isEqualByComparingTo(a.getAmountAfter()
                .add(a.getAmountAfter().subtract(a.getAmountBefore()).multiply(java.math.BigDecimal.valueOf(6))));
        assertThat(paidOut.get(java.time.YearMonth.of(year, 8))).isEqualByComparingTo(a.getAmountAfter());
    }

    @Test
    void everyDemoPersonsCardPassesTheReadersChecks() throws Exception {
        CollectingSink sink = new CollectingSink();
        new DemoDataGenerator(new DemoDataGenerator.Settings(3, 500, AS_OF, 6, 500)).generate(sink, (d, t, r) -> { });
        for (InsuredPerson p : sink.of(InsuredPerson.class)) {
            var card = DemoCards.cardOf(p);
            // Encoding into the card's byte layout and decoding runs every check a real read gets.
            assertThat(cn.shebao.counter.device.card.IdCardText.decode(cn.shebao.counter.device.card.IdCardText.encode(card)))
                    .isEqualTo(card);
        }
    }

    @Test
    void demoStaffPasswordsVerifyAgainstTheirHashesAndNeverPrint() {
        CollectingSink sink = new CollectingSink();
        DemoDataGenerator generator = new DemoDataGenerator(new DemoDataGenerator.Settings(1, 0, AS_OF, 24, 10));
        generator.generate(sink, (d, t, r) -> { });
        PasswordHasher hasher = new PasswordHasher();
        List<StaffUser> users = sink.of(StaffUser.class);
        assertThat(generator.staff()).hasSize(users.size());
        for (DemoDataGenerator.DemoStaff s : generator.staff()) {
            StaffUser u = users.stream().filter(x -> x.getUsername().equals(s.username())).findFirst().orElseThrow();
            assertThat(hasher.verify(s.demoPassword().toCharArray(), u.getPasswordHash())).isTrue();
            assertThat(s.toString()).doesNotContain(s.demoPassword());
        }
    }

    @Test
    void writesThroughHibernateIntoTheEncryptedReplica(@TempDir Path tmp) throws IOException {
        try (Replica replica = Replica.open(new DataDirectory(tmp.resolve("data")),
                new KeyStoreKeyProtector(tmp.resolve("keys"), "pw".repeat(8).toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.VALIDATE))) {
            CollectingSink expected = new CollectingSink();
            DemoDataGenerator.Settings settings = new DemoDataGenerator.Settings(5, 250, AS_OF, 12, 100);
            new DemoDataGenerator(settings).generate(expected, (d, t, r) -> { });
            List<Integer> progress = new ArrayList<>();
            DemoDataGenerator.Result result = new DemoDataGenerator(settings)
                    .generate(new HibernateDemoSink(replica.sessions()), (done, total, rows) -> progress.add(done));
            assertThat(progress).containsExactly(100, 200, 250);
            long persons = replica.sessions().fromTransaction(s -> s.createSelectionQuery("select count(*) from InsuredPerson", Long.class).getSingleResult());
            long contributions = replica.sessions().fromTransaction(s -> s.createSelectionQuery("select count(*) from Contribution", Long.class).getSingleResult());
            assertThat(persons).isEqualTo(250);
            assertThat(contributions).isEqualTo(expected.of(Contribution.class).size()).isPositive();
            assertThat(result.rows()).isEqualTo(expected.rows.size());
        }
    }

    private static String digest(DemoDataGenerator.Settings settings) throws Exception {
        CollectingSink sink = new CollectingSink();
        new DemoDataGenerator(settings).generate(sink, (d, t, r) -> { });
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<String> lines = new ArrayList<>();
        for (Object row : sink.rows) {
            lines.add(canonical(row));
        }
        // Batches group rows by table, so the order differs with the batch size; the content must not.
        lines.sort(null);
        for (String line : lines) {
            sha.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Every field of the row and its superclasses, so any difference in any column changes the digest. */
    private static String canonical(Object row) throws IllegalAccessException {
        StringBuilder sb = new StringBuilder(row.getClass().getSimpleName());
        for (Class<?> c = row.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                sb.append('|').append(f.getName()).append('=').append(f.get(row));
            }
        }
        return sb.append('\n').toString();
    }

    static final class CollectingSink implements DemoDataSink {
        final List<Object> rows = new ArrayList<>();

        @Override
        public void write(DemoBatch batch) {
            batch.rowsByType().values().forEach(rows::addAll);
        }

        <T> List<T> of(Class<T> type) {
            return rows.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
