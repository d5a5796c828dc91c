package io.twinsync.orchestrator.report;

import static io.twinsync.orchestrator.report.Html.countCell;
import static io.twinsync.orchestrator.report.Html.decimalCell;
import static io.twinsync.orchestrator.report.Html.escape;

import io.twinsync.staging.manifest.EntityTransform;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.staging.manifest.TransformSummary;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.html}: the numbers of {@code report.json} in one file that needs nothing else (inline CSS, inline SVG
 * charts, no script, nothing fetched). Every number shown carries its metric name ({@code data-metric}), the path of
 * the number in the report's JSON in dotted form, such as {@code write.twins.created} or
 * {@code write.entity.Pump.twins.failed}.
 */
final class ReportHtml {

    private static final String STYLE =
            """
            body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:1000px}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:.5em 0}td,th{padding:3px 10px;border-bottom:1px solid #eee;text-align:left}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tr.total td{font-weight:600}
            .result{padding:2px 8px;border-radius:4px;color:#fff}.OK{background:#2e7d32}.PARTIAL,.DRIFT{background:#ef6c00}
            .FAILED{background:#c62828}.muted{color:#777}.axis{font-size:11px;fill:#555}.legend{font-size:12px}
            code{font-size:12px}
            """;

    private ReportHtml() {}

