package io.twinsync.emulator.faults;

import io.twinsync.emulator.http.ResponseDelay;
import java.time.Duration;

/**
 * Injected latency: a fixed time plus a uniformly random part, per answer.
 *
 * <p>The request takes effect when it arrives and its answer leaves after the delay, which is what a client sees of a
 * distant service: it learns the outcome only from the answer. (Our model; the service does not say where in a
 * request's time its change happens.) The answer waits on a timer, not on a worker thread: before, a sleeping worker
 * capped the emulator at {@code workerThreads / latency} requests per second, below ADT's own limits at 20-50 ms.
 */
final class ResponseLatency implements ResponseDelay {

    private final long fixedNanos;
    private final long randomNanos;
    private final FaultDice dice;

    ResponseLatency(Duration fixed, Duration random, FaultDice dice) {
        this.fixedNanos = fixed.toNanos();
        this.randomNanos = random.toNanos();
        this.dice = dice;
    }

    @Override
    public long nextNanos() {
        return fixedNanos + dice.upTo(randomNanos);
    }
}
