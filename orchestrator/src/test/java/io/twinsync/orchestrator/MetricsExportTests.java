package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.staging.manifest.BatchManifest;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code twinsync.metrics.export=prometheus} through the CLI: a run leaves a Prometheus text file whose request
 * counters add up to what the batch's manifest says the write sent, beside Spring Batch's job and step timers.
 */
@SpringBootTest
class MetricsExportTests {

    static final Path home = CliRun.newHome("metrics-");
    static final Path file = home.resolve("textfile/twinsync.prom");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
        registry.add("twinsync.metrics.export", () -> "prometheus");
        registry.add("twinsync.metrics.prometheus-file", file::toString);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Test
    void aRunWritesTheRequestCountersTheManifestCountsAndSpringBatchsJobAndStepTimers() throws IOException {
        // when
        CliRun run = CliRun.of(cli, "run");

        // then
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = CliRun.latestManifest(home);
        assertThat(manifest.write().requests()).isPositive();
        List<Sample> samples = Sample.parse(Files.readString(file));
        assertThat(sum(samples, "twinsync_requests_total", Map.of()))
                .isEqualTo(manifest.write().requests());
        assertThat(sum(samples, "twinsync_requests_total", Map.of("api_class", "creates-deletes", "retry", "false")))
                .isGreaterThanOrEqualTo(manifest.write().twins().created());
        assertThat(sum(samples, "twinsync_request_latency_seconds_count", Map.of()))
                .isEqualTo(manifest.write().requests());
        assertThat(sum(samples, "twinsync_write_requests_total", Map.of()))
                .isEqualTo(manifest.write().requests());
        assertThat(sum(samples, "twinsync_items_total", Map.of("kind", "twins", "outcome", "created")))
                .isEqualTo(manifest.write().twins().created())
                .isPositive();
        assertThat(sum(samples, "twinsync_items_total", Map.of("kind", "relationships", "outcome", "created")))
                .isEqualTo(manifest.write().relationships().created());
        assertThat(sum(
                        samples,
                        "spring_batch_job_seconds_count",
                        Map.of("spring_batch_job_name", "sync", "spring_batch_job_status", "COMPLETED")))
                .isEqualTo(1);
        for (String step : List.of("extract", "transform", "writeTwins", "writeRelationships", "record")) {
            assertThat(sum(
                            samples,
                            "spring_batch_step_seconds_count",
                            Map.of("spring_batch_step_name", step, "spring_batch_step_job_name", "sync")))
                    .as(step)
                    .isEqualTo(1);
        }
        // every partition's step too, as Spring Batch names its executions
        assertThat(samples).anySatisfy(sample -> assertThat(sample.labels().get("spring_batch_step_name"))
                .startsWith("writeTwinsPartition:"));
        // written beside, then moved: no temporary file left
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        // readable by node_exporter, which runs as another user
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-r--r--");
        }
    }

    private static long sum(List<Sample> samples, String name, Map<String, String> labels) {
        return Math.round(samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value)
                .sum());
    }

    /** One line of the Prometheus text format: {@code name{label="value",...} 1.0}. */
    record Sample(String name, Map<String, String> labels, double value) {

        private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        static List<Sample> parse(String text) {
            return text.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(Sample::of)
                    .toList();
        }

        private static Sample of(String line) {
            Matcher matcher = LINE.matcher(line);
            assertThat(matcher.matches()).as(line).isTrue();
            Map<String, String> labels = new java.util.LinkedHashMap<>();
            if (matcher.group(2) != null) {
                Matcher label = LABEL.matcher(matcher.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            return new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3)));
        }
    }
}