    static String render(BatchReport report) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>twinsync batch ")
                .append(escape(report.batchId()))
                .append("</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>twinsync batch <span data-metric=\"batchId\">")
                .append(escape(report.batchId()))
                .append("</span> <span class=\"result ")
                .append(report.result())
                .append("\" data-metric=\"result\">")
                .append(report.result())
                .append("</span></h1>\n<p class=\"muted\">");
        if (report.replayOf() != null) {
            html.append("A replay of batch ").append(escape(report.replayOf())).append(". ");
        }
        html.append("Written ")
                .append(report.generatedAt())
                .append(report.job() == null ? "" : ", when the batch's job was " + escape(report.job()))
                .append(". The same numbers are in <code>report.json</code> beside this file; the paths below are in"
                        + " the batch folder that holds both.</p>\n");
        stages(html, report);
        extract(html, report.extract());
        transform(html, report.transform());
        write(html, report);
        errors(html, report);
        files(html, report.files());
        return html.append("</body>\n</html>\n").toString();
    }

    private static void stages(StringBuilder html, BatchReport report) {
        html.append("<h2>Stages</h2>\n<table id=\"stages\">\n<tr><th>stage</th><th class=\"n\">items</th>"
                + "<th></th><th class=\"n\">seconds</th><th class=\"n\">per second</th></tr>\n");
        for (BatchReport.Stage stage : report.stages()) {
            String metric = "stage." + stage.name() + ".";
            html.append("<tr><td>")
                    .append(stage.name())
                    .append("</td>")
                    .append(countCell(metric + "items", stage.items()))
                    .append("<td class=\"muted\">")
                    .append(escape(stage.unit()))
                    .append("</td>")
                    .append(decimalCell(metric + "seconds", stage.seconds()))
                    .append(decimalCell(metric + "perSecond", stage.perSecond()))
                    .append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void extract(StringBuilder html, ExtractSummary extract) {
        if (extract == null) {
            html.append("<h2>Extract</h2>\n<p>The extract did not finish.</p>\n");
            return;
        }
        html.append("<h2>Extract</h2>\n<table id=\"extract\">\n<tr><th>entity</th><th class=\"n\">rows</th></tr>\n");
        new TreeMap<>(extract.rowsByEntity()).forEach((entity, rows) -> html.append("<tr><td>")
                .append(escape(entity))
                .append("</td>")
                .append(countCell("extract.entity." + entity + ".rows", rows))
                .append("</tr>\n"));
        html.append("<tr class=\"total\"><td>all</td>")
                .append(countCell("extract.rows", extract.totalRows()))
                .append("</tr>\n</table>\n");
    }

    private static void transform(StringBuilder html, TransformSummary transform) {
        if (transform == null) {
            html.append("<h2>Transform</h2>\n<p>The transform did not finish (or a replay had none).</p>\n");
            return;
        }
        html.append("<h2>Transform</h2>\n<table id=\"transform\">\n<tr><th>entity</th><th class=\"n\">rows</th>"
                + "<th class=\"n\">twin files</th><th class=\"n\">tombstones</th><th class=\"n\">relationships</th>"
                + "<th class=\"n\">rows rejected</th></tr>\n");
        for (Map.Entry<String, EntityTransform> e : transform.byEntity().entrySet()) {
            String metric = "transform.entity." + e.getKey() + ".";
            EntityTransform t = e.getValue();
            html.append("<tr><td>")
                    .append(escape(e.getKey()))
                    .append("</td>")
                    .append(countCell(metric + "rows", t.rows()))
                    .append(countCell(metric + "twinFiles", t.twinFiles()))
                    .append(countCell(metric + "tombstones", t.tombstones()))
                    .append(countCell(metric + "relationships", t.relationships()))
                    .append(countCell(metric + "rowsRejected", t.rowsRejected()))
                    .append("</tr>\n");
        }
        html.append("<tr class=\"total\"><td>all</td>")
                .append(countCell("transform.rowsRead", transform.rowsRead()))
                .append(countCell("transform.twinFiles", transform.twinFiles()))
                .append(countCell("transform.tombstones", transform.tombstones()))
                .append(countCell("transform.relationships", transform.relationships()))
                .append(countCell("transform.rowsRejected", transform.rowsRejected()))
                .append("</tr>\n</table>\n");
        if (!transform.rejectsByReason().isEmpty()) {
            html.append("<table id=\"rejects-by-reason\">\n<tr><th>reject reason</th><th class=\"n\">rows</th></tr>\n");
            new TreeMap<>(transform.rejectsByReason()).forEach((reason, n) -> html.append("<tr><td>")
                    .append(escape(reason))
                    .append("</td>")
                    .append(countCell("transform.rejectsByReason." + reason, n))
                    .append("</tr>\n"));
            html.append("</table>\n");
        }
    }

    private static void write(StringBuilder html, BatchReport report) {
        BatchReport.Write write = report.write();
        html.append("<h2>Write</h2>\n");
        if (write == null) {
            html.append("<p>Nothing was written.</p>\n");
            return;
        }
        if (!write.recorded()) {
            html.append("<p>The batch did not get to its record step: these are the partitions that finished.</p>\n");
        }
        html.append("<table id=\"write\">\n<tr><th></th>");
        for (String action : ReportCharts.ACTIONS) {
            html.append("<th class=\"n\">").append(action).append("</th>");
        }
        html.append("</tr>\n");
        outcomeRow(html, "twins", "write.twins.", write.twins());
        outcomeRow(html, "relationships", "write.relationships.", write.relationships());
        html.append("</table>\n<table id=\"requests\">\n<tr><th>target</th><td>")
                .append(escape(write.target()))
                .append("</td></tr>\n<tr><th>requests</th>")
                .append(countCell("write.requests", write.requests()))
                .append("</tr>\n<tr><th>retried</th>")
                .append(countCell("write.retried", write.retried()))
                .append("</tr>\n<tr><th>throttled (429)</th>")
                .append(countCell("write.throttled", write.throttled()))
                .append("</tr>\n</table>\n");
        html.append("<h3>Per entity</h3>\n<table id=\"write-by-entity\">\n<tr><th>entity</th><th></th>");
        for (String action : ReportCharts.ACTIONS) {
            html.append("<th class=\"n\">").append(action).append("</th>");
        }
        html.append("</tr>\n");
        write.byEntity().forEach((entity, counts) -> {
            String metric = "write.entity." + entity + ".";
            html.append("<tr><td rowspan=\"2\">").append(escape(entity)).append("</td><td>twins</td>");
            outcomeCells(html, metric + "twins.", counts.twins());
            html.append("<tr><td>relationships</td>");
            outcomeCells(html, metric + "relationships.", counts.relationships());
        });
        html.append("</table>\n");
        if (!write.byEntity().isEmpty()) {
            html.append("<h3>Outcome per entity</h3>\n").append(ReportCharts.byEntity(write.byEntity()));
        }
        if (report.timeline() != null) {
            html.append(String.format(
                            Locale.ROOT,
                            "<h3>The write over time</h3>%n<p class=\"muted\">Per %d s: %s.</p>%n",
                            report.timeline().bucketSeconds(),
                            escape(report.timeline().source())))
                    .append(ReportCharts.timeline(report.timeline()));
        }
    }

    private static void outcomeRow(StringBuilder html, String label, String metric, OutcomeCounts counts) {
        html.append("<tr><th>").append(label).append("</th>");
        outcomeCells(html, metric, counts);
    }

    /** One cell per outcome, closing the row. */
    private static void outcomeCells(StringBuilder html, String metric, OutcomeCounts counts) {
        long[] values = ReportCharts.values(counts);
        for (int a = 0; a < values.length; a++) {
            html.append(countCell(metric + ReportCharts.ACTIONS[a], values[a]));
        }
        html.append("</tr>\n");
    }

    private static void errors(StringBuilder html, BatchReport report) {
        html.append("<h2>Top errors</h2>\n");
        if (report.errors().isEmpty()) {
            html.append("<p>No row was rejected and no twin or relationship failed.</p>\n");
            return;
        }
        html.append("<table id=\"errors\">\n<tr><th>stage</th><th>code</th><th class=\"n\">count</th>"
                + "<th>examples</th><th>all listed in</th></tr>\n");
        for (BatchReport.TopError error : report.errors()) {
            html.append("<tr><td>")
                    .append(escape(error.stage()))
                    .append("</td><td>")
                    .append(escape(error.code()))
                    .append("</td>")
                    .append(countCell("error." + error.stage() + "." + error.code() + ".count", error.count()))
                    .append("<td><ul>");
            for (BatchReport.Example example : error.examples()) {
                html.append("<li><code>")
                        .append(escape(example.id()))
                        .append("</code>: ")
                        .append(escape(example.message()))
                        .append("</li>");
            }
            html.append("</ul></td><td>");
            error.listedIn()
                    .forEach(file -> html.append("<code>").append(escape(file)).append("</code><br>"));
            html.append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void files(StringBuilder html, BatchReport.Files files) {
        html.append("<h2>Files</h2>\n<p>In the batch folder, the rejected rows and what the writer did per twin and"
                + " relationship, one line each:</p>\n<ul>\n");
        files.rejects().forEach(f -> html.append("<li><code>").append(escape(f)).append("</code></li>\n"));
        files.results().forEach(f -> html.append("<li><code>").append(escape(f)).append("</code></li>\n"));
        html.append("</ul>\n");
    }
}
