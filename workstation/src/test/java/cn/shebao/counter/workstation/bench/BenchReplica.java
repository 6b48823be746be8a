package cn.shebao.counter.workstation.bench;

import cn.shebao.counter.workstation.citizen.Contribution;
import cn.shebao.counter.workstation.citizen.Employer;
import cn.shebao.counter.workstation.citizen.InsuranceParticipation;
import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.demo.DemoBatch;
import cn.shebao.counter.workstation.demo.DemoDataGenerator;
import cn.shebao.counter.workstation.demo.DemoDataSink;
import cn.shebao.counter.workstation.platform.DataDirectory;
import cn.shebao.counter.workstation.schema.DomainSchema;
import cn.shebao.counter.workstation.store.KeyStoreKeyProtector;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The large replica the record benchmarks read: a million insured persons (person, employer and participation
 * rows for all), the full generated history (24 months of detail) for one person in {@value #SAMPLE}, and
 * forty years of contributions for {@value #LONG_HISTORIES} of those. Writing every person's whole history
 * would take hours on two cores and gives lookups nothing: they are answered from the person table's indexes.
 * Built once under target/ and reused (the directory is kept between runs; delete it to rebuild).
 */
final class BenchReplica {

    static final int SAMPLE = 250;
    static final int LONG_HISTORIES = Integer.getInteger("bench.longHistories", 200);
    private static final Set<Class<?>> ALWAYS = Set.of(InsuredPerson.class, Employer.class, InsuranceParticipation.class);

    private BenchReplica() {
    }

    static boolean sampled(UUID personId) {
        return Math.floorMod(personId.hashCode(), SAMPLE) == 0;
    }

    static Path directory(int persons) {
        return Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath().resolve("bench-replica-" + persons);
    }

    static Replica open(int persons) throws IOException {
        Path dir = directory(persons);
        Path done = dir.resolve("complete");
        boolean ready = Files.exists(done);
        Replica replica = Replica.open(new DataDirectory(dir.resolve("data")),
                new KeyStoreKeyProtector(dir.resolve("keys"), "bench-only-password".toCharArray()), DomainSchema.replica(PersistenceUnit.SchemaCheck.NONE));
        if (!ready) {
            fill(replica, persons);
            Files.writeString(done, "persons=" + persons + "\n");
        }
        return replica;
    }

    private static void fill(Replica replica, int persons) {
        long start = System.nanoTime();
        JdbcBatchSink jdbc = new JdbcBatchSink(replica.dataSource(), true);
        DemoDataSink filtered = batch -> jdbc.write(keepSampled(batch));
        new DemoDataGenerator(new DemoDataGenerator.Settings(2026, persons, LocalDate.of(2026, 11, 1), 24, 1000))
                .generate(filtered, (done, total, rows) -> {
                    if (done % 50_000 == 0 || done == total) {
                        System.out.printf(Locale.ROOT, "bench replica: %,d/%,d persons, %.0f s%n", done, total,
                                (System.nanoTime() - start) / 1e9);
                    }
                });
        lengthenHistories(replica);
        System.out.printf(Locale.ROOT, "bench replica built in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static DemoBatch keepSampled(DemoBatch batch) {
        return batch.filtered(row -> {
            Method personId = personIdGetter(row.getClass());
            return ALWAYS.contains(row.getClass()) || personId == null || sampled(personIdOf(personId, row));
        });
    }

    /** Copies the 24 generated months of some sampled persons backwards, to forty years of contributions. */
    private static void lengthenHistories(Replica replica) {
        List<UUID> persons = replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                "select distinct personId from Contribution order by personId", UUID.class).setMaxResults(LONG_HISTORIES).getResultList());
        TimeOrderedIds ids = TimeOrderedIds.system();
        for (UUID person : persons) {
            replica.sessions().inStatelessTransaction(s -> {
                List<Contribution> months = s.createSelectionQuery("from Contribution where personId = :p", Contribution.class)
                        .setParameter("p", person).getResultList();
                List<Contribution> copies = new ArrayList<>();
                for (int block = 1; block < 20; block++) {
                    for (Contribution c : months) {
                        Contribution k = new Contribution(ids.next());
                        k.setPersonId(c.getPersonId());
                        k.setEmployerId(c.getEmployerId());
                        k.setContributionMonth(c.getContributionMonth().minusMonths(24L * block));
                        k.setInsuranceType(c.getInsuranceType());
                        k.setRegionCode(c.getRegionCode());
                        k.setBase(c.getBase());
                        k.setEmployerRate(c.getEmployerRate());
                        k.setPersonalRate(c.getPersonalRate());
                        k.setEmployerAmount(c.getEmployerAmount());
                        k.setPersonalAmount(c.getPersonalAmount());
                        k.setStatus(c.getStatus());
                        k.setPaidOn(c.getPaidOn() == null ? null : c.getPaidOn().minusMonths(24L * block));
                        copies.add(k);
                    }
                }
                copies.forEach(s::insert);
            });
        }
    }

    /** Persons whose records hold forty years of contributions. */
    static List<UUID> longHistories(Replica replica) {
        return replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                "select personId from Contribution group by personId having count(*) > 1000", UUID.class).getResultList());
    }

    private static Method personIdGetter(Class<?> type) {
        try {
            return type.getMethod("getPersonId");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static UUID personIdOf(Method getter, Object row) {
        try {
            return (UUID) getter.invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
