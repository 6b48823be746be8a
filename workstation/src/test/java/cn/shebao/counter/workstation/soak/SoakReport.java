package cn.shebao.counter.workstation.soak;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * The run written down: {@code soak-<date>-<seed>.md} with the seed, the machine, the faults by kind and what each
 * hit, the operations and their answers, the anomalies (none expected) and the drain time, and a PNG beside it with
 * operations, queued commands and the faults over time.
 */
final class SoakReport {

    private SoakReport() {
    }

    static Path write(SoakRun.Result r, Path directory) throws IOException {
        Files.createDirectories(directory);
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC).format(r.started());
        String base = "soak-" + date + "-seed-" + r.plan().seed();
        Path png = directory.resolve(base + ".png");
        plot(r, png);
        Path md = directory.resolve(base + ".md");
        Files.writeString(md, markdown(r, png.getFileName().toString()), StandardCharsets.UTF_8);
        return md;
    }

    static String markdown(SoakRun.Result r, String plot) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# Fault soak, seed ").append(r.plan().seed()).append("\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| Started | ").append(DateTimeFormatter.ISO_INSTANT.format(r.started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
                .append(" |\n");
        b.append("| Machine | ").append(InetAddress.getLocalHost().getHostName()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(" |\n");
        b.append("| Hall | ").append(r.plan().workstations()).append(" workstations, 2 central service instances behind a balancing proxy, "
                + "PostgreSQL behind a proxy, ").append(r.plan().persons()).append(" persons |\n");
        b.append("| Fault phase | ").append(r.plan().faultPhase().toMinutes()).append(" min, ").append(r.struck().size())
                .append(" faults (").append(r.struck().stream().filter(FaultInjector.Struck::hit).count()).append(" hit work in flight) |\n");
        b.append("| Operations | ").append(r.operations().size()).append(" |\n");
        b.append("| Drain after the last fault | ").append(r.drain() == null ? "**not drained**" : r.drain().toMillis() / 1000.0 + " s")
                .append(" |\n");
        b.append("| Anomalies | **").append(r.anomalies().size()).append("** |\n");
        b.append("| Whole run | ").append(r.total().toSeconds()).append(" s |\n");
        b.append("| Replay | `bash scripts/soak.sh ").append(r.plan().seed()).append(' ').append(r.plan().faultPhase().toMinutes()).append(' ')
                .append(r.plan().faults()).append("` |\n\n");
        b.append("![operations, queued commands and faults over time](").append(plot).append(")\n\n");

        b.append("## Anomalies\n\n");
        if (r.anomalies().isEmpty()) {
            b.append("None: every command committed at a workstation was applied at central exactly once and in order, every "
                    + "answer matches, every replica equals central row by row, every audit chain verifies at both ends and central's "
                    + "copy equals the workstation's, one live account per citizen, no overlapping approvals, four eyes on every "
                    + "decision, every conflict open or resolved once.\n\n");
        } else {
            // By kind, with the first five of each: one stuck window makes thousands of lines that say the same.
            java.util.Map<String, List<SoakChecker.Anomaly>> byKind = new java.util.LinkedHashMap<>();
            r.anomalies().forEach(a -> byKind.computeIfAbsent(a.kind(), k -> new java.util.ArrayList<>()).add(a));
            byKind.forEach((kind, list) -> {
                b.append("- `").append(kind).append("` × ").append(list.size()).append('\n');
                list.stream().limit(5).forEach(a -> b.append("  - ").append(a.detail()).append('\n'));
                if (list.size() > 5) {
                    b.append("  - … and ").append(list.size() - 5).append(" more\n");
                }
            });
            b.append('\n');
        }
        SoakChecker.Counts c = r.counts();
        b.append("## What was checked\n\n");
        b.append("| | |\n|---|---|\n");
        c.commandsPerNode().forEach((node, n) -> b.append("| Commands of ").append(node).append(" | ").append(n).append(" |\n"));
        b.append("| Replica rows compared with central | ").append(c.rowsCompared()).append(" |\n");
        b.append("| Audit events compared | ").append(c.auditEventsCompared()).append(" |\n");
        b.append("| Conflicts (still open) | ").append(c.conflicts()).append(" (").append(c.conflictsOpen()).append(") |\n");
        b.append("| Online accounts | ").append(c.accounts()).append(" |\n");
        b.append("| Drug approvals in force | ").append(c.approvals()).append(" |\n\n");

        b.append("## Faults by kind\n\n| Kind | Count | Hit work in flight |\n|---|---|---|\n");
        Map<Fault.Kind, long[]> kinds = new EnumMap<>(Fault.Kind.class);
        for (FaultInjector.Struck s : r.struck()) {
            long[] n = kinds.computeIfAbsent(s.fault().kind(), k -> new long[2]);
            n[0]++;
            n[1] += s.hit() ? 1 : 0;
        }
        kinds.forEach((k, n) -> b.append("| ").append(k).append(" | ").append(n[0]).append(" | ").append(n[1]).append(" |\n"));
        java.util.EnumSet<Fault.Kind> left = java.util.EnumSet.allOf(Fault.Kind.class);
        left.removeAll(r.plan().kinds());
        if (!left.isEmpty()) {
            b.append("\nNot in this run: ").append(left).append(left.contains(Fault.Kind.DISK_FULL)
                    ? " (a disk that can fill is a tmpfs of its own, which takes root to mount)" : "").append(".\n");
        }
        b.append("\n## Operations by answer\n\n| Operation | Answer | Count |\n|---|---|---|\n");
        Map<String, Long> answers = r.operations().stream().collect(Collectors.groupingBy(
                o -> o.kind() + " | " + answerKind(o.answer()), TreeMap::new, Collectors.counting()));
        answers.forEach((k, n) -> b.append("| ").append(k).append(" | ").append(n).append(" |\n"));
        b.append("\n## Every fault\n\n| When | Fault | In flight when it struck |\n|---|---|---|\n");
        for (FaultInjector.Struck s : r.struck()) {
            b.append("| ").append(s.fault().toString().replace("|", "/")).append(" | ").append(s.hit() ? "hit" : "idle").append(" | ")
                    .append(s.inFlight()).append(" |\n");
        }
        return b.toString();
    }

    /** "OK", "REFUSED key", "ERROR class", "INTERRUPTED", "TIMEOUT": the words that tell answers apart, no ids. */
    static String answerKind(String answer) {
        String[] w = answer.split(" ");
        return switch (w[0]) {
            case "REFUSED" -> "REFUSED " + (w.length > 1 ? w[1] : "");
            case "ERROR" -> "ERROR " + (w.length > 1 ? w[1].replace(":", "") : "");
            default -> w[0];
        };
    }

    private static void plot(SoakRun.Result r, Path png) throws IOException {
        int width = 1200;
        int height = 420;
        int left = 60;
        int right = 60;
        int top = 30;
        int bottom = 50;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        List<SoakRun.Sample> samples = r.samples();
        double seconds = Math.max(1, samples.isEmpty() ? 1 : samples.get(samples.size() - 1).at().toMillis() / 1000.0);
        int plotW = width - left - right;
        int plotH = height - top - bottom;
        double maxRate = 1;
        double maxQueued = 1;
        for (int i = 1; i < samples.size(); i++) {
            maxRate = Math.max(maxRate, rate(samples, i));
            maxQueued = Math.max(maxQueued, samples.get(i).queued());
        }
        g.setColor(new Color(0xDDDDDD));
        g.drawRect(left, top, plotW, plotH);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        // Faults: a red line at each strike, its kind's initial above.
        for (FaultInjector.Struck s : r.struck()) {
            int x = left + (int) (plotW * (s.fault().at().toMillis() / 1000.0) / seconds);
            g.setColor(new Color(0xE57373));
            g.drawLine(x, top, x, top + plotH);
        }
        g.setStroke(new BasicStroke(1.5f));
        g.setColor(new Color(0x1E88E5));
        for (int i = 2; i < samples.size(); i++) {
            g.drawLine(x(samples.get(i - 1).at(), seconds, left, plotW), y(rate(samples, i - 1), maxRate, top, plotH),
                    x(samples.get(i).at(), seconds, left, plotW), y(rate(samples, i), maxRate, top, plotH));
        }
        g.setColor(new Color(0xFB8C00));
        for (int i = 1; i < samples.size(); i++) {
            g.drawLine(x(samples.get(i - 1).at(), seconds, left, plotW), y(samples.get(i - 1).queued(), maxQueued, top, plotH),
                    x(samples.get(i).at(), seconds, left, plotW), y(samples.get(i).queued(), maxQueued, top, plotH));
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString("seed " + r.plan().seed() + ": operations answered per second (blue, left, max " + Math.round(maxRate)
                + "), commands waiting to be pushed (orange, right, max " + Math.round(maxQueued) + "), faults (red)", left, 18);
        g.drawString("0 s", left, height - bottom + 16);
        g.drawString(Math.round(seconds) + " s", width - right - 30, height - bottom + 16);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static double rate(List<SoakRun.Sample> s, int i) {
        double dt = Math.max(0.001, (s.get(i).at().toMillis() - s.get(i - 1).at().toMillis()) / 1000.0);
        return (s.get(i).operations() - s.get(i - 1).operations()) / dt;
    }

    private static int x(Duration at, double seconds, int left, int plotW) {
        return left + (int) (plotW * (at.toMillis() / 1000.0) / seconds);
    }

    private static int y(double value, double max, int top, int plotH) {
        return top + plotH - (int) (plotH * value / max);
    }
}
