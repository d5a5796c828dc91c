package io.twinsync.writer.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import io.twinsync.writer.limit.ApiClass;
import io.twinsync.writer.limit.FakePacer;
import io.twinsync.writer.limit.RateLimits;
import io.twinsync.writer.limit.RequestKind;
import io.twinsync.writer.limit.RequestLimiter;
import io.twinsync.writer.support.StubHttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RequestRetrierTests {

    private final List<Duration> waits = new ArrayList<>();
    private final RequestCounters counters = new RequestCounters();
    private final RequestRetrier retrier = new RequestRetrier(
            3,
            new RetrySchedule(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.0),
            waits::add,
            counters,
            RequestLimiter.none());

    @Test
    void waitsAsLongAsRetryAfterSaysAfterA429() {
        // given
        Supplier<String> request =
                failingThen(1, () -> error(429, new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "7")));

        // when
        String result = retrier.call(RequestKind.read("GET twin"), new Attempts(), request);

        // then
        assertThat(result).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(counters.throttled()).isEqualTo(1);
    }

    @Test
    void aRetryAfterLongerThanTheLongestBackoffIsCutToIt() {
        // given a 429 asking for an hour, and at most 10 s between retries
        Supplier<String> request =
                failingThen(1, () -> error(429, new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "3600")));

        // when
        String result = retrier.call(RequestKind.read("GET twin"), new Attempts(), request);

        // then it waits 10 s, not an hour
        assertThat(result).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void prefersRetryAfterMillisecondsOverSeconds() {
        // given
        HttpHeaders headers = new HttpHeaders()
                .set(HttpHeaderName.RETRY_AFTER, "7")
                .set(HttpHeaderName.fromString("x-ms-retry-after-ms"), "250");
        Supplier<String> request = failingThen(1, () -> error(429, headers));

        // when
        retrier.call(RequestKind.read("GET twin"), new Attempts(), request);

        // then
        assertThat(waits).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void backsOffWhenA429HasNoRetryAfter() {
        // given
        Supplier<String> request = failingThen(2, () -> error(429, new HttpHeaders()));

        // when
        retrier.call(RequestKind.read("GET twin"), new Attempts(), request);

        // then
        assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void givesUpAfterMaxRetriesAndThrowsTheLastFailure() {
        // given
        Supplier<String> request = failingThen(100, () -> error(503, new HttpHeaders()));
        Attempts attempts = new Attempts();

        // when / then
        assertThatThrownBy(() -> retrier.call(RequestKind.read("GET twin"), attempts, request))
                .isInstanceOf(HttpResponseException.class);
        assertThat(attempts.count()).isEqualTo(4);
        assertThat(counters.requests()).isEqualTo(4);
        assertThat(counters.retried()).isEqualTo(3);
    }

    @Test
    void retriesIoErrors() {
        // given
        Supplier<String> request = failingThen(1, () -> new UncheckedIOException(new IOException("reset")));

        // when
        String result = retrier.call(RequestKind.read("GET twin"), new Attempts(), request);

        // then
        assertThat(result).isEqualTo("ok");
        assertThat(counters.retried()).isEqualTo(1);
    }

    @Test
    void doesNotRetryABadRequest() {
        // given
        Supplier<String> request = failingThen(1, () -> error(400, new HttpHeaders()));
        Attempts attempts = new Attempts();

        // when / then
        assertThatThrownBy(() -> retrier.call(RequestKind.read("PUT twin"), attempts, request))
                .isInstanceOf(HttpResponseException.class);
        assertThat(attempts.count()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void retriesAPermanentErrorTheCallerNamesAsTransient() {
        // given
        Supplier<String> request = failingThen(1, () -> error(400, new HttpHeaders()));

        // when
        String result = retrier.call(RequestKind.read("DELETE twin"), new Attempts(), request, e -> true);

        // then
        assertThat(result).isEqualTo("ok");
    }

    @Test
    void aThrottleHoldsBackTheOtherRequestsOfItsClassThroughTheLimiter() {
        // given a retrier with a rate limiter on a clock that moves only when someone waits
        FakePacer clock = new FakePacer();
        long start = clock.nanoTime();
        RequestLimiter limiter = new RequestLimiter(RateLimits.serviceDefaults(), clock);
        RequestRetrier limited = new RequestRetrier(
                3,
                new RetrySchedule(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.0),
                waits::add,
                counters,
                limiter);

        // when one patch is throttled with Retry-After: 4 (its own retry waits through the sleeper)
        limited.call(
                RequestKind.patch("pump-1", "PATCH twin pump-1"),
                new Attempts(),
                failingThen(1, () -> error(429, new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "4"))));
        long afterFirst = clock.nanoTime() - start;
        // and then another twin is patched
        limited.call(RequestKind.patch("pump-2", "PATCH twin pump-2"), new Attempts(), () -> "ok");

        // then the other patch was held until the 4 s had passed, and patches are now slower than the limit
        assertThat(afterFirst).isGreaterThanOrEqualTo(Duration.ofSeconds(4).toNanos());
        assertThat(limiter.currentRate(ApiClass.PATCHES)).isLessThan(1_000);
        assertThat(counters.throttled()).isEqualTo(1);
    }

    @Test
    void aRetryAfterOfAnHourHoldsTheClassNoLongerThanTheLongestBackoff() {
        // given a retrier with a limiter on a clock that moves only when someone waits, at most 10 s between retries
        FakePacer clock = new FakePacer();
        long start = clock.nanoTime();
        RequestRetrier limited = new RequestRetrier(
                3,
                new RetrySchedule(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.0),
                waits::add,
                counters,
                new RequestLimiter(RateLimits.serviceDefaults(), clock));

        // when a patch is throttled with Retry-After: 3600, and another patch follows
        limited.call(
                RequestKind.patch("pump-1", "PATCH twin pump-1"),
                new Attempts(),
                failingThen(1, () -> error(429, new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "3600"))));
        limited.call(RequestKind.patch("pump-2", "PATCH twin pump-2"), new Attempts(), () -> "ok");

        // then the class was held for 10 s, not an hour
        assertThat(clock.nanoTime() - start)
                .isBetween(
                        Duration.ofSeconds(10).toNanos(), Duration.ofSeconds(11).toNanos());
    }

    private static Supplier<String> failingThen(int failures, Supplier<RuntimeException> failure) {
        AtomicInteger calls = new AtomicInteger();
        return () -> {
            if (calls.incrementAndGet() <= failures) {
                throw failure.get();
            }
            return "ok";
        };
    }

    private static HttpResponseException error(int status, HttpHeaders headers) {
        return new HttpResponseException("status " + status, StubHttpResponse.of(status, headers, "{}"));
    }
}
