package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsync.emulator.limits.ApiClass;
import io.twinsync.emulator.limits.RateLimits;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate limits over real HTTPS: ADT's 429 answer, the configured rate, the per-twin budget, and switching off. */
class ThrottlingTests {

    private static final String THROTTLED_BODY = "{\"error\":{\"statusCode\":429,\"message\":\"Maximum request rate"
            + " limit reached. The emulator allows 5 twin reads per second for this instance; retry after 1 s.\"}}";

    private AdtEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aBurstOverTheLimitIsAnswered429WithRetryAfterAndTheServiceBody() throws Exception {
        // given reads limited to 5 per second
        start(RateLimits.unlimited().with(ApiClass.TWIN_READS, 5), "a");
        RawHttp http = new RawHttp(emulator);

        // when
        Burst.Result<HttpResponse<String>> burst = Burst.run(6, 30, () -> http.get("/digitaltwins/a"));

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
        // given
        start(RateLimits.unlimited().with(ApiClass.TWIN_READS, 5), "a");
        DigitalTwinsClient client = SdkClients.sync(emulator);

        // when ten reads arrive at once, twice the limit
        Burst.Result<BasicDigitalTwin> burst =
                Burst.run(10, 10, () -> client.getDigitalTwin("a", BasicDigitalTwin.class));

        // then every read succeeded, some after a 429
        assertThat(burst.answers()).hasSize(10).allSatisfy(twin -> assertThat(twin.getId())
                .isEqualTo("a"));
        assertThat(emulator.stats().throttled()).isPositive();
    }

    @Test
    void writesToOneTwinAreLimitedWhileWritesToAnotherPass() throws Exception {
        // given the service's limits: 10 writes per second to one twin
        start(RateLimits.defaults(), "a", "b");
        RawHttp http = new RawHttp(emulator);
        String patch = "[{\"op\":\"add\",\"path\":\"/serial\",\"value\":\"s-1\"}]";

        // when
        Burst.Result<HttpResponse<String>> toA = Burst.run(5, 25, () -> http.patch("/digitaltwins/a", patch));
        Burst.Result<HttpResponse<String>> toB = Burst.run(5, 5, () -> http.patch("/digitaltwins/b", patch));

        // then
        List<HttpResponse<String>> throttled = withStatus(toA.answers(), 429);
        assertThat(throttled).isNotEmpty().allSatisfy(response -> assertThat(response.body())
                .contains("10 writes to one twin and its relationships per second for twin 'a'"));
        assertThat(withStatus(toA.answers(), 204).size())
                .isLessThanOrEqualTo(10 + (int) Math.ceil(10 * toA.elapsedSeconds()));
        assertThat(toB.answers())
                .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(204));
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

    private static List<HttpResponse<String>> withStatus(List<HttpResponse<String>> responses, int status) {
        return responses.stream()
                .filter(response -> response.statusCode() == status)
                .toList();
    }
}
