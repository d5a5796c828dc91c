package io.twinsync.emulator.faults;

import io.twinsync.emulator.http.ApiRequest;
import io.twinsync.emulator.http.ApiResponse;
import io.twinsync.emulator.http.RequestFilter;
import io.twinsync.emulator.http.RequestHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Delays every request by a fixed time plus a uniformly random part. It sleeps on the worker thread, so the
 * emulator serves at most {@code workerThreads / latency} requests per second while it is on.
 */
final class LatencyFilter implements RequestFilter {

    private final long fixedNanos;
    private final long randomNanos;
    private final FaultDice dice;

    LatencyFilter(Duration fixed, Duration random, FaultDice dice) {
        this.fixedNanos = fixed.toNanos();
        this.randomNanos = random.toNanos();
        this.dice = dice;
    }

    @Override
    public ApiResponse filter(ApiRequest request, RequestHandler next) {
        long delay = fixedNanos + dice.upTo(randomNanos);
        try {
            TimeUnit.NANOSECONDS.sleep(delay);
        } catch (InterruptedException e) {
            // The server is stopping; answer at once.
            Thread.currentThread().interrupt();
        }
        return next.handle(request);
    }
}
