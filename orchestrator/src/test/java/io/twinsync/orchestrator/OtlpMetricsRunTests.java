package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code twinsync.metrics.export=otlp} as {@code java -jar twinsync.jar run} runs it, against a stand-in collector
 * (one HTTP endpoint that keeps what is posted): the run's stop pushes Spring Batch's timers and the requests.
 */
class OtlpMetricsRunTests {

    private final List<String> pushed = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/v1/metrics", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                pushed.add(new String(body.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void aRunPushesTheJobStepAndRequestMetersWhenItStops() {
        // given
        Path home = CliRun.newHome("metrics-otlp-");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("TWINSYNC_HOME", home.toString());
        variables.put("TWINSYNC_METRICS_EXPORT", "otlp");
        variables.put(
                "TWINSYNC_METRICS_OTLP_URL",
                "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/metrics");

        // when
        StartedTwinsync run = StartedTwinsync.run(variables, Map.of(), "run");

        // then
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(pushed).isNotEmpty();
        String last = pushed.get(pushed.size() - 1);
        assertThat(last)
                .contains("spring.batch.job")
                .contains("spring.batch.step")
                .contains("writeTwinsPartition:")
                .contains("twinsync.requests")
                .contains("creates-deletes")
                .contains("twinsync.items")
                .contains("service.name");
        assertThat(run.output()).doesNotContain("Cannot push metrics");
    }
}
