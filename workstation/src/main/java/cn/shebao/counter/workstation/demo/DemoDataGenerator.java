package cn.shebao.counter.workstation.demo;

import cn.shebao.counter.workstation.citizen.Contribution;
import cn.shebao.counter.workstation.citizen.Employer;
import cn.shebao.counter.workstation.citizen.EmployerStatus;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.citizen.UnifiedSocialCreditCode;
import cn.shebao.counter.workstation.drugs.SpecialDrug;
import cn.shebao.counter.workstation.security.PasswordHasher;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSigningKey;
import cn.shebao.counter.workstation.security.StaffUser;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Fills a database with realistic synthetic data for demos, tests and benchmarks. Deterministic: the
 * same settings give byte-for-byte the same rows (each person draws from a random stream derived from
 * the seed and their index, and ids come from one seeded generator in a fixed order).
 */
public final class DemoDataGenerator {

    /**
     * @param detailMonths how many months of monthly detail (contributions, pension payments) each
     *     person gets before {@code asOf}; earlier history is summarised as credited months, as it is
     *     in a real replica migrated from a legacy system
     * @param batchPersons persons per transaction
     * @param archiveMonths how many of the credited months before the detail window central also keeps in
     *     detail (the contribution archive); 0 for a replica, which never holds them
     */
    public record Settings(long seed, int persons, LocalDate asOf, int detailMonths, int batchPersons, int archiveMonths) {
        public Settings {
            if (archiveMonths < 0 || archiveMonths > 600) {
                throw new IllegalArgumentException("archiveMonths 0..600");
            }
            if (persons < 0 || persons > 5_000_000) {
                throw new IllegalArgumentException("persons must be between 0 and 5,000,000");
            }
            if (detailMonths < 1 || detailMonths > 600 || batchPersons < 1) {
                throw new IllegalArgumentException("detailMonths 1..600 and batchPersons >= 1");
            }
        }

        public Settings(long seed, int persons, LocalDate asOf, int detailMonths, int batchPersons) {
            this(seed, persons, asOf, detailMonths, batchPersons, 0);
        }

        public static Settings of(long seed, int persons, LocalDate asOf) {
            return new Settings(seed, persons, asOf, 24, 500);
        }

        /** For a central database: also the archive of older months (five years by default in demo data). */
        public Settings withArchive(int months) {
            return new Settings(seed, persons, asOf, detailMonths, batchPersons, months);
        }
    }

    /** A demo staff account and its demo password, which exists only so a demo can log in. */
    public record DemoStaff(String username, String displayName, Set<StaffRole> roles, String demoPassword) {
        @Override
        public String toString() {
            return "DemoStaff[" + username + ", " + roles + "]"; // never the password
        }
    }

    /** Called after every committed batch. */
    public interface Progress {
        void update(int personsDone, int personsTotal, long rowsDone);
    }

    public record Result(int persons, long rows) {
    }

    /** Months of archived detail a demo central keeps before the replicas' window: five years. */
    /** The seed of the demo hall: the same persons and demo staff on every demo machine and in the tests. */
    public static final long DEMO_SEED = 2026;

    public static final int CENTRAL_ARCHIVE_MONTHS = 60;

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Settings settings;
    private final StaffPasswords passwords;
    private final TimeOrderedIds ids;

    /** Demo data with the demo staff passwords derived from the seed. */
    public DemoDataGenerator(Settings settings) {
        this(settings, StaffPasswords.demo());
    }

    public DemoDataGenerator(Settings settings, StaffPasswords passwords) {
        this.settings = settings;
        this.passwords = passwords;
        Clock fixed = Clock.fixed(settings.asOf().atStartOfDay(ZONE).toInstant(), ZONE);
        this.ids = new TimeOrderedIds(fixed, new SplittableRandom(settings.seed() ^ 0x5EED_1D5L));
    }

    public Result generate(DemoDataSink sink, Progress progress) {
        return write(sink, progress, 0, row -> false);
    }

    /** What an earlier run of these settings already stored: asked about single rows it would write. */
    public interface StoredRows {
        boolean holds(Object row);
    }

