package cn.shebao.counter.workstation.demo;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.Gender;
import cn.shebao.counter.workstation.certificates.DocumentType;
import cn.shebao.counter.workstation.certificates.IssuedDocument;
import cn.shebao.counter.workstation.citizen.BenefitAdjustment;
import cn.shebao.counter.workstation.citizen.BenefitStatus;
import cn.shebao.counter.workstation.citizen.ArchivedContribution;
import cn.shebao.counter.workstation.citizen.Contribution;
import cn.shebao.counter.workstation.citizen.ContributionStatus;
import cn.shebao.counter.workstation.citizen.DeliveryType;
import cn.shebao.counter.workstation.citizen.Employer;
import cn.shebao.counter.workstation.citizen.InsuranceParticipation;
import cn.shebao.counter.workstation.citizen.InsuranceType;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.MaternityBenefit;
import cn.shebao.counter.workstation.citizen.MedicalReimbursement;
import cn.shebao.counter.workstation.citizen.ParticipationStatus;
import cn.shebao.counter.workstation.citizen.PaymentStatus;
import cn.shebao.counter.workstation.citizen.PensionPayment;
import cn.shebao.counter.workstation.citizen.PersonStatus;
import cn.shebao.counter.workstation.citizen.RegistrationStatus;
import cn.shebao.counter.workstation.citizen.RetirementCategory;
import cn.shebao.counter.workstation.citizen.SpecifiedDiseaseRegistration;
import cn.shebao.counter.workstation.citizen.VisitType;
import cn.shebao.counter.workstation.citizen.WorkInjuryClaim;
import cn.shebao.counter.workstation.citizen.WorkInjuryStatus;
import cn.shebao.counter.workstation.drugs.ApplicationStatus;
import cn.shebao.counter.workstation.drugs.SpecialDrug;
import cn.shebao.counter.workstation.drugs.SpecialDrugApplication;
import cn.shebao.counter.workstation.identity.AccountStatus;
import cn.shebao.counter.workstation.identity.ConfirmationMethod;
import cn.shebao.counter.workstation.identity.ConfirmationResult;
import cn.shebao.counter.workstation.identity.IdentityConfirmation;
import cn.shebao.counter.workstation.identity.OnlineAccount;
import cn.shebao.counter.workstation.identity.PermissionScope;
import cn.shebao.counter.workstation.retirement.StatutoryRetirementAge;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.security.StaffUser;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Makes one insured person with a plausible history; all randomness comes from the person's own stream. */
final class PersonHistoryFactory {

    private static final LocalDate SCHEME_START = LocalDate.of(1992, 1, 1);
    private static final YearMonth TRANSITION = YearMonth.of(1998, 1); // "transitional pension" for earlier careers
    private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PERMIT_EVERY = 50;
    private static final List<String> PERMIT_AREAS = List.of("810000", "820000", "830000");

    /** Zhejiang contribution base limits per year (lower, upper), approximately; synthetic data only. */
    private static final Map<Integer, int[]> BASE_LIMITS = Map.of(
            2020, new int[] {3957, 19783}, 2021, new int[] {3957, 19783}, 2022, new int[] {4134, 20670},
            2023, new int[] {4462, 22311}, 2024, new int[] {4462, 22311}, 2025, new int[] {4812, 24930},
            2026, new int[] {4812, 24930});
    /** National yearly pension adjustments. */
    private static final Map<Integer, String> ADJUSTMENTS = Map.of(2023, "0.038", 2024, "0.030", 2025, "0.020", 2026, "0.020");
    /** The month a year's adjustment is approved and first paid: effective from January, January to June paid as back pay. */
    private static final int ADJUSTMENT_PAID_MONTH = 7;
    /**
     * When each insurance began for employees here (synthetic but in the right order: pensions with the scheme in 1992,
     * unemployment 1999, basic medical 2001, work injury 2004, maternity 2005): nobody has more months of a type than
     * have passed since it began.
     */
    private static final Map<InsuranceType, LocalDate> TYPE_START = new EnumMap<>(Map.of(
            InsuranceType.PENSION, SCHEME_START, InsuranceType.UNEMPLOYMENT, LocalDate.of(1999, 1, 1),
            InsuranceType.MEDICAL, LocalDate.of(2001, 1, 1), InsuranceType.WORK_INJURY, LocalDate.of(2004, 1, 1),
            InsuranceType.MATERNITY, LocalDate.of(2005, 1, 1)));

    /** Employer and personal rates per insurance type for employees; flexible workers pay pension and medical alone. */
    private static final Map<InsuranceType, String[]> RATES = new EnumMap<>(Map.of(
            InsuranceType.PENSION, new String[] {"0.1600", "0.0800"},
            InsuranceType.MEDICAL, new String[] {"0.0900", "0.0200"},
            InsuranceType.UNEMPLOYMENT, new String[] {"0.0050", "0.0050"},
            InsuranceType.MATERNITY, new String[] {"0.0050", "0.0000"}));
    private static final Map<InsuranceType, String[]> FLEXIBLE_RATES = new EnumMap<>(Map.of(
            InsuranceType.PENSION, new String[] {"0.0000", "0.2000"},
            InsuranceType.MEDICAL, new String[] {"0.0000", "0.1000"}));

