package cn.shebao.counter.workstation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.audit.AuditLog;
import cn.shebao.counter.workstation.citizen.AccessPurpose;
import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.citizen.CitizenSearch;
import cn.shebao.counter.workstation.citizen.ContributionHistory;
import cn.shebao.counter.workstation.citizen.RecordAccess;
import cn.shebao.counter.workstation.drugs.DrugApprovalHistory;
import cn.shebao.counter.workstation.retirement.RetirementOutlooks;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.testing.DemoReplica;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's figures on a replica of a million persons: lookup by ID number and by name through the service
 * (each beside the same query in plain JDBC, the floor), opening whole records, and the heap after a
 * hundred records. The bench profile runs this JVM with -Xmx512m, so finishing at all shows the 512 MB fit.
 */
@Tag("bench")
class CitizenRecordBenchmark {

    private record Sample(String idNumber, String name) {
    }

    @Test
    void lookupsAndRecordsOnAMillionPersons() throws Exception {
        int persons = Integer.getInteger("bench.lookupPersons", 1_000_000);
        try (Replica replica = BenchReplica.open(persons)) {
            Clock clock = Clock.systemDefaultZone();
            AuditLog audit = new AuditLog(replica.sessions(), clock, TimeOrderedIds.system(), "BENCH-01");
            CitizenSearch search = new CitizenSearch(replica.sessions());
            CitizenRecords records = new CitizenRecords(replica.sessions(), audit, clock);
            // Warm-up and measurement use different people: measuring the warmed ones would time the page cache only.
            List<Sample> all = samples(replica, 8000);
            List<Sample> warmup = all.subList(0, all.size() / 2);
            List<Sample> samples = all.subList(all.size() / 2, all.size());
            long total = count(replica);
            assertThat(total).isEqualTo(persons);

            // Warm both paths (JIT, Derby page cache) before measuring either.
            for (int round = 0; round < 3; round++) {
                for (Sample s : warmup) {
                    search.search(DemoReplica.clerk(), s.idNumber(), null, null);
                    search.search(DemoReplica.clerk(), s.name(), null, null);
                    jdbcById(replica, s.idNumber());
                    jdbcByName(replica, s.name());
                }
            }
            double[] idService = time(samples, s -> {
                int found = search.search(DemoReplica.clerk(), s.idNumber(), null, null).matches().size();
                assertThat(found).isEqualTo(1);
            });
            double[] idJdbc = time(samples, s -> assertThat(jdbcById(replica, s.idNumber())).isEqualTo(1));
            List<Sample> nameSamples = samples.subList(0, Math.min(2000, samples.size()));
            double[] nameService = time(nameSamples, s -> assertThat(search.search(DemoReplica.clerk(), s.name(), null, null)
                    .matches()).isNotEmpty());
            double[] nameJdbc = time(nameSamples, s -> assertThat(jdbcByName(replica, s.name())).isPositive());

            List<UUID> typical = sampledPersons(replica, 300);
            List<UUID> longOnes = BenchReplica.longHistories(replica);
            assertThat(longOnes).isNotEmpty();
            Deque<Object> lastHundred = new ArrayDeque<>();
            for (UUID p : typical.subList(0, Math.min(30, typical.size()))) {
                openWhole(records, p, lastHundred); // warm-up
            }
            double[] openTypical = timeIds(typical, p -> openWhole(records, p, lastHundred));
            double[] openLong = timeIds(longOnes, p -> openWhole(records, p, lastHundred));
            double[] openBasic = timeIds(typical, p -> records.open(DemoReplica.clerk(), p, AccessPurpose.WINDOW_WITH_ID));

            // The heap with the last hundred opened records still referenced, as if a clerk had them all open.
            System.gc();
            Thread.sleep(200);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            double usedMb = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
            double maxMb = rt.maxMemory() / 1048576.0;

            String table = String.format(Locale.ROOT, """

                    | Records on %,d persons (encrypted Derby), ms | p50 | p95 | p99 | target |
                    |---|---:|---:|---:|---|
                    | baseline: plain JDBC select by ID number (%,d lookups) | %.2f | %.2f | %.2f | |
                    | lookup by ID number, CitizenSearch (validated, masked) | %.2f | %.2f | %.2f | p99 < 5 |
                    | baseline: plain JDBC select by name, first 101 (%,d lookups) | %.2f | %.2f | %.2f | |
                    | name search, CitizenSearch | %.2f | %.2f | %.2f | p99 < 50 |
                    | open record, basic tab only (audited), %d records | %.1f | %.1f | %.1f | |
                    | open whole record, every tab read and audited, 24 months of detail, %d records | %.1f | %.1f | %.1f | p95 < 150 |
                    | open whole record, every tab, forty years of contributions, %d records | %.1f | %.1f | %.1f | p95 < 150 |

                    | Heap (JVM started with -Xmx%.0fm) | MB |
                    |---|---:|
                    | used after GC with the last %d opened records referenced | %.1f |
                    """, total, samples.size(), idJdbc[0], idJdbc[1], idJdbc[2], idService[0], idService[1], idService[2],
                    nameSamples.size(), nameJdbc[0], nameJdbc[1], nameJdbc[2], nameService[0], nameService[1], nameService[2],
                    typical.size(), openBasic[0], openBasic[1], openBasic[2], typical.size(), openTypical[0], openTypical[1],
                    openTypical[2], longOnes.size(), openLong[0], openLong[1], openLong[2], maxMb, lastHundred.size(), usedMb);
            System.out.println(table);
            Files.writeString(Path.of("target", "bench-citizen-records.md"), table);
            assertThat(lastHundred.size()).isPositive();
        }
    }

