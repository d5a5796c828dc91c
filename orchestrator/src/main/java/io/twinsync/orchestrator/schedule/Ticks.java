package io.twinsync.orchestrator.schedule;

import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** When a schedule's batches may start. */
@FunctionalInterface
public interface Ticks {

    /**
     * Waits for the next tick.
     *
     * @param stopped counted down when the schedule stops: the wait ends then
     * @return the tick, once it has come; empty when the schedule stopped first, or no tick will ever come
     */
    Optional<ZonedDateTime> awaitNext(CountDownLatch stopped) throws InterruptedException;
}