    private final DemoDataGenerator.Settings settings;
    private final TimeOrderedIds ids;
    /** Ids of archived months from a stream of their own, so central's archive leaves every replicated row as it was. */
    private final TimeOrderedIds archiveIds;
    private final List<Employer> employers;
    private final List<SpecialDrug> drugs;
    private final List<StaffUser> clerks;
    private final List<StaffUser> supervisors;
    private final Set<Long> usedIdNumbers = new HashSet<>();
    private final YearMonth windowStart;
    private final YearMonth windowEnd;
    private long settlementCounter;
    private long documentCounter;

    PersonHistoryFactory(DemoDataGenerator.Settings settings, TimeOrderedIds ids, TimeOrderedIds archiveIds, List<Employer> employers,
            List<SpecialDrug> drugs, List<StaffUser> clerks, List<StaffUser> supervisors) {
        this.settings = settings;
        this.ids = ids;
        this.archiveIds = archiveIds;
        this.employers = employers;
        this.drugs = drugs;
        this.clerks = clerks;
        this.supervisors = supervisors;
        this.windowEnd = YearMonth.from(settings.asOf()).minusMonths(1);
        this.windowStart = windowEnd.minusMonths(settings.detailMonths() - 1L);
    }

    /** What the generator decided about one person's working life; drives every history row. */
    private record Career(InsuredPerson person, LocalDate careerStart, LocalDate retirement, boolean flexible,
            YearMonth suspendedFrom, Employer employer, Employer previousEmployer, YearMonth transferMonth,
            boolean transferFromElsewhere, YearMonth gapStart, int gapMonths, int monthlyWage, int arrearsMonths) {

        boolean employed() {
            return employer != null;
        }

        boolean retired(LocalDate asOf) {
            return !retirement.isAfter(asOf);
        }

        boolean contributes(YearMonth m) {
            if (m.isBefore(YearMonth.from(careerStart)) || !m.isBefore(YearMonth.from(retirement))) {
                return false;
            }
            if (suspendedFrom != null && !m.isBefore(suspendedFrom)) {
                return false;
            }
            return gapStart == null || m.isBefore(gapStart) || !m.isBefore(gapStart.plusMonths(gapMonths));
        }
    }

    void person(int index, DemoBatch out) {
        SplittableRandom r = new SplittableRandom(settings.seed() * 0x9E37_79B9_7F4A_7C15L + index);
        LocalDate asOf = settings.asOf();
        boolean olderBand = r.nextInt(100) < 28;
        int age = olderBand ? 55 + (int) Math.min(40, Math.abs(r.nextGaussian() * 11)) : 18 + r.nextInt(40);
        LocalDate birth = asOf.minusYears(age).minusDays(r.nextInt(365));
        Gender gender = r.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        RetirementCategory category = gender == Gender.MALE ? RetirementCategory.MALE
                : r.nextInt(100) < 60 ? RetirementCategory.FEMALE_WORKER : RetirementCategory.FEMALE_STAFF;
        boolean local = r.nextInt(100) < 78;
        String area = local ? HangzhouGeography.district(r, birth.getYear() >= 2021).code()
                : HangzhouGeography.ELSEWHERE.get(r.nextInt(HangzhouGeography.ELSEWHERE.size()));
        boolean permit = index % PERMIT_EVERY == PERMIT_EVERY / 3;
        if (permit) {
            // A Hong Kong, Macao or Taiwan resident working here on a residence permit (its number starts 81, 82 or
            // 83): one in fifty, chosen by position so the person's random stream, and so everything else, is unchanged.
            area = PERMIT_AREAS.get(index / PERMIT_EVERY % PERMIT_AREAS.size());
        }
        CitizenIdNumber idNumber = uniqueIdNumber(r, area, birth, gender);
        HangzhouGeography.District home = HangzhouGeography.currentDistrict(r);

        InsuredPerson p = new InsuredPerson(ids.next());
        p.setCitizenIdNumber(idNumber.value());
        p.setName(ChineseNames.name(r, gender));
        p.setGender(gender);
        p.setBirthDate(birth);
        p.setRetirementCategory(category);
        p.setNationCode(r.nextInt(100) < 96 ? "01" : new String[] {"02", "03", "04", "05", "06", "08", "10", "11", "15"}[r.nextInt(9)]);
        p.setHouseholdAreaCode(local && !permit ? area : home.code()); // a permit holder lives here without a hukou
        p.setAddress(HangzhouGeography.address(r, home));
        p.setPhone("1" + "35789".charAt(r.nextInt(5)) + String.format("%09d", r.nextInt(1_000_000_000)));
        // Multiplying by a prime coprime to 10^8 gives a unique, unordered-looking card number per index.
        p.setSocialSecurityCardNumber(String.format("H%08d", (index * 7919L + 104_729L) % 100_000_000L));

        Career c = career(r, p, category, asOf);
        p.setFirstWorkDate(c.careerStart());
        p.setRegisteredOn(max(c.careerStart(), SCHEME_START));
        p.setCurrentEmployerId(c.employed() && !c.retired(asOf) && c.suspendedFrom() == null ? c.employer().getId() : null);
        p.setRetiredOn(c.retired(asOf) ? c.retirement() : null);
        p.setStatus(c.retired(asOf) ? PersonStatus.RETIRED
                : c.suspendedFrom() != null ? PersonStatus.SUSPENDED : PersonStatus.CONTRIBUTING);
        out.add(p);
        out.countPerson();

        BigDecimal personalPension = contributions(r, c, out);
        int prior = participations(r, c, personalPension, out);
        if (settings.archiveMonths() > 0) {
            archive(index, c, prior, out);
        }
        if (c.retired(asOf)) {
            pensions(r, c, out);
        }
        List<MedicalReimbursement> specifiedVisits = medical(r, c, out);
        if (c.employed() && !c.retired(asOf) && r.nextInt(1000) < 5) {
            workInjury(r, c, out);
        }
        if (gender == Gender.FEMALE && c.employed() && age >= 22 && age <= 42 && r.nextInt(100) < 4) {
            maternity(r, c, out);
        }
        SpecifiedDiseaseRegistration registration = r.nextInt(100) < (age >= 45 ? 7 : 2) ? specifiedDisease(r, c, out) : null;
        settleSpecifiedDiseaseVisits(specifiedVisits, registration, c, out);
        if (age <= 75 && r.nextInt(100) < 35) {
            onlineAccount(r, c, out);
        }
        if (r.nextInt(100) < 3) {
            document(r, c, out);
        }
    }

