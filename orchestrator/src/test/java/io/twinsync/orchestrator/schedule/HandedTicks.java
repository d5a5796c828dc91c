package io.twinsync.orchestrator.schedule;

import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Ticks that come when the test hands them out: no clock, no waiting for a cron. */
final class HandedTicks implements Ticks {

    private final BlockingQueue<ZonedDateTime> handed = new LinkedBlockingQueue<>();

    void tick(ZonedDateTime at) {
        handed.add(at);
    }

    @Override
    public Optional<ZonedDateTime> awaitNext(CountDownLatch stopped) throws InterruptedException {
        while (stopped.getCount() > 0) {
            ZonedDateTime next = handed.poll(10, TimeUnit.MILLISECONDS);
            if (next != null) {
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }
}
