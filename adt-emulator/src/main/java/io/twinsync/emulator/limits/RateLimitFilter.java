package io.twinsync.emulator.limits;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.http.ApiRequest;
import io.twinsync.emulator.http.ApiResponse;
import io.twinsync.emulator.http.RequestFilter;
import io.twinsync.emulator.http.RequestHandler;
import io.twinsync.emulator.json.EmulatorJson;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * Answers 429 with {@code Retry-After} once a request exceeds its {@link ApiClass}'s per-second limit, as ADT does.
 * A write to a twin or one of its relationships must also fit within that twin's {@link ApiClass#SINGLE_TWIN_WRITES}
 * budget; a request refused by either limit uses up neither. Place it early in the pipeline, after counting.
 */
public final class RateLimitFilter implements RequestFilter {

    private static final long SECOND = 1_000_000_000L;

    private final RateLimits limits;
    private final LongSupplier nanoClock;
    private final Map<ApiClass, RateBucket> instanceBuckets = new EnumMap<>(ApiClass.class);
    private final TwinRateBuckets twinBuckets;

    public RateLimitFilter(RateLimits limits) {
        this(limits, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime} */
    RateLimitFilter(RateLimits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        long now = nanoClock.getAsLong();
        for (ApiClass apiClass : ApiClass.values()) {
            if (apiClass != ApiClass.SINGLE_TWIN_WRITES) {
                limits.limit(apiClass).ifPresent(limit -> instanceBuckets.put(apiClass, new RateBucket(limit, now)));
            }
        }
        OptionalInt perTwin = limits.limit(ApiClass.SINGLE_TWIN_WRITES);
        this.twinBuckets = perTwin.isPresent() ? new TwinRateBuckets(perTwin.getAsInt()) : null;
    }

    @Override
    public ApiResponse filter(ApiRequest request, RequestHandler next) {
        Optional<ApiClass> apiClass = ApiClass.of(request.operation());
        long now = nanoClock.getAsLong();
        RateBucket instanceBucket = apiClass.map(instanceBuckets::get).orElse(null);
        if (instanceBucket != null) {
            long wait = instanceBucket.tryAcquire(now);
            if (wait > 0) {
                return throttled(wait, apiClass.get(), "this instance");
            }
        }
        if (twinBuckets != null && ApiClass.countsAgainstTwin(request.operation())) {
            String twinId = request.pathParameter(0);
            long wait = twinBuckets.tryAcquire(twinId, now);
            if (wait > 0) {
                if (instanceBucket != null) {
                    instanceBucket.release();
                }
                return throttled(wait, ApiClass.SINGLE_TWIN_WRITES, "twin '" + twinId + "'");
            }
        }
        return next.handle(request);
    }

    /** The limits this filter applies. */
    public RateLimits limits() {
        return limits;
    }

    private ApiResponse throttled(long waitNanos, ApiClass apiClass, String scope) {
        long retryAfterSeconds = Math.max(1, (waitNanos + SECOND - 1) / SECOND);
        int limit = limits.limit(apiClass).orElseThrow();
        ObjectNode body = EmulatorJson.object();
        ObjectNode error = body.putObject("error");
        // ADT's throttling body carries statusCode, not the code of its other errors.
        error.put("statusCode", 429);
        error.put(
                "message",
                "Maximum request rate limit reached. The emulator allows " + limit + " "
                        + apiClass.description() + " per second for " + scope + "; retry after " + retryAfterSeconds
                        + " s.");
        return ApiResponse.json(429, body).withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
}