    private CitizenIdNumber uniqueIdNumber(SplittableRandom r, String area, LocalDate birth, Gender gender) {
        int sequence = r.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
        for (int attempt = 0; attempt < 500; attempt++) {
            CitizenIdNumber id = CitizenIdNumber.of(area, birth, sequence);
            if (usedIdNumbers.add(Long.parseLong(id.value().substring(0, 17)))) {
                return id;
            }
            sequence = (sequence + 2) % 1000;
        }
        throw new IllegalStateException("more than 500 people of one sex born on one day in one area");
    }

    private Career career(SplittableRandom r, InsuredPerson p, RetirementCategory category, LocalDate asOf) {
        LocalDate careerStart = p.getBirthDate().plusYears(18 + r.nextInt(7)).withDayOfMonth(1);
        LocalDate retirement = StatutoryRetirementAge.date(category, p.getBirthDate());
        boolean retired = !retirement.isAfter(asOf);
        int roll = r.nextInt(100);
        boolean suspended = !retired && roll < 8;
        boolean flexible = !retired && roll >= 8 && roll < 18;
        YearMonth suspendedFrom = suspended ? windowEnd.minusMonths(3 + r.nextInt(16)) : null;
        Employer employer = flexible ? null : employers.get(r.nextInt(employers.size()));
        boolean transfer = !flexible && r.nextInt(100) < 12;
        Employer previous = transfer ? employers.get(r.nextInt(employers.size())) : null;
        YearMonth transferMonth = transfer ? windowStart.plusMonths(1 + r.nextInt(settings.detailMonths())) : null;
        boolean fromElsewhere = transfer && r.nextInt(100) < 25;
        YearMonth gapStart = r.nextInt(100) < 6 ? windowStart.plusMonths(r.nextInt(settings.detailMonths())) : null;
        int wage = (int) Math.round(7000 * Math.exp(r.nextGaussian() * 0.45));
        // About one employer in twenty-five is behind with its payments, and one flexibly employed person in ten.
        boolean behind = employer != null ? Math.floorMod(employer.getId().hashCode(), 25) == 0 : r.nextInt(10) == 0;
        int arrears = behind ? 1 + r.nextInt(6) : 0;
        return new Career(p, careerStart, retirement, flexible, suspendedFrom, employer, previous, transferMonth,
                fromElsewhere, gapStart, 2 + r.nextInt(7), wage, arrears);
    }

