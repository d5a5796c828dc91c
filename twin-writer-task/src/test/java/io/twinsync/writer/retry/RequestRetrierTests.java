package io.twinsync.writer.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import io.twinsync.writer.TargetUnreachableException;
import io.twinsync.writer.apply.AdtError;
import io.twinsync.writer.limit.ApiClass;
import io.twinsync.writer.limit.FakePacer;
import io.twinsync.writer.limit.RateLimits;
import io.twinsync.writer.limit.RequestKind;
import io.twinsync.writer.limit.RequestLimiter;
import io.twinsync.writer.support.StubHttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RequestRetrierTests {

    private static final RetrySchedule SCHEDULE =
            new RetrySchedule(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.0);

    private static final String STOPPED = "The write stopped early.";

    /** A clock that moves only when the retrier sleeps: the circuit breaker reads it. */
    private final AtomicLong nanos = new AtomicLong();

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper sleeper = wait -> {
        waits.add(wait);
        nanos.addAndGet(wait.toNanos());
    };
    private final RequestCounters counters = new RequestCounters();
    private final TargetCircuitBreaker circuit =
            new TargetCircuitBreaker("https://adt.test", Duration.ofMinutes(5), STOPPED, nanos::get);
    private final RequestRetrier retrier = retrier(3, Duration.ofMinutes(10), RequestLimiter.none());

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
    void aRetryAfterLongerThanTheLongestBackoffIsHonouredWithinTheThrottleBudget() {
        // given a 429 asking for a minute, at most 10 s between the retrier's own retries, and 10 minutes of budget
        Supplier<String> request =
                failingThen(1, () -> error(429, new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "60")));

        // when
        String result = retrier.call(RequestKind.read("GET twin"), new Attempts(), request);

        // then it waits the minute the service asked for
        assertThat(result).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofSeconds(60));
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
    void sustainedThrottlingFarBeyondMaxRetriesStillSucceedsWithinTheThrottleBudget() {
        // given 3 retries, and a service that throttles one request 40 times (Retry-After: 1) and then 30 times
        // without Retry-After: far longer than 3 retries with 10 s backoff would last
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> request = () -> {
            int call = calls.incrementAndGet();
            if (call <= 40) {
                throw error(429, new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "1"));
            }
            if (call <= 70) {
                throw error(429, new HttpHeaders());
            }
            return "ok";
        };
        Attempts attempts = new Attempts();

        // when
        String result = retrier.call(RequestKind.create("pump-1", "PUT twin pump-1"), attempts, request);

        // then it waited the throttles out (40 s asked, then 30 backoffs of 5 s: over 3 minutes), and succeeded
        assertThat(result).isEqualTo("ok");
        assertThat(attempts.count()).isEqualTo(71);
        assertThat(counters.throttled()).isEqualTo(70);
        assertThat(counters.retried()).isEqualTo(70);
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus))
                .isGreaterThan(Duration.ofMinutes(3))
                .isLessThan(Duration.ofMinutes(10));
    }

    @Test
    void throttlingBeyondTheBudgetFailsTheRequestSayingWhatToDo() {
        // given a budget of one minute and a service that asks for 7 s more every time
        RequestRetrier budgeted = retrier(3, Duration.ofMinutes(1), RequestLimiter.none());
        Supplier<String> request =
                failingThen(1_000, () -> error(429, new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "7")));

        // when / then it waits 8 x 7 s = 56 s, and gives up rather than wait a ninth time past the minute
        assertThatThrownBy(
                        () -> budgeted.call(RequestKind.patch("pump-1", "PATCH twin pump-1"), new Attempts(), request))
                .isInstanceOf(ThrottleBudgetExceededException.class)
                .hasMessageContaining("PATCH twin pump-1 was throttled by ADT (429) 9 times")
                .hasMessageContaining("throttle budget (60 s, 56 s spent)")
                .hasMessageContaining("rate share")
                .satisfies(e -> assertThat(AdtError.of(e).code()).isEqualTo("ThrottleBudgetExceeded"))
                .satisfies(e -> assertThat(AdtError.statusOf(e)).isEqualTo(429));
        assertThat(waits).hasSize(8).allMatch(Duration.ofSeconds(7)::equals);
    }

    @Test
    void aRetryAfterBeyondTheBudgetFailsAtOnceWithoutWaiting() {
        // given a 429 asking for an hour, and 10 minutes of budget
        Supplier<String> request =
                failingThen(1, () -> error(429, new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "3600")));

        // when / then
        assertThatThrownBy(() -> retrier.call(RequestKind.read("GET twin"), new Attempts(), request))
                .isInstanceOf(ThrottleBudgetExceededException.class)
                .hasMessageContaining("the 60 min it asked to wait next");
        assertThat(waits).isEmpty();
    }

    @Test
    void givesUpAfterMaxRetriesAndThrowsTheLastFailureWhileOtherRequestsAreAnswered() {
        // given a request that fails with 503 while other requests get answers between its attempts
        Supplier<String> request = failingThen(100, () -> {
            circuit.answered();
            return error(503, new HttpHeaders());
        });
        Attempts attempts = new Attempts();

        // when / then
        assertThatThrownBy(() -> retrier.call(RequestKind.read("GET twin"), attempts, request))
                .isInstanceOf(HttpResponseException.class)
                .isNotInstanceOf(ThrottleBudgetExceededException.class);
        assertThat(attempts.count()).isEqualTo(4);
        assertThat(counters.requests()).isEqualTo(4);
        assertThat(counters.retried()).isEqualTo(3);
    }

    @Test
    void throttlesSpendNoRetryButServerErrorsStillDo() {
        // given a request that is throttled and then fails with 503, in turns, for ever
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> request = () -> {
            throw calls.incrementAndGet() % 2 == 1 ? error(429, new HttpHeaders()) : error(503, new HttpHeaders());
        };
        Attempts attempts = new Attempts();

        // when / then the fourth 503 ends it: 3 retries of server errors, whatever the throttles in between
        assertThatThrownBy(() -> retrier.call(RequestKind.read("GET twin"), attempts, request))
                .satisfies(e -> assertThat(AdtError.statusOf(e)).isEqualTo(503));
        assertThat(attempts.count()).isEqualTo(8);
        assertThat(counters.throttled()).isEqualTo(4);
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
    void aTargetThatAnswersNothingStopsTheRequestWhenTheWindowHasPassedNotAfterItsRetries() {
        // given a target that never answers, a 2 s window, and 20 retries with up to 10 s between them
        TargetCircuitBreaker twoSeconds =
                new TargetCircuitBreaker("https://adt.test", Duration.ofSeconds(2), STOPPED, nanos::get);
        RequestRetrier patient = new RequestRetrier(
                new RetryPolicy(20, SCHEDULE, Duration.ofMinutes(10)),
                sleeper,
                counters,
                RequestLimiter.none(),
                twoSeconds);
        Supplier<String> request = failingThen(1_000, () -> noAnswer());
        Attempts attempts = new Attempts();

        // when / then it stops with the target's message once 2 s have passed, after a handful of attempts
        assertThatThrownBy(() -> patient.call(RequestKind.read("GET twin pump-1"), attempts, request))
                .isInstanceOf(TargetUnreachableException.class)
                .hasMessageContaining("https://adt.test did not answer for 2 s")
                .hasMessageContaining("the last one GET twin pump-1 with connection refused.");
        assertThat(attempts.count()).isLessThan(10);
        assertThat(Duration.ofNanos(nanos.get())).isEqualTo(Duration.ofSeconds(2)); // the last wait was cut to it
    }

    @Test
    void anOutageShorterThanTheWindowIsWaitedOutPastMaxRetries() {
        // given 3 retries, a window of 5 minutes, and a target that answers nothing at all for 2 minutes
        Supplier<String> request = () -> {
            if (nanos.get() < Duration.ofMinutes(2).toNanos()) {
                throw noAnswer();
            }
            return "ok";
        };
        Attempts attempts = new Attempts();

        // when
        String result = retrier.call(RequestKind.create("pump-1", "PUT twin pump-1"), attempts, request);

        // then it kept retrying, far past its 3 retries, with backoff no longer than the longest, and got through
        assertThat(result).isEqualTo("ok");
        assertThat(attempts.count()).isGreaterThan(10);
        assertThat(waits).allMatch(wait -> wait.compareTo(SCHEDULE.max()) <= 0);
        assertThat(Duration.ofNanos(nanos.get()))
                .isBetween(Duration.ofMinutes(2), Duration.ofMinutes(2).plusSeconds(10));
    }

    @Test
    void anOutageLongerThanTheWindowStopsTheRequestWithTheTargetsMessage() {
        // given 3 retries, a window of 5 minutes, and a target that never answers
        Supplier<String> request = failingThen(Integer.MAX_VALUE, () -> noAnswer());
        Attempts attempts = new Attempts();

        // when / then it waits the whole window, not 3 retries, and stops with the one message naming the target
        assertThatThrownBy(() -> retrier.call(RequestKind.read("LIST models"), attempts, request))
                .isInstanceOf(TargetUnreachableException.class)
                .hasMessageStartingWith("ADT at https://adt.test did not answer for 5 min:")
                .hasMessageContaining("the last one LIST models with connection refused.")
                .hasMessageContaining("The write stopped early.");
        assertThat(attempts.count()).isGreaterThan(4);
        assertThat(Duration.ofNanos(nanos.get())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void afterAnOutageTheRequestsOwnFailuresCountAgain() {
        // given a request that gets no answer while nothing answers for a minute, and then fails alone with 503
        // while other requests are answered
        AtomicInteger ownFailures = new AtomicInteger();
        Supplier<String> request = () -> {
            if (nanos.get() < Duration.ofMinutes(1).toNanos()) {
                throw noAnswer();
            }
            circuit.answered();
            ownFailures.incrementAndGet();
            throw error(503, new HttpHeaders());
        };

        // when / then the outage spent none of its 3 retries: all 3 go to its own failures after it
        assertThatThrownBy(() -> retrier.call(RequestKind.read("GET twin"), new Attempts(), request))
                .satisfies(e -> assertThat(AdtError.statusOf(e)).isEqualTo(503));
        assertThat(ownFailures).hasValue(3);
    }

    @Test
    void withNoRetriesNothingIsRetriedEvenInAnOutage() {
        // given
        RequestRetrier none = retrier(0, Duration.ofMinutes(10), RequestLimiter.none());
        Attempts attempts = new Attempts();

        // when / then
        assertThatThrownBy(() -> none.call(RequestKind.read("GET twin"), attempts, failingThen(1, () -> noAnswer())))
                .hasRootCauseInstanceOf(ConnectException.class);
        assertThat(attempts.count()).isEqualTo(1);
    }

    @Test
    void noRequestIsSentOnceTheCircuitIsOpen() {
        // given a circuit that another request opened
        TargetCircuitBreaker opened =
                new TargetCircuitBreaker("https://adt.test", Duration.ofSeconds(1), STOPPED, nanos::get);
        opened.failed("GET twin a", noAnswer());
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThatThrownBy(() -> opened.failed("GET twin b", noAnswer()));
        RequestRetrier stopped = new RequestRetrier(
                new RetryPolicy(3, SCHEDULE, Duration.ofMinutes(10)), sleeper, counters, RequestLimiter.none(), opened);
        AtomicInteger sent = new AtomicInteger();

        // when / then
        assertThatThrownBy(() -> stopped.call(RequestKind.read("GET twin c"), new Attempts(), () -> {
                    sent.incrementAndGet();
                    return "ok";
                }))
                .isInstanceOf(TargetUnreachableException.class);
        assertThat(sent).hasValue(0);
    }

    @Test
    void throttlesAndServiceErrorsAreAnswersThatKeepTheCircuitClosed() {
        // given a 2 s window, and a request that gets no answer, then a 429, again and again, for a minute
        TargetCircuitBreaker twoSeconds =
                new TargetCircuitBreaker("https://adt.test", Duration.ofSeconds(2), STOPPED, nanos::get);
        RequestRetrier patient = new RequestRetrier(
                new RetryPolicy(100, SCHEDULE, Duration.ofMinutes(10)),
                sleeper,
                counters,
                RequestLimiter.none(),
                twoSeconds);
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> request = () -> {
            int call = calls.incrementAndGet();
            if (call > 60) {
                return "ok";
            }
            throw call % 2 == 1 ? noAnswer() : error(429, new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "2"));
        };

        // when
        String result = patient.call(RequestKind.read("GET twin"), new Attempts(), request);

        // then the target was there all along: the throttles said so
        assertThat(result).isEqualTo("ok");
        assertThat(Duration.ofNanos(nanos.get())).isGreaterThan(Duration.ofMinutes(1));
    }

    @Test
    void aThrottleHoldsBackTheOtherRequestsOfItsClassThroughTheLimiter() {
        // given a retrier with a rate limiter on a clock that moves only when someone waits
        FakePacer clock = new FakePacer();
        long start = clock.nanoTime();
        RequestLimiter limiter = new RequestLimiter(RateLimits.serviceDefaults(), clock);
        RequestRetrier limited = retrier(3, Duration.ofMinutes(10), limiter);

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
    void aRetryAfterOfAnHourHoldsTheClassNoLongerThanTheThrottleBudget() {
        // given a retrier with a limiter on a clock that moves only when someone waits, and a 10-minute budget
        FakePacer clock = new FakePacer();
        long start = clock.nanoTime();
        RequestRetrier limited =
                retrier(3, Duration.ofMinutes(10), new RequestLimiter(RateLimits.serviceDefaults(), clock));

        // when a patch is throttled with Retry-After: 3600 (and gives up), and another patch follows
        assertThatThrownBy(() -> limited.call(
                        RequestKind.patch("pump-1", "PATCH twin pump-1"),
                        new Attempts(),
                        failingThen(1, () -> error(429, new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "3600")))))
                .isInstanceOf(ThrottleBudgetExceededException.class);
        limited.call(RequestKind.patch("pump-2", "PATCH twin pump-2"), new Attempts(), () -> "ok");

        // then the class was held for 10 minutes, not an hour
        assertThat(clock.nanoTime() - start)
                .isBetween(
                        Duration.ofMinutes(10).toNanos(),
                        Duration.ofMinutes(10).plusSeconds(1).toNanos());
    }

    private RequestRetrier retrier(int maxRetries, Duration throttleBudget, RequestLimiter limiter) {
        return new RequestRetrier(
                new RetryPolicy(maxRetries, SCHEDULE, throttleBudget), sleeper, counters, limiter, circuit);
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

    /** What the SDK throws when nothing listens: reactor's wrapper around the JDK client's ConnectException. */
    private static RuntimeException noAnswer() {
        return new IllegalStateException("java.net.ConnectException", new ConnectException("Connection refused"));
    }
}
