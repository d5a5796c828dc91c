package io.twinsync.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentEventsTests {

    private static final long MS = 1_000_000L;

    @Test
    void anEventIsRecentForExactlyItsWindow() {
        // given
        RecentEvents events = new RecentEvents(500 * MS);
        events.record("a", 0);

        // then
        assertThat(events.isRecent("a", 499 * MS)).isTrue();
        assertThat(events.isRecent("a", 500 * MS)).isFalse();
        assertThat(events.isRecent("b", 0)).isFalse();
    }

    @Test
    void expiredEventsAreForgottenOnceManyAreKept() {
        // given many events, all expired
        RecentEvents events = new RecentEvents(MS);
        for (int i = 0; i < 5_000; i++) {
            events.record("old-" + i, 0);
        }

        // when new ones keep coming later
        for (int i = 0; i < 2_048; i++) {
            events.record("new-" + i, 10 * MS);
        }

        // then the old ones are gone
        assertThat(events.size()).isLessThanOrEqualTo(2_048);
    }
}
