package cn.shebao.counter.workstation.audit;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * The supervisors' report of record openings that deserve a question: a staff member who opened many records in a
 * day without the citizen's card or ID at the window (telephone enquiries, internal reviews), openings outside the
 * hall's opening hours, and one citizen's record opened at many windows in a day (the last needs the centre's view of
 * every window). Thresholds are the supervisor's to set. Read from the same audit as the F8 search.
 */
public final class UnusualAccess {

    /** The purposes that mean the citizen was at the window with a card or an ID. */
    static final Set<String> PRESENT = Set.of("CARD_PRESENTED", "WINDOW_WITH_ID");

    /** What counts as unusual; the defaults are a starting point for a hall, not a rule. */
    public record Thresholds(int openingsWithoutCitizenPerDay, LocalTime opens, LocalTime closes, Set<DayOfWeek> openDays,
            int windowsPerCitizenPerDay) {

        public static Thresholds standard() {
            return new Thresholds(20, LocalTime.of(8, 30), LocalTime.of(17, 30),
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), 3);
        }

        /**
         * The hall's own: {@code hall.opens}, {@code hall.closes} (HH:mm), {@code hall.openDays} (MONDAY,...,SATURDAY),
         * {@code unusual.openingsWithoutCitizenPerDay}, {@code unusual.windowsPerCitizenPerDay} in workstation.properties,
         * each falling back to {@link #standard()} when absent. A value that cannot be read is reported through
         * {@code problem} (the key) and the standard one used, so a typing error never keeps the counter from starting.
         */
        public static Thresholds configured(Properties p, Consumer<String> problem) {
            Thresholds d = standard();
            int without = read(p, "unusual.openingsWithoutCitizenPerDay", d.openingsWithoutCitizenPerDay(), Integer::parseInt, problem);
            LocalTime opens = read(p, "hall.opens", d.opens(), LocalTime::parse, problem);
            LocalTime closes = read(p, "hall.closes", d.closes(), LocalTime::parse, problem);
            Set<DayOfWeek> days = read(p, "hall.openDays", d.openDays(), UnusualAccess::days, problem);
            int windows = read(p, "unusual.windowsPerCitizenPerDay", d.windowsPerCitizenPerDay(), Integer::parseInt, problem);
            if (without < 1 || windows < 2 || !opens.isBefore(closes)) {
                problem.accept("unusual");
                return d;
            }
            return new Thresholds(without, opens, closes, days, windows);
        }

        private static <T> T read(Properties p, String key, T standard, Function<String, T> parse,
                Consumer<String> problem) {
            String value = p.getProperty(key);
            if (value == null || value.isBlank()) {
                return standard;
            }
            try {
                return parse.apply(value.strip());
            } catch (RuntimeException bad) {
                problem.accept(key);
                return standard;
            }
        }
    }

    private static Set<DayOfWeek> days(String list) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : list.split(",")) {
            days.add(DayOfWeek.valueOf(d.strip().toUpperCase(Locale.ROOT)));
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no open day");
        }
        return days;
    }

    /** What was found. */
    public enum Kind { MANY_WITHOUT_CITIZEN, OUTSIDE_HOURS, MANY_WINDOWS }

    /**
     * One finding: who (a staff member's name, or a citizen's record id), which day, how many, and for an opening
     * outside hours its time and window.
     */
    public record Finding(Kind kind, LocalDate day, String staffName, String subjectId, long count, Instant at, String workstationCode) {
    }

    private UnusualAccess() {
    }

    /** @param entity {@link AuditQuery#LOCAL} or {@link AuditQuery#SHIPPED} */
    public static List<Finding> find(Session s, String entity, Instant from, Instant to, Thresholds t, ZoneId zone) {
        if (!entity.equals(AuditQuery.LOCAL) && !entity.equals(AuditQuery.SHIPPED)) {
            throw new IllegalArgumentException("not an audit entity: " + entity);
        }
        Map<String, Long> withoutCitizen = new HashMap<>();
        Map<String, Set<String>> windows = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        try (var rows = s.createSelectionQuery("select e.occurredAt, e.actorName, e.subjectId, e.purpose, e.workstationCode from " + entity
                + " e where e.actionCode = 'citizen.record.open' and e.occurredAt >= :from and e.occurredAt < :to order by e.occurredAt",
                Object[].class).setParameter("from", from).setParameter("to", to).setFetchSize(1000).getResultStream()) {
            for (Object[] r : (Iterable<Object[]>) rows::iterator) {
                Instant at = (Instant) r[0];
                String staff = (String) r[1];
                String subject = (String) r[2];
                String purpose = (String) r[3];
                String workstation = (String) r[4];
                ZonedDateTime local = at.atZone(zone);
                LocalDate day = local.toLocalDate();
                if (!PRESENT.contains(purpose)) {
                    withoutCitizen.merge(day + "\u001f" + staff, 1L, Long::sum);
                }
                LocalTime time = local.toLocalTime();
                if (!t.openDays().contains(local.getDayOfWeek()) || time.isBefore(t.opens()) || !time.isBefore(t.closes())) {
                    findings.add(new Finding(Kind.OUTSIDE_HOURS, day, staff, subject, 1, at, workstation));
                }
                windows.computeIfAbsent(day + "\u001f" + subject, k -> new HashSet<>()).add(workstation);
            }
        }
        withoutCitizen.forEach((key, n) -> {
            if (n > t.openingsWithoutCitizenPerDay()) {
                String[] k = key.split("\u001f", 2);
                findings.add(new Finding(Kind.MANY_WITHOUT_CITIZEN, LocalDate.parse(k[0]), k[1], null, n, null, null));
            }
        });
        windows.forEach((key, set) -> {
            if (set.size() >= t.windowsPerCitizenPerDay()) {
                String[] k = key.split("\u001f", 2);
                findings.add(new Finding(Kind.MANY_WINDOWS, LocalDate.parse(k[0]), null, k[1], set.size(), null,
                        String.join(",", new TreeSet<>(set))));
            }
        });
        findings.sort(Comparator.comparing(Finding::kind).thenComparing(Finding::day).thenComparing(f -> f.at() == null ? Instant.MIN : f.at()));
        return findings;
    }
}
