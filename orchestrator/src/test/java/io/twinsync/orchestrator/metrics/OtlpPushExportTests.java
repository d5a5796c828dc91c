package io.twinsync.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OTLP export against a stand-in collector: one HTTP endpoint that keeps what is posted to it. */
class OtlpPushExportTests {

    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    record Posted(String path, String contentType, byte[] body) {}

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                posted.add(new Posted(
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        body.readAllBytes()));
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
    void theMetersArePushedToTheCollectorsUrlAsProtobufWhenTwinsyncStops() {
        // given
        String url = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/metrics";
        OtlpPushExport export = new OtlpPushExport(url);
        Counter.builder("twinsync.requests")
                .tag("api_class", "patches")
                .register(export.registry().orElseThrow())
                .increment(3);

        // when
        export.close();

        // then
        assertThat(posted).hasSize(1);
        Posted push = posted.get(0);
        assertThat(push.path()).isEqualTo("/v1/metrics");
        assertThat(push.contentType()).isEqualTo("application/x-protobuf");
        String body = new String(push.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains("twinsync.requests").contains("patches").contains("service.name");
    }

    @Test
    void aCollectorThatIsNotThereFailsNothing() throws IOException {
        // given a port nothing listens on
        int port;
        try (var socket = new java.net.ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OtlpPushExport export = new OtlpPushExport("http://127.0.0.1:" + port + "/v1/metrics");
        Counter.builder("twinsync.requests")
                .register(export.registry().orElseThrow())
                .increment();

        // when, then: logged in one line, not thrown
        assertThatCode(export::export).doesNotThrowAnyException();
        assertThatCode(export::close).doesNotThrowAnyException();
    }
}
