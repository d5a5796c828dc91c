package io.twinsync.orchestrator.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.support.CronExpression;

/** The ticks of a cron expression in a time zone, as they come on a clock; each tick once. */
public final class CronTicks implements Ticks {

    private final CronExpression cron;
    private final ZoneId zone;
    private final Clock clock;
    private ZonedDateTime last;

    public CronTicks(CronExpression cron, ZoneId zone, Clock clock) {
        this.cron = cron;
        this.zone = zone;
        this.clock = clock;
    }

    /** The first tick after {@code instant}, in the zone; null if none will ever come. */
    public ZonedDateTime after(Instant instant) {
        return cron.next(instant.atZone(zone));
    }

    @Override
    public Optional<ZonedDateTime> awaitNext(CountDownLatch stopped) throws InterruptedException {
        Instant now = clock.instant();
        // A clock set back must not give the same tick twice.
        ZonedDateTime next = after(last != null && last.toInstant().isAfter(now) ? last.toInstant() : now);
        if (next == null) {
            return Optional.empty();
        }
        for (Duration left = Duration.between(clock.instant(), next.toInstant());
                !left.isNegative() && !left.isZero();
                left = Duration.between(clock.instant(), next.toInstant())) {
            if (stopped.await(left.toMillis() + 1, TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        }
        last = next;
        return Optional.of(next);
    }
}
