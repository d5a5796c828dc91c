package io.twinsync.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CronTicksTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void anExpressionIsReadInItsZoneSummerAndWinter() {
        CronTicks sixInParis = new CronTicks(CronSyntax.cron("0 0 6 * * *"), PARIS, Clock.systemUTC());

        assertThat(sixInParis.after(Instant.parse("2026-01-15T12:00:00Z")).toInstant())
                .isEqualTo(Instant.parse("2026-01-16T05:00:00Z"));
        assertThat(sixInParis.after(Instant.parse("2026-07-15T12:00:00Z")).toInstant())
                .isEqualTo(Instant.parse("2026-07-16T04:00:00Z"));
    }

    @Test
    void eachTickComesOnceAndTicksThatPassedWhileNobodyWaitedAreNotMadeUpFor() throws Exception {
        // given a clock at 10:00:01 that has reached the first tick when next read, and is at 10:00:07 when the
        // ticks are next asked for
        Clock clock = new SteppingClock(
                Instant.parse("2026-12-07T10:00:01Z"),
                Instant.parse("2026-12-07T10:00:02Z"),
                Instant.parse("2026-12-07T10:00:07Z"),
                Instant.parse("2026-12-07T10:00:08Z"));
        CronTicks everyTwoSeconds = new CronTicks(CronSyntax.cron("*/2 * * * * *"), ZoneOffset.UTC, clock);
        CountDownLatch running = new CountDownLatch(1);

        // when the schedule waits twice
        Optional<ZonedDateTime> first = everyTwoSeconds.awaitNext(running);
        Optional<ZonedDateTime> second = everyTwoSeconds.awaitNext(running);

        // then it gets 10:00:02, then 10:00:08: not 10:00:04 and 10:00:06, which passed meanwhile
        assertThat(first.orElseThrow().toInstant()).isEqualTo(Instant.parse("2026-12-07T10:00:02Z"));
        assertThat(second.orElseThrow().toInstant()).isEqualTo(Instant.parse("2026-12-07T10:00:08Z"));
    }

    @Test
    void aStopEndsTheWait() throws Exception {
        CronTicks yearly = new CronTicks(CronSyntax.cron("@yearly"), ZoneOffset.UTC, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(0);

        assertThat(yearly.awaitNext(stopped)).isEmpty();
    }

    @Test
    void aCrontabLineIsRefusedSayingWhatSpringsExpressionsLookLike() {
        assertThatThrownBy(() -> CronSyntax.cron("*/5 * * * *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 fields")
                .hasMessageContaining("second minute hour day-of-month month day-of-week")
                .hasMessageContaining("a seconds field first: \"0 */5 * * * *\"");
        assertThatThrownBy(() -> CronSyntax.cron("0 0 0 30 2 *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never comes round");
    }

    /** A clock that gives the instants it was made with, one per reading, then the last one on. */
    private static final class SteppingClock extends Clock {

        private final Deque<Instant> instants;

        SteppingClock(Instant... instants) {
            this.instants = new ArrayDeque<>(List.of(instants));
        }

        @Override
        public synchronized Instant instant() {
            return instants.size() > 1 ? instants.poll() : instants.peek();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
