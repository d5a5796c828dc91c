package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.TwinsyncProcesses.Result;
import io.twinsync.orchestrator.TwinsyncProcesses.StandaloneEmulator;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.testsupport.RequiredService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sync of the sample ERP (one row of it refused by the id rules) by the packaged CLI into a standalone emulator,
 * then its {@code report.html} opened in a headless Chromium: every number the rendered page shows is the one in
 * {@code report.json}, every number of {@code report.json} is shown, and the charts are drawn from the same numbers.
 * Chromium comes from the Debian packages ({@code scripts/install-chromium.sh}, which {@code .ci/run} runs); without it
 * the test skips, or fails when {@code TWINSYNC_REQUIRE_SERVICES=true}.
 */
class ReportInBrowserIntegrationTests {

    private static final String[] ACTIONS = {"created", "patched", "unchanged", "deleted", "failed", "skipped"};
    private static final Pattern REPORT_LINE = Pattern.compile("(?m)^  report     (.+report\\.html)$");

    @TempDir
    static Path dir;

    private static Path chromium;
    private static StandaloneEmulator adt;
    private static Result run;
    private static Path html;
    private static JsonNode json;
    private static Document dom;

    @BeforeAll
    static void syncAndRender() throws Exception {
        chromium = RequiredService.assumeOnPath("chromium", "scripts/install-chromium.sh installs it");
        Path home = dir.resolve("home");
        TwinsyncProcesses.run(home, Map.of(), "sample-erp", "sql", "SELECT 1");
        // one equipment row whose asset tag makes a twin id the rules refuse: the batch has a reject to report
        TwinsyncProcesses.sql(
                TwinsyncProcesses.sampleErpUrl(home),
                "INSERT INTO Equipment (EquipmentId, AssetTag, LineId, CostCenterId, Name, Category, Status,"
                        + " IsCritical, ModifiedAt) VALUES (9001, 'Tab\tHere', 1, 1, 'Refused', 'Pump', 'Running',"
                        + " FALSE, CURRENT_TIMESTAMP)");
        adt = new StandaloneEmulator(dir.resolve("adt"), TwinsyncProcesses.freePort()).start();
        run = TwinsyncProcesses.run(home, adt.target(), "run");
        Matcher report = REPORT_LINE.matcher(run.output());
        assertThat(report.find())
                .as("the run names its report:\n" + run.output())
                .isTrue();
        html = Path.of(report.group(1));
        json = StagingJson.mapper().readTree(html.resolveSibling("report.json").toFile());
        dom = Jsoup.parse(renderedDom(html), html.toUri().toString());
    }

    @AfterAll
    static void stopTheEmulator() {
        if (adt != null) {
            adt.close();
        }
    }