    /** Writes the monthly contributions and returns the personal pension contributions paid in the window. */
    private BigDecimal contributions(SplittableRandom r, Career c, DemoBatch out) {
        BigDecimal personalPension = BigDecimal.ZERO;
        Map<InsuranceType, String[]> rates = c.flexible() ? FLEXIBLE_RATES : RATES;
        for (YearMonth m = windowStart; !m.isAfter(windowEnd); m = m.plusMonths(1)) {
            if (!c.contributes(m)) {
                continue;
            }
            boolean beforeTransfer = c.transferMonth() != null && m.isBefore(c.transferMonth());
            Employer employer = beforeTransfer ? (c.transferFromElsewhere() ? null : c.previousEmployer()) : c.employer();
            String region = beforeTransfer && c.transferFromElsewhere() ? "310100" : "330100";
            int[] limits = BASE_LIMITS.getOrDefault(m.getYear(), BASE_LIMITS.get(2026));
            int wage = (int) (c.monthlyWage() * Math.pow(1.04, m.getYear() - 2025));
            BigDecimal base = BigDecimal.valueOf(c.flexible() ? limits[0] : Math.max(limits[0], Math.min(limits[1], wage)))
                    .setScale(2);
            boolean arrears = c.arrearsMonths() > 0 && !beforeTransfer && m.isAfter(windowEnd.minusMonths(c.arrearsMonths()));
            boolean paidLate = !arrears && r.nextInt(100) == 0 && !m.plusMonths(3).isAfter(windowEnd);
            for (InsuranceType type : InsuranceType.values()) {
                String[] rate = type == InsuranceType.WORK_INJURY && employer != null
                        ? new String[] {employer.getWorkInjuryRate().toPlainString(), "0.0000"} : rates.get(type);
                if (rate == null || (type == InsuranceType.WORK_INJURY && employer == null)) {
                    continue;
                }
                Contribution k = new Contribution(ids.next());
                k.setPersonId(c.person().getId());
                k.setEmployerId(employer == null ? null : employer.getId());
                k.setContributionMonth(m);
                k.setInsuranceType(type);
                k.setRegionCode(region);
                k.setBase(base);
                k.setEmployerRate(new BigDecimal(rate[0]));
                k.setPersonalRate(new BigDecimal(rate[1]));
                k.setEmployerAmount(base.multiply(k.getEmployerRate()).setScale(2, RoundingMode.HALF_UP));
                k.setPersonalAmount(base.multiply(k.getPersonalRate()).setScale(2, RoundingMode.HALF_UP));
                k.setStatus(arrears ? ContributionStatus.ARREARS : paidLate ? ContributionStatus.BACK_PAID : ContributionStatus.PAID);
                k.setPaidOn(arrears ? null : paidLate ? m.plusMonths(3).atDay(10) : m.atDay(20));
                out.add(k);
                if (type == InsuranceType.PENSION && !arrears) {
                    personalPension = personalPension.add(k.getPersonalAmount());
                }
            }
        }
        return personalPension;
    }

    /** @return the months credited before the detail window */
    private int participations(SplittableRandom r, Career c, BigDecimal personalPension, DemoBatch out) {
        LocalDate asOf = settings.asOf();
        LocalDate firstInsured = max(c.careerStart(), SCHEME_START);
        LocalDate creditedUntil = min(windowStart.atDay(1), c.retirement());
        int share = 85 + r.nextInt(16); // the part of the career actually paid, the same for every type
        int prior = (int) Math.max(0, ChronoUnit.MONTHS.between(c.careerStart(), creditedUntil) * share / 100);
        for (InsuranceType type : InsuranceType.values()) {
            boolean core = type == InsuranceType.PENSION || type == InsuranceType.MEDICAL;
            if (c.flexible() && !core) {
                continue;
            }
            ParticipationStatus status;
            if (c.retired(asOf)) {
                status = core ? ParticipationStatus.ACTIVE : ParticipationStatus.TERMINATED;
            } else if (c.suspendedFrom() != null) {
                status = ParticipationStatus.SUSPENDED;
            } else {
                status = ParticipationStatus.ACTIVE;
            }
            InsuranceParticipation ip = new InsuranceParticipation(ids.next());
            ip.setPersonId(c.person().getId());
            ip.setInsuranceType(type);
            ip.setStatus(status);
            LocalDate typeFirst = max(firstInsured, TYPE_START.get(type));
            ip.setFirstInsuredOn(typeFirst);
            // Months of this type before the window: counted from when the type began, not from the career's start.
            ip.setPriorMonths(type == InsuranceType.PENSION ? prior
                    : (int) Math.max(0, ChronoUnit.MONTHS.between(typeFirst, max(typeFirst, creditedUntil)) * share / 100));
            if (type == InsuranceType.PENSION) {
                BigDecimal earlier = BigDecimal.valueOf(prior * (long) Math.min(c.monthlyWage(), 20000) * 8 / 100 * 6 / 10);
                ip.setPersonalAccountBalance(earlier.add(personalPension).setScale(2, RoundingMode.HALF_UP));
            }
            out.add(ip);
        }
        return prior;
    }

