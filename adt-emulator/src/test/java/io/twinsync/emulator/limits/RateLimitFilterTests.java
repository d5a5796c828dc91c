package io.twinsync.emulator.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.emulator.http.ApiRequest;
import io.twinsync.emulator.http.ApiResponse;
import io.twinsync.emulator.http.Operation;
import io.twinsync.emulator.http.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitFilterTests {

    private static final RequestHandler OK = request -> ApiResponse.noContent();

    private final FakeClock clock = new FakeClock();

    @Test
    void aRequestOverItsClassLimitGets429WithRetryAfterAndTheServiceBody() {
        // given
        RateLimitFilter filter = new RateLimitFilter(RateLimits.unlimited().with(ApiClass.TWIN_READS, 2), clock);
        filter.filter(get("a"), OK);
        filter.filter(get("a"), OK);

        // when
        ApiResponse response = filter.filter(get("a"), OK);

        // then
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headers()).containsEntry("Retry-After", "1");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":{\"statusCode\":429,\"message\":\"Maximum request rate limit reached. The"
                        + " emulator allows 2 twin reads per second for this instance; retry after 1 s.\"}}");
    }

    @Test
    void eachWindowOfOneSecondAdmitsTheLimit() {
        // given
        RateLimitFilter filter = new RateLimitFilter(RateLimits.unlimited().with(ApiClass.TWIN_READS, 5), clock);

        // when 20 requests arrive in each of three seconds
        int[] admitted = new int[3];
        for (int second = 0; second < 3; second++) {
            for (int i = 0; i < 20; i++) {
                if (filter.filter(get("a"), OK).status() == 204) {
                    admitted[second]++;
                }
            }
            clock.advanceMillis(1_000);
        }

        // then
        assertThat(admitted).containsExactly(5, 5, 5);
    }

    @Test
    void classesAreCountedSeparately() {
        // given reads are used up
        RateLimitFilter filter = new RateLimitFilter(
                RateLimits.unlimited().with(ApiClass.TWIN_READS, 1).with(ApiClass.TWIN_PATCHES, 1), clock);
        filter.filter(get("a"), OK);

        // when
        ApiResponse patch = filter.filter(patch("a"), OK);

        // then
        assertThat(patch.status()).isEqualTo(204);
    }

    @Test
    void writesToOneTwinAreLimitedWhileAnotherTwinIsNot() {
        // given twin a has used its 10 writes of this second
        RateLimitFilter filter = new RateLimitFilter(RateLimits.defaults(), clock);
        for (int i = 0; i < 10; i++) {
            filter.filter(patch("a"), OK);
        }

        // when
        ApiResponse toA = filter.filter(patch("a"), OK);
        ApiResponse toB = filter.filter(patch("b"), OK);

        // then
        assertThat(toA.status()).isEqualTo(429);
        assertThat(new String(toA.body(), StandardCharsets.UTF_8)).contains("for twin 'a'");
        assertThat(toB.status()).isEqualTo(204);
    }

    @Test
    void aRelationshipWriteCountsAgainstItsSourceTwin() {
        // given
        RateLimitFilter filter =
                new RateLimitFilter(RateLimits.unlimited().with(ApiClass.SINGLE_TWIN_WRITES, 1), clock);
        filter.filter(patch("a"), OK);

        // when
        ApiResponse response = filter.filter(relationshipPut("a", "r1"), OK);

        // then
        assertThat(response.status()).isEqualTo(429);
    }

    @Test
    void aWriteRefusedForItsTwinDoesNotUseTheInstanceBudget() {
        // given one patch per second per instance, and twin a has used its one write
        RateLimitFilter filter = new RateLimitFilter(
                RateLimits.unlimited().with(ApiClass.TWIN_PATCHES, 2).with(ApiClass.SINGLE_TWIN_WRITES, 1), clock);
        filter.filter(patch("a"), OK);
        filter.filter(patch("a"), OK);

        // when
        ApiResponse toB = filter.filter(patch("b"), OK);

        // then the refused write to a left the second instance-wide patch for b
        assertThat(toB.status()).isEqualTo(204);
    }

    @Test
    void unlimitedClassesAndUnknownRequestsPass() {
        // given
        RateLimitFilter filter = new RateLimitFilter(RateLimits.unlimited().with(ApiClass.JOBS, 1), clock);

        // when
        long passed = java.util.stream.IntStream.range(0, 50)
                .filter(i -> filter.filter(get("a"), OK).status() == 204)
                .count();

        // then
        assertThat(passed).isEqualTo(50);
    }

    private static ApiRequest get(String twinId) {
        return request("GET", Operation.TWINS_GET, List.of(twinId));
    }

    private static ApiRequest patch(String twinId) {
        return request("PATCH", Operation.TWINS_PATCH, List.of(twinId));
    }

    private static ApiRequest relationshipPut(String sourceId, String relationshipId) {
        return request("PUT", Operation.RELATIONSHIPS_PUT, List.of(sourceId, relationshipId));
    }

    private static ApiRequest request(String method, Operation operation, List<String> parameters) {
        return new ApiRequest(
                method,
                "/digitaltwins/" + String.join("/", parameters),
                operation,
                parameters,
                Map.of(),
                Map.of(),
                new byte[0],
                "https://localhost");
    }
}