    @Test
    void theRunEndsAsItsArchivedReportSays() {
        // then the run is PARTIAL (one row refused), and the report, archived with the batch, says the same
        assertThat(run.code()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("result     PARTIAL");
        assertThat(html.toString()).contains("archive");
        assertThat(json.path("result").asText()).isEqualTo("PARTIAL");
        assertThat(dom.select("[data-metric=result]").text()).isEqualTo("PARTIAL");
        assertThat(json.path("transform").path("rowsRejected").asLong()).isEqualTo(1);
        assertThat(json.path("write").path("twins").path("created").asLong()).isEqualTo(347);
        assertThat(json.path("errors").get(0).path("code").asText()).isEqualTo("INVALID_TWIN_ID");
        assertThat(json.path("errors").get(0).path("examples").get(0).path("id").asText())
                .contains("9001");
    }

    @Test
    void everyNumberTheBrowserShowsIsTheReportJsonsAndEveryOneOfThemIsShown() {
        // given the numbers of report.json, named as the page names them
        Map<String, String> expected = metrics(json);

        // when the rendered page's marked numbers are read (chart bars carry theirs in data-value)
        Map<String, List<String>> shown = new TreeMap<>();
        for (Element element : dom.select("[data-metric]")) {
            String metric = element.attr("data-metric");
            if (!metric.startsWith("timeline.")) {
                String value = element.hasAttr("data-value") ? element.attr("data-value") : element.text();
                shown.computeIfAbsent(metric, m -> new ArrayList<>()).add(value);
            }
        }

        // then the page shows exactly the JSON's numbers, each as the JSON has it
        assertThat(shown.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(shown).hasSizeGreaterThan(60);
        shown.forEach((metric, values) -> values.forEach(value -> {
            String want = expected.get(metric);
            if (metric.equals("batchId") || metric.equals("result")) {
                assertThat(value).as(metric).isEqualTo(want);
            } else {
                // counts exactly; seconds and rates as the page rounds them, to one decimal
                assertThat(Double.parseDouble(value.replace(",", "")))
                        .as(metric)
                        .isCloseTo(Double.parseDouble(want), within(0.051));
            }
        }));
    }

    @Test
    void theChartOfTheWriteOverTimeDrawsEveryBucketOfTheTimeline() {
        // given the timeline of report.json
        JsonNode buckets = json.path("timeline").path("buckets");
        assertThat(buckets.size()).isPositive();

        // when the chart's bars and points are read
        List<Element> requests = dom.select("svg#chart-timeline rect[data-metric=timeline.requests]");
        List<Element> throttled = dom.select("svg#chart-timeline rect[data-metric=timeline.throttled]");
        List<Element> items = dom.select("svg#chart-timeline circle[data-metric=timeline.items]");

        // then one of each per bucket, with the bucket's time and numbers, adding up to the write's
        assertThat(requests).hasSize(buckets.size());
        assertThat(throttled).hasSize(buckets.size());
        assertThat(items).hasSize(buckets.size());
        long requestSum = 0;
        long throttledSum = 0;
        long itemSum = 0;
        for (int i = 0; i < buckets.size(); i++) {
            JsonNode bucket = buckets.get(i);
            assertThat(requests.get(i).attr("data-at"))
                    .isEqualTo(bucket.path("at").asText());
            assertThat(requests.get(i).attr("data-value"))
                    .isEqualTo(bucket.path("requests").asText());
            assertThat(throttled.get(i).attr("data-value"))
                    .isEqualTo(bucket.path("throttled").asText());
            assertThat(items.get(i).attr("data-value"))
                    .isEqualTo(bucket.path("items").asText());
            requestSum += bucket.path("requests").asLong();
            throttledSum += bucket.path("throttled").asLong();
            itemSum += bucket.path("items").asLong();
        }
        JsonNode write = json.path("write");
        assertThat(requestSum).isEqualTo(write.path("requests").asLong());
        assertThat(throttledSum).isEqualTo(write.path("throttled").asLong());
        long done = 0;
        for (String kind : List.of("twins", "relationships")) {
            for (String action : ACTIONS) {
                done += write.path(kind).path(action).asLong();
            }
        }
        assertThat(itemSum).isEqualTo(done);
        assertThat(dom.select("svg#chart-entities rect")).isNotEmpty();
    }

    @Test
    void thePageNeedsNothingButItself() throws IOException {
        // then nothing is fetched: no script, stylesheet, image or frame from elsewhere, no address at all
        String source = Files.readString(html);
        assertThat(dom.select("script[src], link[href], img[src], iframe, object, embed"))
                .isEmpty();
        assertThat(source).doesNotContain("http://", "https://", "//cdn");
        assertThat(dom.select("style")).hasSize(1);
    }

    /** The page's DOM after Chromium rendered it. */
    private static String renderedDom(Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Path errors = dir.resolve("chromium-stderr.txt");
        Process browser = new ProcessBuilder(
                        chromium.toString(),
                        "--headless",
                        "--disable-gpu",
                        "--no-sandbox",
                        "--user-data-dir=" + profile,
                        "--dump-dom",
                        page.toUri().toString())
                .redirectError(errors.toFile())
                .start();
        byte[] out = browser.getInputStream().readAllBytes();
        assertThat(browser.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String rendered = new String(out, StandardCharsets.UTF_8);
        assertThat(browser.exitValue())
                .as("chromium --dump-dom: " + Files.readString(errors))
                .isZero();
        assertThat(rendered).as("the rendered DOM").contains("data-metric");
        return rendered;
    }

    /** The numbers of report.json by the names report.html marks them with. */
    private static Map<String, String> metrics(JsonNode report) {
        Map<String, String> metrics = new TreeMap<>();
        metrics.put("batchId", report.path("batchId").asText());
        metrics.put("result", report.path("result").asText());
        for (JsonNode stage : report.path("stages")) {
            String prefix = "stage." + stage.path("name").asText() + ".";
            metrics.put(prefix + "items", stage.path("items").asText());
            for (String field : List.of("seconds", "perSecond")) {
                if (stage.has(field)) {
                    metrics.put(prefix + field, stage.path(field).asText());
                }
            }
        }
        long rows = 0;
        for (Map.Entry<String, JsonNode> entity :
                report.path("extract").path("rowsByEntity").properties()) {
            metrics.put(
                    "extract.entity." + entity.getKey() + ".rows",
                    entity.getValue().asText());
            rows += entity.getValue().asLong();
        }
        metrics.put("extract.rows", Long.toString(rows));
        JsonNode transform = report.path("transform");
        for (String field : List.of("rowsRead", "twinFiles", "tombstones", "relationships", "rowsRejected")) {
            metrics.put("transform." + field, transform.path(field).asText());
        }
        for (Map.Entry<String, JsonNode> entity : transform.path("byEntity").properties()) {
            for (Map.Entry<String, JsonNode> count : entity.getValue().properties()) {
                metrics.put(
                        "transform.entity." + entity.getKey() + "." + count.getKey(),
                        count.getValue().asText());
            }
        }
        for (Map.Entry<String, JsonNode> reason :
                transform.path("rejectsByReason").properties()) {
            metrics.put(
                    "transform.rejectsByReason." + reason.getKey(),
                    reason.getValue().asText());
        }
        JsonNode write = report.path("write");
        for (String kind : List.of("twins", "relationships")) {
            for (String action : ACTIONS) {
                metrics.put(
                        "write." + kind + "." + action,
                        Long.toString(write.path(kind).path(action).asLong(0)));
            }
        }
        for (String field : List.of("requests", "retried", "throttled")) {
            metrics.put("write." + field, write.path(field).asText());
        }
        for (Map.Entry<String, JsonNode> entity : write.path("byEntity").properties()) {
            for (String kind : List.of("twins", "relationships")) {
                for (String action : ACTIONS) {
                    metrics.put(
                            "write.entity." + entity.getKey() + "." + kind + "." + action,
                            Long.toString(
                                    entity.getValue().path(kind).path(action).asLong(0)));
                }
            }
        }
        for (JsonNode error : report.path("errors")) {
            metrics.put(
                    "error." + error.path("stage").asText() + "."
                            + error.path("code").asText() + ".count",
                    error.path("count").asText());
        }
        return metrics;
    }
}
