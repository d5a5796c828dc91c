package io.twinsync.orchestrator.report;

import static io.twinsync.orchestrator.report.Html.count;
import static io.twinsync.orchestrator.report.Html.escape;

import io.twinsync.staging.manifest.OutcomeCounts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's two charts as inline SVG: the write over time (requests and 429s per bucket, items done), and the
 * outcomes per entity as stacked bars. Each bar carries its metric name and value ({@code data-metric},
 * {@code data-value}) so that a test can read what it shows.
 */
final class ReportCharts {

    static final String[] ACTIONS = {"created", "patched", "unchanged", "deleted", "failed", "skipped"};
    static final String[] COLOURS = {"#2e7d32", "#1565c0", "#9e9e9e", "#6a1b9a", "#c62828", "#ef6c00"};

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int WIDTH = 800;
    private static final int LEFT = 60;
    private static final int RIGHT = 10;
    private static final int TOP = 10;
    private static final int PLOT_HEIGHT = 180;

    private ReportCharts() {}

    /** Requests (bars), 429s (red bars over them) and items done (a line) per bucket. */
    static String timeline(BatchReport.Timeline timeline) {
        List<BatchReport.Bucket> buckets = timeline.buckets();
        long max = 1;
        for (BatchReport.Bucket b : buckets) {
            max = Math.max(max, Math.max(b.requests(), b.items()));
        }
        double plot = WIDTH - LEFT - RIGHT;
        double step = plot / buckets.size();
        int height = TOP + PLOT_HEIGHT + 40;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" id=\"chart-timeline\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                        + " role=\"img\" aria-label=\"Requests, throttled requests and items per %d s\">%n",
                WIDTH,
                height,
                WIDTH,
                height,
                timeline.bucketSeconds()));
        axes(svg, max);
        List<String> line = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            BatchReport.Bucket b = buckets.get(i);
            double x = LEFT + i * step;
            bar(svg, "timeline.requests", b.at(), b.requests(), x, step * 0.8, max, "#64b5f6", "requests");
            bar(svg, "timeline.throttled", b.at(), b.throttled(), x, step * 0.8, max, "#c62828", "throttled (429)");
            line.add(String.format(Locale.ROOT, "%.1f,%.1f", x + step * 0.4, y(b.items(), max)));
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle data-metric=\"timeline.items\" data-at=\"%s\" data-value=\"%d\" cx=\"%.1f\" cy=\"%.1f\""
                            + " r=\"2\" fill=\"#2e7d32\"><title>%s: %s items</title></circle>%n",
                    b.at(),
                    b.items(),
                    x + step * 0.4,
                    y(b.items(), max),
                    TIME.format(b.at()),
                    count(b.items())));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"1.5\" points=\"")
                .append(String.join(" ", line))
                .append("\"/>\n");
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" class=\"axis\">%s</text>%n"
                        + "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">%s UTC</text>%n",
                LEFT,
                TOP + PLOT_HEIGHT + 15,
                TIME.format(buckets.get(0).at()),
                WIDTH - RIGHT,
                TOP + PLOT_HEIGHT + 15,
                TIME.format(buckets.get(buckets.size() - 1).at())));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" class=\"legend\"><tspan fill=\"#64b5f6\">■ requests</tspan>"
                        + " <tspan fill=\"#c62828\">■ throttled (429)</tspan>"
                        + " <tspan fill=\"#2e7d32\">● twins and relationships done</tspan>"
                        + " per %d s</text>%n",
                LEFT,
                TOP + PLOT_HEIGHT + 32,
                timeline.bucketSeconds()));
        return svg.append("</svg>\n").toString();
    }

    /** One stacked bar per entity and kind (twins, relationships) that has any, a segment per outcome. */
    static String byEntity(Map<String, BatchReport.EntityWrite> entities) {
        List<String[]> labels = new ArrayList<>();
        List<OutcomeCounts> rows = new ArrayList<>();
        entities.forEach((entity, write) -> {
            if (write.twins().total() > 0) {
                labels.add(new String[] {entity, "twins"});
                rows.add(write.twins());
            }
            if (write.relationships().total() > 0) {
                labels.add(new String[] {entity, "relationships"});
                rows.add(write.relationships());
            }
        });
        long max = rows.stream().mapToLong(OutcomeCounts::total).max().orElse(1);
        int label = 220;
        double plot = WIDTH - label - RIGHT - 60;
        int rowHeight = 22;
        int height = rows.size() * rowHeight + 40;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" id=\"chart-entities\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                        + " role=\"img\" aria-label=\"Outcome per entity\">%n",
                WIDTH,
                height,
                WIDTH,
                height));
        for (int r = 0; r < rows.size(); r++) {
            String entity = labels.get(r)[0];
            String kind = labels.get(r)[1];
            long[] values = values(rows.get(r));
            int y = 5 + r * rowHeight;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">%s %s</text>%n",
                    label - 6,
                    y + 14,
                    escape(entity),
                    kind));
            double x = label;
            for (int a = 0; a < ACTIONS.length; a++) {
                if (values[a] == 0) {
                    continue;
                }
                double w = plot * values[a] / max;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect data-metric=\"%s\" data-value=\"%d\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\""
                                + " fill=\"%s\"><title>%s %s %s: %s</title></rect>%n",
                        escape("write.entity." + entity + "." + kind + "." + ACTIONS[a]),
                        values[a],
                        x,
                        y,
                        Math.max(w, 0.5),
                        COLOURS[a],
                        escape(entity),
                        kind,
                        ACTIONS[a],
                        count(values[a])));
                x += w;
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" class=\"axis\">%s</text>%n",
                    x + 4,
                    y + 14,
                    count(rows.get(r).total())));
        }
        StringBuilder legend = new StringBuilder();
        for (int a = 0; a < ACTIONS.length; a++) {
            legend.append("<tspan fill=\"")
                    .append(COLOURS[a])
                    .append("\">■ ")
                    .append(ACTIONS[a])
                    .append("</tspan> ");
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" class=\"legend\">%s</text>%n",
                label,
                rows.size() * rowHeight + 25,
                legend.toString().trim()));
        return svg.append("</svg>\n").toString();
    }

    static long[] values(OutcomeCounts c) {
        return new long[] {c.created(), c.patched(), c.unchanged(), c.deleted(), c.failed(), c.skipped()};
    }

    private static void axes(StringBuilder svg, long max) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>%n"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>%n"
                        + "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">%s</text>%n"
                        + "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">0</text>%n",
                LEFT,
                TOP,
                LEFT,
                TOP + PLOT_HEIGHT,
                LEFT,
                TOP + PLOT_HEIGHT,
                WIDTH - RIGHT,
                TOP + PLOT_HEIGHT,
                LEFT - 4,
                TOP + 10,
                count(max),
                LEFT - 4,
                TOP + PLOT_HEIGHT));
    }

    private static void bar(
            StringBuilder svg,
            String metric,
            Instant at,
            long value,
            double x,
            double width,
            long max,
            String colour,
            String what) {
        double top = y(value, max);
        svg.append(String.format(
                Locale.ROOT,
                "<rect data-metric=\"%s\" data-at=\"%s\" data-value=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                        + " height=\"%.1f\" fill=\"%s\"><title>%s: %s %s</title></rect>%n",
                metric,
                at,
                value,
                x,
                top,
                Math.max(width, 0.5),
                TOP + PLOT_HEIGHT - top,
                colour,
                TIME.format(at),
                count(value),
                what));
    }

    private static double y(long value, long max) {
        return TOP + PLOT_HEIGHT - (double) PLOT_HEIGHT * value / max;
    }
}