    private static void openWhole(CitizenRecords records, UUID person, Deque<Object> lastHundred) {
        CitizenRecords.Opened opened = records.open(DemoReplica.clerk(), person, AccessPurpose.WINDOW_WITH_ID);
        RecordAccess a = opened.access();
        ContributionHistory h = records.contributions(a);
        List<Object> whole = List.of(opened, h, new RetirementOutlooks(records, Clock.systemDefaultZone()).of(a), records.pensionPayments(a), records.benefitAdjustments(a),
                records.medicalReimbursements(a), records.workInjuries(a), records.maternityBenefits(a), records.specifiedDiseases(a),
                new DrugApprovalHistory(records).of(a));
        lastHundred.addLast(whole);
        if (lastHundred.size() > 100) {
            lastHundred.removeFirst();
        }
    }

    private interface Step<T> {
        void run(T t) throws Exception;
    }

    private static double[] time(List<Sample> samples, Step<Sample> step) throws Exception {
        double[] ms = new double[samples.size()];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            step.run(samples.get(i));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return percentiles(ms);
    }

    private static double[] timeIds(List<UUID> ids, Step<UUID> step) throws Exception {
        double[] ms = new double[ids.size()];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            step.run(ids.get(i));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return percentiles(ms);
    }

    private static double[] percentiles(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new double[] {at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99)};
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static List<Sample> samples(Replica replica, int n) throws Exception {
        List<Sample> all = new ArrayList<>();
        try (Connection c = replica.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT citizen_id_number, name FROM insured_person")) {
            int i = 0;
            while (rs.next()) {
                if (i++ % 37 == 0) {
                    all.add(new Sample(rs.getString(1), rs.getString(2)));
                }
            }
        }
        Collections.shuffle(all, new Random(9));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    private static long count(Replica replica) {
        return replica.sessions().fromTransaction(s -> s.createSelectionQuery("select count(*) from InsuredPerson", Long.class)
                .getSingleResult());
    }

    private static List<UUID> sampledPersons(Replica replica, int n) {
        List<UUID> ids = new ArrayList<>(replica.sessions().fromTransaction(s -> s.createSelectionQuery(
                "select distinct personId from Contribution", UUID.class).getResultList()));
        ids.removeAll(BenchReplica.longHistories(replica));
        Collections.shuffle(ids, new Random(3));
        return List.copyOf(ids.subList(0, Math.min(n, ids.size())));
    }

    private static int jdbcById(Replica replica, String id) throws Exception {
        try (Connection c = replica.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM insured_person WHERE citizen_id_number = ?")) {
            ps.setString(1, id);
            return drain(ps);
        }
    }

    private static int jdbcByName(Replica replica, String name) throws Exception {
        try (Connection c = replica.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM insured_person WHERE name = ? ORDER BY birth_date, citizen_id_number FETCH FIRST 101 ROWS ONLY")) {
            ps.setString(1, name);
            return drain(ps);
        }
    }

    private static int drain(PreparedStatement ps) throws Exception {
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }
}
