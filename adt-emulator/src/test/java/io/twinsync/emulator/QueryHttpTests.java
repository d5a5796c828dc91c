package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wire format of {@code POST /query}, seen with a plain HTTP client. */
class QueryHttpTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AdtEmulator emulator;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.start();
        QueryGraphLoader.load(SdkClients.sync(emulator));
        http = HttpClient.newBuilder().sslContext(emulator.trustingSslContext()).build();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aPageHasValueContinuationTokenAndQueryCharge() throws Exception {
        // when
        HttpResponse<String> first = post("{\"query\": \"SELECT T.$dtId FROM DIGITALTWINS T\"}", "10");
        JsonNode body = JSON.readTree(first.body());
        HttpResponse<String> second = post(
                JSON.createObjectNode()
                        .put("continuationToken", body.path("continuationToken").asText())
                        .toString(),
                "10");
        JsonNode last = JSON.readTree(second.body());

        // then
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("query-charge"))
                .hasValueSatisfying(
                        charge -> assertThat(Double.parseDouble(charge)).isPositive());
        assertThat(body.path("value")).hasSize(10);
        assertThat(body.path("value").get(0).toString()).isEqualTo("{\"$dtId\":\"bldg\"}");
        assertThat(body.path("continuationToken").isTextual()).isTrue();
        assertThat(last.path("value")).hasSize(9);
        assertThat(last.has("continuationToken")).isTrue();
        assertThat(last.path("continuationToken").isNull()).isTrue();
    }

    @Test
    void withoutMaxItemsPerPageOnePageHoldsUpToAThousandItems() throws Exception {
        // when
        HttpResponse<String> response = post("{\"query\": \"SELECT * FROM DIGITALTWINS\"}", null);

        // then
        assertThat(JSON.readTree(response.body()).path("value")).hasSize(19);
    }

    @Test
    void aForgedContinuationTokenAnswers400() throws Exception {
        // when
        HttpResponse<String> response = post("{\"continuationToken\": \"eyJ2IjoxfQ\"}", null);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("InvalidArgument", "is not one this emulator issued");
    }

    @Test
    void aBodyWithoutQueryOrTokenAnswers400() throws Exception {
        // when
        HttpResponse<String> response = post("{}", null);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("InvalidArgument", "neither a \\\"query\\\" nor a");
    }

    private static HttpResponse<String> post(String body, String maxItemsPerPage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(emulator.endpoint() + "/query?api-version=2023-10-31"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (maxItemsPerPage != null) {
            request.header("max-items-per-page", maxItemsPerPage);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