    /**
     * The last of the credited months in detail, as central's archive keeps them: pension and medical (the two
     * every scheme member pays), paid, at the employer before the window. At most the credited months, so the
     * archive never claims more than the prior months count.
     */
    private void archive(int index, Career c, int prior, DemoBatch out) {
        SplittableRandom r = new SplittableRandom(settings.seed() * 0x2545_F491_4F6C_DD1DL + index);
        YearMonth end = YearMonth.from(min(windowStart.atDay(1), c.retirement()));
        int months = Math.min(settings.archiveMonths(), prior);
        boolean fromElsewhere = c.transferMonth() != null && c.transferFromElsewhere();
        Employer employer = c.flexible() || fromElsewhere ? null : c.previousEmployer() != null ? c.previousEmployer() : c.employer();
        Map<InsuranceType, String[]> rates = c.flexible() ? FLEXIBLE_RATES : RATES;
        for (YearMonth m = end.minusMonths(months); m.isBefore(end); m = m.plusMonths(1)) {
            // Earlier limits and wages follow the 2020 limits back at about five per cent a year.
            double back = Math.pow(1.05, Math.max(0, 2020 - m.getYear()));
            int[] limits = BASE_LIMITS.getOrDefault(m.getYear(), BASE_LIMITS.get(m.getYear() < 2020 ? 2020 : 2026));
            int lower = (int) (limits[0] / back);
            int upper = (int) (limits[1] / back);
            int wage = (int) (c.monthlyWage() * Math.pow(1.04, m.getYear() - 2025));
            BigDecimal base = BigDecimal.valueOf(c.flexible() ? lower : Math.max(lower, Math.min(upper, wage))).setScale(2);
            for (InsuranceType type : List.of(InsuranceType.PENSION, InsuranceType.MEDICAL)) {
                if (type == InsuranceType.MEDICAL && m.getYear() < 2001) {
                    continue; // basic medical insurance for employees began in 2001
                }
                String[] rate = rates.get(type);
                ArchivedContribution k = new ArchivedContribution(archiveIds.next());
                k.setPersonId(c.person().getId());
                k.setEmployerId(employer == null ? null : employer.getId());
                k.setContributionMonth(m);
                k.setInsuranceType(type);
                k.setRegionCode(fromElsewhere ? "310100" : "330100");
                k.setBase(base);
                k.setEmployerRate(new BigDecimal(rate[0]));
                k.setPersonalRate(new BigDecimal(rate[1]));
                k.setEmployerAmount(base.multiply(k.getEmployerRate()).setScale(2, RoundingMode.HALF_UP));
                k.setPersonalAmount(base.multiply(k.getPersonalRate()).setScale(2, RoundingMode.HALF_UP));
                k.setStatus(ContributionStatus.PAID);
                k.setPaidOn(m.atDay(15 + r.nextInt(10)));
                out.add(k);
            }
        }
    }

