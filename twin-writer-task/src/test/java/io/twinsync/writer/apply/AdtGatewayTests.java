package io.twinsync.writer.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.AdtClients;
import io.twinsync.writer.AdtTarget;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.limit.RequestLimiter;
import io.twinsync.writer.retry.Attempts;
import io.twinsync.writer.retry.RequestCounters;
import io.twinsync.writer.retry.RequestRetrier;
import io.twinsync.writer.retry.RetryPolicy;
import io.twinsync.writer.retry.RetrySchedule;
import io.twinsync.writer.retry.TargetCircuitBreaker;
import io.twinsync.writer.support.ScriptedHttpClient;
import io.twinsync.writer.support.StubHttpResponse;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The gateway over a real SDK client whose HTTP client answers from a script. */
class AdtGatewayTests {

    private static final String TWIN = "{\"$dtId\":\"p1\",\"$etag\":\"W/\\\"e1\\\"\",\"$metadata\":"
            + "{\"$model\":\"dtmi:x:Pump;1\"},\"rpm\":12.50}";

    private final RequestCounters counters = new RequestCounters();
    private final List<Duration> waits = new ArrayList<>();

    @Test
    void retriesA503AndReturnsTheTwinWithItsEtag() {
        // given
        ScriptedHttpClient http = new ScriptedHttpClient(
                request -> StubHttpResponse.json(request, 503, "{\"error\":{\"code\":\"ServiceUnavailable\"}}"),
                request -> new StubHttpResponse(
                        request,
                        200,
                        new HttpHeaders()
                                .set(HttpHeaderName.CONTENT_TYPE, "application/json")
                                .set(HttpHeaderName.ETAG, "W/\"e1\""),
                        TWIN));
        AdtGateway adt = gateway(http, 3);

        // when
        Optional<Versioned> twin = adt.getTwin("p1", new Attempts());

        // then
        assertThat(twin).get().extracting(Versioned::etag).isEqualTo("W/\"e1\"");
        assertThat(twin.get().json().get("rpm").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(http.sent()).containsExactly("GET /digitaltwins/p1", "GET /digitaltwins/p1");
        assertThat(counters.retried()).isEqualTo(1);
    }

    @Test
    void sendsEachAttemptOnceBecauseTheSdkRetriesAreOff() {
        // given two 503s and then a 404 (an SDK retrying itself would send all three in the writer's first attempt)
        ScriptedHttpClient http = new ScriptedHttpClient(
                request -> StubHttpResponse.json(request, 503, "{\"error\":{\"code\":\"ServiceUnavailable\"}}"),
                request -> StubHttpResponse.json(request, 503, "{\"error\":{\"code\":\"ServiceUnavailable\"}}"),
                request -> StubHttpResponse.json(request, 404, "{\"error\":{\"code\":\"DigitalTwinNotFound\"}}"));
        AdtGateway adt = gateway(http, 2);

        // when
        adt.getTwin("p1", new Attempts());

        // then
        assertThat(http.sent()).hasSize(3);
        assertThat(counters.requests()).isEqualTo(3);
    }

    @Test
    void answersAbsentWhenTheTwinIsNotFound() {
        // given
        ScriptedHttpClient http = new ScriptedHttpClient(request -> StubHttpResponse.json(
                request, 404, "{\"error\":{\"code\":\"DigitalTwinNotFound\",\"message\":\"There is no twin\"}}"));

        // when
        Optional<Versioned> twin = gateway(http, 3).getTwin("p1", new Attempts());

        // then
        assertThat(twin).isEmpty();
        assertThat(http.sent()).hasSize(1);
    }

    @Test
    void reportsTheServiceErrorCodeAndMessage() {
        // given
        ScriptedHttpClient http = new ScriptedHttpClient(request -> StubHttpResponse.json(
                request,
                404,
                "{\"error\":{\"code\":\"TargetTwinNotFound\",\"message\":\"The target twin t9 does not exist\"}}"));
        ObjectNode relationship = StagingJson.mapper()
                .createObjectNode()
                .put("$relationshipId", "r1")
                .put("$targetId", "t9")
                .put("$relationshipName", "feeds");

        // when / then
        assertThatThrownBy(() -> gateway(http, 3).createRelationship("p1", "r1", relationship, new Attempts()))
                .satisfies(e -> assertThat(AdtError.of(e))
                        .isEqualTo(new AdtError(404, "TargetTwinNotFound", "The target twin t9 does not exist")));
    }

    private AdtGateway gateway(ScriptedHttpClient http, int maxRetries) {
        DigitalTwinsClient client = AdtClients.builder(
                        AdtTarget.azure(URI.create("https://adt.test")), WriterSettings.defaults())
                .httpClient(http)
                .credential(request ->
                        Mono.just(new AccessToken("token", OffsetDateTime.now().plusHours(1))))
                .buildClient();
        RetrySchedule schedule = new RetrySchedule(Duration.ofMillis(10), Duration.ofMillis(100));
        RetryPolicy policy = new RetryPolicy(maxRetries, schedule, Duration.ofMinutes(10));
        TargetCircuitBreaker circuit = new TargetCircuitBreaker("https://adt.test", Duration.ofHours(1), "Stopped.");
        return new AdtGateway(client, new RequestRetrier(policy, waits::add, counters, RequestLimiter.none(), circuit));
    }
}
