package io.twinsync.writer.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsync.writer.AdtClients;
import io.twinsync.writer.AdtTarget;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.limit.RequestLimiter;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.retry.Attempts;
import io.twinsync.writer.retry.RequestCounters;
import io.twinsync.writer.retry.RequestRetrier;
import io.twinsync.writer.retry.RetryPolicy;
import io.twinsync.writer.retry.RetrySchedule;
import io.twinsync.writer.retry.TargetCircuitBreaker;
import io.twinsync.writer.support.ScriptedHttpClient;
import io.twinsync.writer.support.StubHttpResponse;
import io.twinsync.writer.support.TestBatches;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Conflicts and refusals that the emulator cannot easily stage, over a scripted HTTP client. */
class TwinApplierTests {

    @Test
    void readsAndPlansAgainWhenTheTwinChangedBetweenReadAndPatch() {
        // given
        ScriptedHttpClient http = new ScriptedHttpClient(
                twin("W/\"e1\"", 1200),
                request -> StubHttpResponse.json(
                        request, 412, "{\"error\":{\"code\":\"PreconditionFailed\",\"message\":\"ETag mismatch\"}}"),
                twin("W/\"e2\"", 1300),
                request ->
                        new StubHttpResponse(request, 204, new HttpHeaders().set(HttpHeaderName.ETAG, "W/\"e3\""), ""));
        Attempts attempts = new Attempts();

        // when
        Step step = new TwinApplier(gateway(http)).apply(TestBatches.pump("pump-1", 1500), attempts);

        // then
        assertThat(step.action()).isEqualTo(ItemAction.PATCHED);
        assertThat(step.etag()).isEqualTo("W/\"e3\"");
        assertThat(http.sent())
                .containsExactly(
                        "GET /digitaltwins/pump-1",
                        "PATCH /digitaltwins/pump-1",
                        "GET /digitaltwins/pump-1",
                        "PATCH /digitaltwins/pump-1");
        assertThat(attempts.count()).isEqualTo(4);
    }

    @Test
    void refusesToChangeATwinsModelWithoutSendingAPatch() {
        // given
        ScriptedHttpClient http = new ScriptedHttpClient(request -> StubHttpResponse.json(
                request,
                200,
                "{\"$dtId\":\"pump-1\",\"$etag\":\"W/\\\"e1\\\"\",\"$metadata\":{\"$model\":\"dtmi:x:Other;1\"}}"));

        // when
        Step step = new TwinApplier(gateway(http)).apply(TestBatches.pump("pump-1", 1500), new Attempts());

        // then
        assertThat(step.action()).isEqualTo(ItemAction.FAILED);
        assertThat(step.errorCode()).isEqualTo("ModelChanged");
        assertThat(step.message()).contains("dtmi:x:Other;1").contains(TestBatches.PUMP_MODEL);
        assertThat(http.sent()).containsExactly("GET /digitaltwins/pump-1");
    }

    private static Function<HttpRequest, HttpResponse> twin(String etag, double rpm) {
        String body =
                "{\"$dtId\":\"pump-1\",\"$etag\":\"" + etag.replace("\"", "\\\"") + "\",\"$metadata\":{\"$model\":\""
                        + TestBatches.PUMP_MODEL + "\"},\"name\":\"Pump pump-1\",\"rpm\":" + rpm + "}";
        return request -> new StubHttpResponse(
                request,
                200,
                new HttpHeaders()
                        .set(HttpHeaderName.CONTENT_TYPE, "application/json")
                        .set(HttpHeaderName.ETAG, etag),
                body);
    }

    private static AdtGateway gateway(ScriptedHttpClient http) {
        DigitalTwinsClient client = AdtClients.builder(
                        AdtTarget.azure(URI.create("https://adt.test")), WriterSettings.defaults())
                .httpClient(http)
                .credential(request ->
                        Mono.just(new AccessToken("token", OffsetDateTime.now().plusHours(1))))
                .buildClient();
        RetrySchedule schedule = new RetrySchedule(Duration.ofMillis(10), Duration.ofMillis(100));
        return new AdtGateway(
                client,
                new RequestRetrier(
                        new RetryPolicy(0, schedule, Duration.ofMinutes(10)),
                        wait -> {},
                        new RequestCounters(),
                        RequestLimiter.none(),
                        new TargetCircuitBreaker("https://adt.test", Duration.ofHours(1), "Stopped.")));
    }
}
