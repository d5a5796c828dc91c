package io.twinsync.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArchiveRetentionTests {

    private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

    /** One batch a day for {@code days} days before NOW, oldest first. */
    private static List<BatchId> daily(int days) {
        return IntStream.rangeClosed(1, days)
                .mapToObj(ago -> BatchId.newId(NOW.minus(Duration.ofDays(ago))))
                .sorted()
                .toList();
    }

    @Test
    void onlyBatchesBeyondBothLimitsGo() {
        // given 10 daily batches, the oldest 10 days old
        List<BatchId> archived = daily(10);

        // when 3 days or 5 batches are kept
        List<BatchId> gone = new ArchiveRetention(3, 5).toDelete(archived, NOW);

        // then the 5 oldest go (all older than 3 days)
        assertThat(gone).containsExactlyElementsOf(archived.subList(0, 5));
    }

    @Test
    void aBatchWithinTheDaysStaysHoweverManyThereAre() {
        List<BatchId> archived = daily(10);

        assertThat(new ArchiveRetention(30, 1).toDelete(archived, NOW)).isEmpty();
    }

    @Test
    void theNewestIsKeptEvenWhenEveryBatchIsOld() {
        List<BatchId> archived = daily(4);

        List<BatchId> gone = new ArchiveRetention(0, 1).toDelete(archived, NOW);

        assertThat(gone).containsExactlyElementsOf(archived.subList(0, 3));
    }

    @Test
    void keepingNoBatchIsRefused() {
        assertThatThrownBy(() -> new ArchiveRetention(30, 0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new ArchiveRetention(-1, 5)).hasMessageContaining("0 or more");
    }

    @Test
    void aBatchIdTellsWhenItsBatchStarted() {
        assertThat(new BatchId("20261207T060832498Z-8d54e6").createdAt())
                .isEqualTo(Instant.parse("2026-12-07T06:08:32.498Z"));
    }
}
