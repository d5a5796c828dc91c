package io.twinsync.writer.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.writer.report.RequestTimeline;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestCountersTests {

    @Test
    void requestsAreCountedInTheSecondTheyWereSentAnd429sInTheSecondTheyCame() {
        // given a clock at 1000.2 s
        AtomicLong now = new AtomicLong(1_000_200);
        RequestCounters counters = new RequestCounters(now::get);

        // when two requests go in second 1000, then a retry in 1002 answered 429, then one more in 1002
        counters.sent(false);
        now.set(1_000_900);
        counters.sent(false);
        now.set(1_002_050);
        counters.sent(true);
        counters.countThrottle();
        now.set(1_002_999);
        counters.sent(true);

        // then the totals, and only the seconds that had something
        assertThat(counters.requests()).isEqualTo(4);
        assertThat(counters.retried()).isEqualTo(2);
        assertThat(counters.throttled()).isEqualTo(1);
        assertThat(counters.timeline().seconds())
                .containsExactly(
                        new RequestTimeline.Second(Instant.ofEpochSecond(1000), 2, 0),
                        new RequestTimeline.Second(Instant.ofEpochSecond(1002), 2, 1));
    }
}
