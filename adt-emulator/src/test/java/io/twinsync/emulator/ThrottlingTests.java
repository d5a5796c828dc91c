package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsync.emulator.limits.ApiClass;
import io.twinsync.emulator.limits.RateLimits;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits over real HTTPS: ADT's 429 answer, the configured rate, the per-twin budget, and switching off. Tests
 * that expect throttling use a limit of 1 per second and open their connections first, so that even on a loaded
 * machine a burst arrives well within one second's budget.
 */
class ThrottlingTests {

    private static final int THREADS = 6;

    private static final String THROTTLED_BODY = "{\"error\":{\"statusCode\":429,\"message\":\"Maximum request rate"
            + " limit reached. The emulator allows 1 twin reads per second for this instance; retry after 1 s.\"}}";

    private AdtEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aBurstOverTheLimitIsAnswered429WithRetryAfterAndTheServiceBody() throws Exception {
        // given reads limited to 1 per second, and connections already open
        start(RateLimits.unlimited().with(ApiClass.TWIN_READS, 1), "a");
        RawHttp http = new RawHttp(emulator);
        warm(http);

        // when
        Burst.Result<HttpResponse<String>> burst = Burst.run(THREADS, 30, () -> http.get("/digitaltwins/a"));

        // then
        List<HttpResponse<String>> throttled = withStatus(burst.answers(), 429);
        assertThat(throttled).isNotEmpty();
        assertThat(throttled).allSatisfy(response -> {
            assertThat(response.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Integer.parseInt(seconds)).isGreaterThanOrEqualTo(1));
            assertThat(response.body()).isEqualTo(THROTTLED_BODY);
        });
        assertThat(withStatus(burst.answers(), 200).size() + throttled.size()).isEqualTo(30);
        assertThat(emulator.stats().throttled()).isEqualTo(throttled.size());
    }

    @Test
    void requestsWithABadApiVersionSpendNoRateLimitTokens() throws Exception {
        // given reads limited to 1 per second
        start(RateLimits.unlimited().with(ApiClass.TWIN_READS, 1), "a");
        RawHttp http = new RawHttp(emulator);

        // when three reads with an unsupported api-version come first
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/digitaltwins/a?api-version=1999-01-01").statusCode())
                    .isEqualTo(400);
        }
        HttpResponse<String> valid = http.get("/digitaltwins/a");

        // then the second's one token is still there for the valid read
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(emulator.stats().throttled()).isZero();
    }

    @Test
    void sustainedLoadIsAdmittedAtTheConfiguredRate() throws Exception {
        // given
        start(RateLimits.unlimited().with(ApiClass.TWIN_READS, 5), "a");
        RawHttp http = new RawHttp(emulator);

        // when four clients ask as fast as they can for two seconds
        long deadline = System.nanoTime() + 2_000_000_000L;
        Burst.Result<Integer> load = Burst.run(4, 4, () -> {
            int admitted = 0;
            while (System.nanoTime() < deadline) {
                if (http.get("/digitaltwins/a").statusCode() == 200) {
                    admitted++;
                }
            }
            return admitted;
        });

        // then: one second's worth at once, then 5 per second, never more
        int admitted = load.answers().stream().mapToInt(Integer::intValue).sum();
        assertThat(admitted).isGreaterThanOrEqualTo(10);
        assertThat(admitted).isLessThanOrEqualTo(5 + (int) Math.ceil(5 * load.elapsedSeconds()));
        assertThat(emulator.stats().throttled()).isPositive();
    }

    @Test
    void theSdkWithItsDefaultRetryPolicyRecoversFromThrottling() throws Exception {
        // given reads limited to 1 per second, and the client's connections already open
        start(RateLimits.unlimited().with(ApiClass.TWIN_READS, 1), "a");
        DigitalTwinsClient client = SdkClients.sync(emulator);
        Burst.run(3, 3, () -> client.getModel(TestModels.ASSET));

        // when three reads arrive at once, three times the limit (each needs at most two retries)
        Burst.Result<BasicDigitalTwin> burst =
                Burst.run(3, 3, () -> client.getDigitalTwin("a", BasicDigitalTwin.class));

        // then every read succeeded, some after a 429
        assertThat(burst.answers()).hasSize(3).allSatisfy(twin -> assertThat(twin.getId())
                .isEqualTo("a"));
        assertThat(emulator.stats().throttled()).isPositive();
    }

    @Test
    void writesToOneTwinAreLimitedWhileWritesToAnotherPass() throws Exception {
        // given 2 writes per second to one twin (the PUT that created each twin used one), connections open
        start(RateLimits.unlimited().with(ApiClass.SINGLE_TWIN_WRITES, 2), "a", "b");
        RawHttp http = new RawHttp(emulator);
        warm(http);
        String patch = "[{\"op\":\"add\",\"path\":\"/serial\",\"value\":\"s-1\"}]";

        // when one burst writes 23 times to 'a' and, in the middle of it, once to 'b'
        AtomicInteger calls = new AtomicInteger();
        Burst.Result<Map.Entry<String, HttpResponse<String>>> burst = Burst.run(THREADS, 24, () -> {
            String twin = calls.getAndIncrement() == 12 ? "b" : "a";
            return Map.entry(twin, http.patch("/digitaltwins/" + twin, patch));
        });

        // then
        List<HttpResponse<String>> toA = answersFor(burst, "a");
        List<HttpResponse<String>> toB = answersFor(burst, "b");
        assertThat(withStatus(toA, 429)).isNotEmpty().allSatisfy(response -> assertThat(response.body())
                .contains("2 writes to one twin and its relationships per second for twin 'a'"));
        assertThat(withStatus(toA, 204)).isNotEmpty();
        assertThat(toB).singleElement().satisfies(response -> assertThat(response.statusCode())
                .isEqualTo(204));
    }

    @Test
    void withLimitsOffABurstIsNeverThrottled() throws Exception {
        // given
        start(RateLimits.unlimited(), "a");
        RawHttp http = new RawHttp(emulator);
        String patch = "[{\"op\":\"add\",\"path\":\"/serial\",\"value\":\"s-1\"}]";

        // when
        Burst.Result<HttpResponse<String>> reads = Burst.run(8, 300, () -> http.get("/digitaltwins/a"));
        Burst.Result<HttpResponse<String>> writes = Burst.run(8, 50, () -> http.patch("/digitaltwins/a", patch));

        // then
        assertThat(withStatus(reads.answers(), 200)).hasSize(300);
        assertThat(withStatus(writes.answers(), 204)).hasSize(50);
        assertThat(emulator.stats().throttled()).isZero();
    }

    @Test
    void anEmulatorAppliesTheServiceLimitsUnlessToldOtherwise() {
        // when
        emulator = AdtEmulator.builder().start();

        // then
        assertThat(emulator.rateLimits()).isEqualTo(RateLimits.defaults());
    }

    private void start(RateLimits limits, String... twinIds) {
        emulator = TestEmulators.builder().rateLimits(limits).start();
        DigitalTwinsClient client = SdkClients.sync(emulator);
        client.createModels(List.of(TestModels.ASSET_JSON));
        for (String id : twinIds) {
            client.createOrReplaceDigitalTwin(
                    id,
                    new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.ASSET)),
                    BasicDigitalTwin.class);
        }
    }

    /** Opens the client's connections with unlimited model reads, so the burst does not wait for TLS handshakes. */
    private static void warm(RawHttp http) throws InterruptedException {
        Burst.run(THREADS, THREADS, () -> http.get("/models"));
    }

    private static List<HttpResponse<String>> answersFor(
            Burst.Result<Map.Entry<String, HttpResponse<String>>> burst, String twin) {
        return burst.answers().stream()
                .filter(answer -> answer.getKey().equals(twin))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static List<HttpResponse<String>> withStatus(List<HttpResponse<String>> responses, int status) {
        return responses.stream()
                .filter(response -> response.statusCode() == status)
                .toList();
    }
}