    private void pensions(SplittableRandom r, Career c, DemoBatch out) {
        YearMonth first = YearMonth.from(c.retirement()).plusMonths(1);
        BigDecimal amount = BigDecimal.valueOf(Math.round(4200 * Math.exp(r.nextGaussian() * 0.35))).setScale(2);
        BigDecimal transitionalShare = YearMonth.from(c.careerStart()).isBefore(TRANSITION) ? new BigDecimal("0.30") : BigDecimal.ZERO;
        BigDecimal backPay = BigDecimal.ZERO;
        for (YearMonth m = max(first, windowStart); !m.isAfter(windowEnd); m = m.plusMonths(1)) {
            String rate = ADJUSTMENTS.get(m.getYear());
            YearMonth january = YearMonth.of(m.getYear(), 1);
            if (m.getMonthValue() == ADJUSTMENT_PAID_MONTH && rate != null && first.isBefore(january)) {
                // Approved in July, effective from January: from July the new amount, and January to June's
                // difference paid once with July's pension (as a real adjustment is), never the new rate from January.
                BigDecimal after = amount.multiply(BigDecimal.ONE.add(new BigDecimal(rate))).setScale(2, RoundingMode.HALF_UP);
                BenefitAdjustment adj = new BenefitAdjustment(ids.next());
                adj.setPersonId(c.person().getId());
                adj.setEffectiveMonth(january);
                adj.setReason(m.getYear() + "年基本养老金调整（1月起执行，1—6月差额随7月养老金补发）");
                adj.setAmountBefore(amount);
                adj.setAmountAfter(after);
                adj.setApprovedOn(LocalDate.of(m.getYear(), ADJUSTMENT_PAID_MONTH, 15));
                out.add(adj);
                // Retired before January: every month from January to June is owed the difference.
                backPay = after.subtract(amount).multiply(BigDecimal.valueOf(ADJUSTMENT_PAID_MONTH - 1L));
                amount = after;
            }
            PensionPayment pay = new PensionPayment(ids.next());
            pay.setPersonId(c.person().getId());
            pay.setPaymentMonth(m);
            BigDecimal personalAccount = amount.multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_UP);
            BigDecimal transitional = amount.multiply(transitionalShare).setScale(2, RoundingMode.HALF_UP);
            pay.setPersonalAccountPension(personalAccount);
            pay.setTransitionalPension(transitional);
            // Back pay is basic pension (the adjustment raises the basic part), paid on top of this month's amount.
            pay.setBasicPension(amount.subtract(personalAccount).subtract(transitional).add(backPay));
            pay.setTotalAmount(amount.add(backPay));
            backPay = BigDecimal.ZERO;
            pay.setStatus(PaymentStatus.PAID);
            pay.setPaidOn(m.atDay(10));
            out.add(pay);
        }
    }

    /**
     * @return the specified-disease outpatient visits, held back until it is known whether the person has a registration:
     *         they are written by {@link #settleSpecifiedDiseaseVisits}
     */
    private List<MedicalReimbursement> medical(SplittableRandom r, Career c, DemoBatch out) {
        List<MedicalReimbursement> specified = new ArrayList<>();
        int visits = r.nextInt(100) < 40 ? 0 : c.retired(settings.asOf()) ? 1 + r.nextInt(7) : 1 + r.nextInt(3);
        long windowDays = ChronoUnit.DAYS.between(windowStart.atDay(1), windowEnd.atEndOfMonth());
        for (int v = 0; v < visits; v++) {
            LocalDate admitted = windowStart.atDay(1).plusDays(r.nextLong(windowDays));
            int kind = r.nextInt(100);
            VisitType type = kind < 75 ? VisitType.OUTPATIENT : kind < 95 ? VisitType.INPATIENT : VisitType.SPECIFIED_DISEASE_OUTPATIENT;
            MedicalCatalogue.Diagnosis dx = type == VisitType.SPECIFIED_DISEASE_OUTPATIENT
                    ? MedicalCatalogue.SPECIFIED.get(r.nextInt(MedicalCatalogue.SPECIFIED.size()))
                    : MedicalCatalogue.COMMON.get(r.nextInt(MedicalCatalogue.COMMON.size()));
            double median = type == VisitType.INPATIENT ? 12000 : type == VisitType.OUTPATIENT ? 260 : 3500;
            BigDecimal total = BigDecimal.valueOf(median * Math.exp(r.nextGaussian() * 0.6)).setScale(2, RoundingMode.HALF_UP);
            double share = (type == VisitType.OUTPATIENT ? 0.60 : 0.82) + (c.retired(settings.asOf()) ? 0.05 : 0);
            BigDecimal fund = total.multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.HALF_UP);
            LocalDate discharged = type == VisitType.INPATIENT ? admitted.plusDays(2 + r.nextInt(12)) : null;
            MedicalReimbursement m = new MedicalReimbursement(ids.next());
            m.setPersonId(c.person().getId());
            m.setSettlementNumber(String.format("ZJ%s%010d", admitted.toString().replace("-", ""), ++settlementCounter));
            m.setHospitalName(MedicalCatalogue.HOSPITALS.get(r.nextInt(MedicalCatalogue.HOSPITALS.size())));
            m.setVisitType(type);
            m.setAdmittedOn(admitted);
            m.setDischargedOn(discharged);
            m.setDiagnosisCode(dx.code());
            m.setTotalCost(total);
            m.setFundPaid(fund);
            m.setPersonalPaid(total.subtract(fund));
            m.setSettledOn(discharged != null ? discharged : admitted);
            if (type == VisitType.SPECIFIED_DISEASE_OUTPATIENT) {
                specified.add(m);
            } else {
                out.add(m);
            }
        }
        return specified;
    }

    /**
     * A specified-disease outpatient visit is reimbursed as such only under a registration in force that day, for its
     * disease at its hospital (the record showed such visits for people with no registration at all). Other visits
     * are ordinary outpatient visits. Nothing is drawn from the person's random stream here, so the rest of the
     * person's history stays as it was.
     */
    private void settleSpecifiedDiseaseVisits(List<MedicalReimbursement> visits, SpecifiedDiseaseRegistration registration, Career c,
            DemoBatch out) {
        for (MedicalReimbursement m : visits) {
            boolean covered = registration != null && !m.getAdmittedOn().isBefore(registration.getValidFrom())
                    && !m.getAdmittedOn().isAfter(registration.getValidTo());
            if (covered) {
                m.setDiagnosisCode(registration.getDiseaseCode());
                m.setHospitalName(registration.getHospitalName());
            } else {
                m.setVisitType(VisitType.OUTPATIENT);
                m.setDiagnosisCode(MedicalCatalogue.COMMON.get(Math.floorMod(m.getSettlementNumber().hashCode(),
                        MedicalCatalogue.COMMON.size())).code());
                double share = 0.60 + (c.retired(settings.asOf()) ? 0.05 : 0);
                m.setFundPaid(m.getTotalCost().multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.HALF_UP));
                m.setPersonalPaid(m.getTotalCost().subtract(m.getFundPaid()));
            }
            out.add(m);
        }
    }

    private void workInjury(SplittableRandom r, Career c, DemoBatch out) {
        LocalDate injured = windowStart.atDay(1).plusDays(r.nextInt(Math.max(1, settings.detailMonths() * 30 - 60)));
        WorkInjuryClaim w = new WorkInjuryClaim(ids.next());
        w.setPersonId(c.person().getId());
        w.setEmployerId(c.employer().getId());
        w.setInjuredOn(injured);
        w.setDescription(new String[] {"搬运货物时腰部扭伤", "操作机床时左手挤压伤", "上班途中交通事故致右腿骨折",
            "施工时从脚手架跌落", "切割作业时右手割伤"}[r.nextInt(5)]);
        int stage = r.nextInt(100);
        WorkInjuryStatus status = stage < 10 ? WorkInjuryStatus.APPLIED : stage < 15 ? WorkInjuryStatus.NOT_RECOGNISED
                : stage < 40 ? WorkInjuryStatus.RECOGNISED : stage < 60 ? WorkInjuryStatus.ASSESSED : WorkInjuryStatus.PAID;
        w.setStatus(status);
        boolean recognised = status != WorkInjuryStatus.APPLIED && status != WorkInjuryStatus.NOT_RECOGNISED;
        w.setRecognisedOn(recognised ? injured.plusDays(30 + r.nextInt(30)) : null);
        boolean assessed = status == WorkInjuryStatus.ASSESSED || status == WorkInjuryStatus.PAID;
        w.setDisabilityGrade(assessed ? 5 + r.nextInt(6) : null);
        w.setLumpSumAmount(status == WorkInjuryStatus.PAID
                ? BigDecimal.valueOf(c.monthlyWage() * (long) (17 - w.getDisabilityGrade())).setScale(2) : null);
        w.setMedicalAmount(recognised ? BigDecimal.valueOf(2000 + r.nextInt(30000)).setScale(2) : null);
        out.add(w);
    }

    private void maternity(SplittableRandom r, Career c, DemoBatch out) {
        LocalDate born = windowStart.atDay(1).plusDays(r.nextInt(Math.max(1, settings.detailMonths() * 30 - 30)));
        DeliveryType type = new DeliveryType[] {DeliveryType.NORMAL, DeliveryType.NORMAL, DeliveryType.CAESAREAN,
            DeliveryType.MULTIPLE, DeliveryType.MISCARRIAGE}[r.nextInt(5)];
        // Zhejiang: 98 statutory days plus 60 provincial; +15 for a difficult or multiple birth.
        int days = switch (type) {
            case NORMAL -> 158;
            case CAESAREAN, MULTIPLE -> 173;
            case MISCARRIAGE -> 42;
        };
        MaternityBenefit b = new MaternityBenefit(ids.next());
        b.setPersonId(c.person().getId());
        b.setEmployerId(c.employer().getId());
        b.setChildbirthOn(born);
        b.setDeliveryType(type);
        b.setLeaveDays(days);
        b.setAllowanceAmount(BigDecimal.valueOf(c.monthlyWage()).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(30), 2, RoundingMode.HALF_UP));
        b.setMedicalAmount(BigDecimal.valueOf(2500 + r.nextInt(4000)).setScale(2));
        boolean paid = born.plusDays(60).isBefore(settings.asOf());
        b.setStatus(paid ? BenefitStatus.PAID : BenefitStatus.APPLIED);
        b.setPaidOn(paid ? born.plusDays(45 + r.nextInt(15)) : null);
        out.add(b);
    }

    private SpecifiedDiseaseRegistration specifiedDisease(SplittableRandom r, Career c, DemoBatch out) {
        MedicalCatalogue.Diagnosis dx = MedicalCatalogue.SPECIFIED.get(r.nextInt(MedicalCatalogue.SPECIFIED.size()));
        LocalDate from = windowStart.atDay(1).plusDays(r.nextInt(Math.max(1, settings.detailMonths() * 30)));
        String hospital = MedicalCatalogue.HOSPITALS.get(r.nextInt(12));
        SpecifiedDiseaseRegistration reg = new SpecifiedDiseaseRegistration(ids.next());
        reg.setPersonId(c.person().getId());
        reg.setDiseaseCode(dx.code());
        reg.setDiseaseName(dx.name());
        reg.setHospitalName(hospital);
        reg.setValidFrom(from);
        reg.setValidTo(from.plusYears(2).minusDays(1));
        reg.setStatus(reg.getValidTo().isBefore(settings.asOf()) ? RegistrationStatus.EXPIRED : RegistrationStatus.ACTIVE);
        reg.setRegisteredOn(from);
        out.add(reg);
        List<SpecialDrug> indicated = drugs.stream().filter(d -> d.indicates(dx.code())).toList();
        if (!indicated.isEmpty() && r.nextInt(100) < 60) {
            application(r, c, indicated.get(r.nextInt(indicated.size())), dx, hospital, out);
        }
        return reg;
    }

    private void application(SplittableRandom r, Career c, SpecialDrug drug, MedicalCatalogue.Diagnosis dx,
            String hospital, DemoBatch out) {
        int roll = r.nextInt(100);
        ApplicationStatus status = roll < 55 ? ApplicationStatus.APPROVED : roll < 80 ? ApplicationStatus.REGISTERED
                : roll < 95 ? ApplicationStatus.REJECTED : ApplicationStatus.WITHDRAWN;
        // Pending applications are recent; decided ones may be from any time in the window.
        long ageDays = status == ApplicationStatus.REGISTERED ? r.nextInt(20) : 20 + r.nextInt(Math.max(1, settings.detailMonths() * 30 - 20));
        Instant registeredAt = at(settings.asOf().minusDays(ageDays), r);
        LocalDate plannedFrom = settings.asOf().minusDays(ageDays).plusDays(7);
        StaffUser clerk = clerks.get(r.nextInt(clerks.size()));
        SpecialDrugApplication a = new SpecialDrugApplication(ids.next());
        a.setPersonId(c.person().getId());
        a.setDrugId(drug.getId());
        a.setDiagnosisCode(dx.code());
        a.setHospitalName(hospital);
        a.setPrescribingDoctor(ChineseNames.name(r, r.nextBoolean() ? Gender.MALE : Gender.FEMALE));
        a.setPlannedFrom(plannedFrom);
        a.setPlannedTo(plannedFrom.plusMonths(12).minusDays(1));
        a.setDiagnosisCertificateReceived(true);
        a.setPrescriptionReceived(true);
        a.setTestReportsReceived(r.nextInt(100) < 90);
        a.setStatus(status);
        a.setRegisteredBy(clerk.getId());
        a.setRegisteredAt(registeredAt);
        if (status == ApplicationStatus.APPROVED || status == ApplicationStatus.REJECTED) {
            StaffUser supervisor;
            do {
                supervisor = supervisors.get(r.nextInt(supervisors.size()));
            } while (supervisor.getId().equals(clerk.getId())); // four eyes, in the demo data too
            a.setDecidedBy(supervisor.getId());
            a.setDecidedAt(registeredAt.plus(1 + r.nextInt(10), ChronoUnit.DAYS));
            if (status == ApplicationStatus.APPROVED) {
                a.setApprovedFrom(a.getPlannedFrom());
                a.setApprovedTo(a.getPlannedTo());
                a.setApprovedLimit(drug.getReimbursementLimit());
            } else {
                a.setDecisionReason(MedicalCatalogue.REJECTION_REASONS.get(r.nextInt(MedicalCatalogue.REJECTION_REASONS.size())));
            }
        }
        out.add(a);
    }

    private void onlineAccount(SplittableRandom r, Career c, DemoBatch out) {
        InsuredPerson p = c.person();
        LocalDate issuedOn = settings.asOf().minusDays(1 + r.nextInt(1000));
        Instant issuedAt = at(issuedOn, r);
        StaffUser clerk = clerks.get(r.nextInt(clerks.size()));
        boolean manual = r.nextInt(100) < 5;
        IdentityConfirmation ic = new IdentityConfirmation(ids.next());
        ic.setPersonId(p.getId());
        ic.setMethod(manual ? ConfirmationMethod.MANUAL : ConfirmationMethod.CARD);
        ic.setCardCitizenIdNumber(p.getCitizenIdNumber());
        if (!manual) {
            int ageAtIssue = (int) ChronoUnit.YEARS.between(p.getBirthDate(), issuedOn);
            LocalDate validFrom = issuedOn.minusYears(r.nextInt(8)).minusDays(r.nextInt(300));
            ic.setCardName(p.getName());
            ic.setCardBirthDate(p.getBirthDate());
            ic.setCardAddress(p.getAddress());
            ic.setCardIssuingAuthority("杭州市公安局" + HangzhouGeography.currentDistrict(r).name() + "分局");
            ic.setCardValidFrom(validFrom);
            ic.setCardValidTo(ageAtIssue >= 46 ? null : validFrom.plusYears(ageAtIssue >= 26 ? 20 : 10)); // null: 长期
            ic.setCardType("RESIDENT");
        } else {
            ic.setCoSignerId(supervisors.get(r.nextInt(supervisors.size())).getId());
        }
        ic.setResult(ConfirmationResult.CONFIRMED);
        ic.setClerkId(clerk.getId());
        ic.setWorkstationCode("DEMO-0" + (1 + r.nextInt(4)));
        ic.setConfirmedAt(issuedAt);
        out.add(ic);

        int roll = r.nextInt(100);
        OnlineAccount a = new OnlineAccount(ids.next());
        a.setPersonId(p.getId());
        a.setUsername(String.format("sb%07d", Math.floorMod(p.getId().getLeastSignificantBits(), 10_000_000L)) + (char) ('a' + r.nextInt(26)) + r.nextInt(10));
        // Generated accounts carry no usable password: the citizen already changed it on the portal.
        a.setPasswordHash(PasswordHasher.NO_PASSWORD);
        a.setMustChangePassword(false);
        a.setPermissionScope(r.nextInt(100) < 40 ? PermissionScope.QUERY_ONLY : PermissionScope.ONLINE_BUSINESS);
        a.setStatus(roll < 95 ? AccountStatus.ACTIVE : roll < 98 ? AccountStatus.REVOKED : AccountStatus.LOCKED);
        a.setIssuedBy(clerk.getId());
        a.setIssuedAt(issuedAt);
        a.setStatusChangedAt(roll < 95 ? issuedAt : issuedAt.plus(1 + r.nextInt(100), ChronoUnit.DAYS));
        out.add(a);
    }

    private void document(SplittableRandom r, Career c, DemoBatch out) {
        LocalDate issued = settings.asOf().minusDays(r.nextInt(365));
        IssuedDocument d = new IssuedDocument(ids.next());
        d.setDocumentNumber(String.format("CBZM%d%08d", issued.getYear(), ++documentCounter));
        d.setDocumentType(DocumentType.PARTICIPATION_CERTIFICATE);
        d.setPersonId(c.person().getId());
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
        }
        d.setVerificationCode(code.toString());
        d.setContentHash(String.format("%016x%016x%016x%016x", r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()));
        d.setIssuedBy(clerks.get(r.nextInt(clerks.size())).getId());
        d.setIssuedAt(at(issued, r));
        d.setWorkstationCode("DEMO-01");
        out.add(d);
    }

    /** A time during office hours (08:30 to 17:00 Beijing time) on the given day. */
    private static Instant at(LocalDate day, SplittableRandom r) {
        return day.atTime(8, 30).plusMinutes(r.nextInt(510)).atZone(DemoDataGenerator.ZONE).toInstant();
    }

    private static <T extends Comparable<? super T>> T max(T a, T b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static <T extends Comparable<? super T>> T min(T a, T b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