    /**
     * Carries on a run that stopped (a full disk, a killed process) after {@code personsStored} persons: every batch is a
     * transaction of its own, so what is stored is the reference rows and whole batches. Being deterministic, the
     * generator produces the same rows again and writes only those after the last stored batch; it first checks, row by
     * row at the seams, that what is stored is really this run's (same seed, persons, date and detail).
     *
     * @throws NotThisRun when the stored rows came from other settings, or stopped inside a batch
     */
    public Result resume(DemoDataSink sink, StoredRows stored, int personsStored, Progress progress) {
        if (personsStored <= 0 || personsStored >= settings.persons() || personsStored % settings.batchPersons() != 0) {
            throw new NotThisRun();
        }
        return write(sink, progress, personsStored, stored);
    }

    /** The stored rows are not the beginning of this run. */
    public static final class NotThisRun extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotThisRun() {
            super("the stored rows are not the beginning of a run with these settings");
        }
    }

    private Result write(DemoDataSink sink, Progress progress, int personsStored, StoredRows stored) {
        DemoBatch reference = new DemoBatch();
        List<StaffUser> staffUsers = staffUsers(reference);
        List<Employer> employers = employers(reference);
        List<SpecialDrug> drugs = drugs(reference);
        if (personsStored == 0) {
            sink.write(reference);
            if (passwords instanceof StaffPasswords.Issued issued) {
                issued.written();
            }
        } else if (!stored.holds(staffUsers.get(0)) || !stored.holds(employers.get(employers.size() - 1))
                || !stored.holds(drugs.get(drugs.size() - 1))) {
            throw new NotThisRun();
        }
        long rows = reference.rowCount();

        Clock fixed = Clock.fixed(settings.asOf().atStartOfDay(ZONE).toInstant(), ZONE);
        TimeOrderedIds archiveIds = new TimeOrderedIds(fixed, new SplittableRandom(settings.seed() ^ 0xA2C_41FEL));
        PersonHistoryFactory factory = new PersonHistoryFactory(settings, ids, archiveIds, employers, drugs,
                staffUsers.stream().filter(u -> u.getRoles().contains(StaffRole.CLERK)).toList(),
                staffUsers.stream().filter(u -> u.getRoles().contains(StaffRole.SUPERVISOR)).toList());
        int done = 0;
        while (done < settings.persons()) {
            DemoBatch batch = new DemoBatch();
            int end = Math.min(settings.persons(), done + settings.batchPersons());
            for (int i = done; i < end; i++) {
                factory.person(i, batch);
            }
            if (end <= personsStored) {
                // Generated again only to keep the id sequence; the seams prove the stored rows are these.
                if (end == personsStored && !holdsFirstAndLast(stored, batch)) {
                    throw new NotThisRun();
                }
            } else {
                sink.write(batch);
            }
            rows += batch.rowCount();
            done = end;
            progress.update(done, settings.persons(), rows);
        }
        return new Result(done, rows);
    }

    private static boolean holdsFirstAndLast(StoredRows stored, DemoBatch batch) {
        List<Object> persons = batch.rowsByType().get(InsuredPerson.class);
        List<Object> contributions = batch.rowsByType().get(Contribution.class);
        return stored.holds(persons.get(0)) && stored.holds(persons.get(persons.size() - 1))
                && (contributions.isEmpty() || stored.holds(contributions.get(contributions.size() - 1)));
    }

    /** The demo staff accounts this generator writes. */
    public List<DemoStaff> staff() {
        return demoStaff(settings.seed());
    }

    /**
     * The demo staff and their demo passwords, derived from the seed alone so demo mode can show them
     * again without regenerating anything. They are demo credentials by construction: anyone who knows
     * the seed knows them, which is why only demo data directories ever hold them.
     */
    public static List<DemoStaff> demoStaff(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x57AFFL);
        Object[][] people = {
            {"chenjing", "陈静", EnumSet.of(StaffRole.CLERK)},
            {"wanglei", "王磊", EnumSet.of(StaffRole.CLERK)},
            {"liuyang", "刘洋", EnumSet.of(StaffRole.CLERK)},
            {"zhaomin", "赵敏", EnumSet.of(StaffRole.SUPERVISOR)},
            {"sunli", "孙丽", EnumSet.of(StaffRole.SUPERVISOR, StaffRole.CLERK)},
            {"admin", "系统管理员", EnumSet.of(StaffRole.ADMIN)},
        };
        List<DemoStaff> staff = new ArrayList<>();
        for (Object[] p : people) {
            String password = StaffPasswords.randomPassword(random);
            @SuppressWarnings("unchecked")
            Set<StaffRole> roles = (Set<StaffRole>) p[2];
            staff.add(new DemoStaff((String) p[0], (String) p[1], roles, password));
        }
        return staff;
    }

    private List<StaffUser> staffUsers(DemoBatch batch) {
        PasswordHasher hasher = passwords.hasher(settings.seed());
        SecureRandom keyRandom = passwords.keyRandom(settings.seed());
        List<StaffUser> users = new ArrayList<>();
        for (DemoStaff s : demoStaff(settings.seed())) {
            char[] password = passwords.passwordFor(s).toCharArray();
            StaffUser u = new StaffUser(ids.next());
            u.setUsername(s.username());
            u.setDisplayName(s.displayName());
            u.setRoles(s.roles());
            u.setPasswordHash(hasher.hash(password));
            u.setSigningKey(StaffSigningKey.create(password, keyRandom));
            u.setPasswordChangedAt(settings.asOf().atStartOfDay(ZONE).toInstant());
            u.setMustChangePassword(passwords.mustChange());
            u.setActive(true);
            Arrays.fill(password, '\0');
            batch.add(u);
            users.add(u);
        }
        return users;
    }

    private List<Employer> employers(DemoBatch batch) {
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0xE3B1_0E7L);
        int count = Math.max(5, settings.persons() / 25);
        String brand = "恒瑞华通信达中天海宏远鼎盛博新锐金誉安泰东明德正元嘉禾致和融创星辰云帆";
        String[] trades = {"科技有限公司", "贸易有限公司", "餐饮管理有限公司", "建筑工程有限公司", "电子商务有限公司",
            "物流有限公司", "医药有限公司", "服装有限公司", "网络科技有限公司", "物业管理有限公司"};
        double[] injuryRates = {0.002, 0.004, 0.006, 0.012, 0.002, 0.010, 0.004, 0.006, 0.002, 0.008};
        Set<String> codes = new HashSet<>();
        List<Employer> employers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HangzhouGeography.District district = HangzhouGeography.currentDistrict(random);
            String code;
            do {
                StringBuilder body = new StringBuilder(random.nextInt(100) < 40 ? "MA" : "");
                while (body.length() < 8) {
                    body.append(body.length() < 2 || random.nextInt(4) > 0
                            ? (char) ('0' + random.nextInt(10))
                            : UnifiedSocialCreditCode.ALPHABET.charAt(10 + random.nextInt(21)));
                }
                code = UnifiedSocialCreditCode.of(district.code(), body.toString());
            } while (!codes.add(code));
            int trade = random.nextInt(trades.length);
            Employer e = new Employer(ids.next());
            e.setCreditCode(code);
            e.setName("杭州" + brand.charAt(random.nextInt(brand.length())) + brand.charAt(random.nextInt(brand.length()))
                    + trades[trade]);
            e.setDistrictCode(district.code());
            e.setAddress(HangzhouGeography.address(random, district));
            e.setWorkInjuryRate(BigDecimal.valueOf(injuryRates[trade]).setScale(4));
            e.setStatus(random.nextInt(100) < 3 ? EmployerStatus.CANCELLED : EmployerStatus.ACTIVE);
            e.setRegisteredOn(LocalDate.of(1990 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28)));
            batch.add(e);
            employers.add(e);
        }
        return employers;
    }

    private List<SpecialDrug> drugs(DemoBatch batch) {
        List<SpecialDrug> drugs = new ArrayList<>();
        for (MedicalCatalogue.Drug d : MedicalCatalogue.DRUGS) {
            SpecialDrug drug = new SpecialDrug(ids.next());
            drug.setDrugCode(d.code());
            drug.setName(d.name());
            drug.setSpecification(d.specification());
            drug.setIndicationCodes(d.indications());
            drug.setReimbursementLimit(d.reimbursementLimit());
            drug.setRequiresDiseaseRegistration(d.needsRegistration());
            drug.setActive(true);
            batch.add(drug);
            drugs.add(drug);
        }
        return drugs;
    }
}
