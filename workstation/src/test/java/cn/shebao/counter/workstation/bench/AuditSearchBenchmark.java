package cn.shebao.counter.workstation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.audit.GeneratedAudit;
import cn.shebao.counter.workstation.audit.AuditFilter;
import cn.shebao.counter.workstation.auditview.AuditSearch;
import cn.shebao.counter.workstation.audit.AuditSort;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.store.Replica;
import cn.shebao.counter.workstation.testing.DemoReplica;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's figures: the F8 search over an audit of a million events (encrypted Derby), by citizen and by staff
 * member, each beside the plain indexed JDBC query for the same first page (no count, no audit of the search), in the
 * same run. The search does more (a count for the pager, the citizen's accounts and applications, its own audit
 * row): the baseline is the floor.
 */
@Tag("bench")
class AuditSearchBenchmark {

    @TempDir
    Path tmp;

    @Test
    void filterAMillionEventsByCitizenAndByStaff() throws Exception {
        int events = Integer.getInteger("bench.auditEvents", 1_000_000);
        try (DemoReplica demo = DemoReplica.generate(tmp, 2000, java.time.Clock.systemUTC())) {
            Replica replica = demo.replica();
            List<UUID> people = replica.sessions().fromTransaction(s -> s.createSelectionQuery("select id from InsuredPerson", UUID.class)
                    .getResultList());
            List<UUID> staffIds = new ArrayList<>();
            List<String> staffNames = new ArrayList<>();
            SplittableRandom ids = new SplittableRandom(20);
            for (int i = 0; i < 50; i++) {
                staffIds.add(new UUID(ids.nextLong(), ids.nextLong()));
                staffNames.add(String.format(Locale.ROOT, "staff%02d", i));
            }
            long start = System.nanoTime();
            GeneratedAudit.append(replica.sessions(), events, 7, staffIds, staffNames, people, Instant.parse("2025-12-01T00:00:00Z"),
                    Duration.ofSeconds(30));
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            AuditSearch search = new AuditSearch(replica.sessions(), demo.audit());
            StaffSession supervisor = DemoReplica.staff(replica.sessions(), "zhaomin");
            SplittableRandom r = new SplittableRandom(99);
            List<UUID> citizens = new ArrayList<>();
            List<UUID> staff = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                citizens.add(people.get(r.nextInt(people.size())));
                staff.add(staffIds.get(r.nextInt(staffIds.size())));
            }
            Consumer<UUID> byCitizen = p -> assertThat(search.search(supervisor, new AuditFilter(null, null, p, null, null, null, null,
                    AuditFilter.Outcome.ANY), AuditSort.TIME, false, 0, 100).rows()).isNotEmpty();
            Consumer<UUID> byStaff = p -> assertThat(search.search(supervisor, new AuditFilter(null, null, null, p, null, null, null,
                    AuditFilter.Outcome.ANY), AuditSort.TIME, false, 0, 100).rows()).hasSize(100);
            Consumer<UUID> jdbcCitizen = p -> assertThat(jdbc(replica, "subject_id", p.toString())).isPositive();
            Consumer<UUID> jdbcStaff = p -> assertThat(jdbc(replica, "actor_id", p)).isEqualTo(100);
            // Warm every path on the first hundred, measure on the rest.
            for (Consumer<UUID> c : List.of(byCitizen, jdbcCitizen)) {
                citizens.subList(0, 100).forEach(c);
            }
            for (Consumer<UUID> c : List.of(byStaff, jdbcStaff)) {
                staff.subList(0, 100).forEach(c);
            }
            double[] serviceCitizen = time(citizens.subList(100, 300), byCitizen);
            double[] plainCitizen = time(citizens.subList(100, 300), jdbcCitizen);
            double[] serviceStaff = time(staff.subList(100, 300), byStaff);
            double[] plainStaff = time(staff.subList(100, 300), jdbcStaff);
            String table = String.format(Locale.ROOT, """

                    | F8 audit search, %,d events (encrypted Derby, %.0f s to write), first page of 100, ms | p50 | p95 | p99 | target |
                    |---|---:|---:|---:|---|
                    | baseline: plain indexed JDBC, by citizen (subject id) | %.1f | %.1f | %.1f | |
                    | AuditSearch by citizen (count, the citizen's accounts and applications, audited) | %.1f | %.1f | %.1f | none set |
                    | baseline: plain indexed JDBC, by staff member | %.1f | %.1f | %.1f | |
                    | AuditSearch by staff member (count of about %,d events, audited) | %.1f | %.1f | %.1f | none set |
                    """, events, loadSeconds, plainCitizen[0], plainCitizen[1], plainCitizen[2], serviceCitizen[0], serviceCitizen[1],
                    serviceCitizen[2], plainStaff[0], plainStaff[1], plainStaff[2], events / staffIds.size(), serviceStaff[0], serviceStaff[1],
                    serviceStaff[2]);
            System.out.println(table);
            Files.writeString(Path.of("target", "bench-audit-search.md"), table);
        }
    }

    private static int jdbc(Replica replica, String column, Object value) {
        try (Connection c = replica.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM audit_event WHERE " + column + " = ? ORDER BY occurred_at DESC FETCH FIRST 100 ROWS ONLY")) {
            ps.setObject(1, value instanceof UUID u ? cn.shebao.counter.workstation.wire.RowValues.uuidFor(
                    cn.shebao.counter.workstation.store.SqlFlavour.DERBY, u) : value);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] time(List<UUID> samples, Consumer<UUID> step) {
        double[] ms = new double[samples.size()];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            step.accept(samples.get(i));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new double[] {at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99)};
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
