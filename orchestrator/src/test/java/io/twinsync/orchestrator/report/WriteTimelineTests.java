package io.twinsync.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.writer.report.RequestTimeline;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteTimelineTests {

    @Test
    void bucketsGrowByWholeSecondsSoThatAWriteFitsInAHundredAndTwentyOfThem() {
        assertThat(WriteTimeline.bucketSeconds(1)).isEqualTo(1);
        assertThat(WriteTimeline.bucketSeconds(120)).isEqualTo(1);
        assertThat(WriteTimeline.bucketSeconds(121)).isEqualTo(2);
        assertThat(WriteTimeline.bucketSeconds(3_600)).isEqualTo(30);
    }

    @Test
    void partitionsAddUpPerSecondAndEmptySecondsBetweenAreKept() {
        // given two partitions writing at once, and items done in seconds 100 and 103
        WriteTimeline timeline = new WriteTimeline();
        timeline.add(new RequestTimeline(List.of(second(100, 5, 0), second(101, 7, 2))));
        timeline.add(new RequestTimeline(List.of(second(101, 3, 1), second(103, 1, 0))));
        timeline.addItems(Map.of(100L, 4L, 103L, 6L));

        // when
        BatchReport.Timeline built = timeline.build();

        // then one-second buckets from 100 to 103
        assertThat(built.bucketSeconds()).isEqualTo(1);
        assertThat(built.buckets())
                .containsExactly(
                        new BatchReport.Bucket(Instant.ofEpochSecond(100), 5, 0, 4),
                        new BatchReport.Bucket(Instant.ofEpochSecond(101), 10, 3, 0),
                        new BatchReport.Bucket(Instant.ofEpochSecond(102), 0, 0, 0),
                        new BatchReport.Bucket(Instant.ofEpochSecond(103), 1, 0, 6));
    }

    @Test
    void aLongWriteIsPutInWiderBuckets() {
        // given a write from second 0 to second 299: 300 seconds, so 3-second buckets
        WriteTimeline timeline = new WriteTimeline();
        timeline.add(
                new RequestTimeline(List.of(second(0, 1, 0), second(2, 2, 1), second(3, 4, 0), second(299, 8, 8))));

        // when
        BatchReport.Timeline built = timeline.build();

        // then
        assertThat(built.bucketSeconds()).isEqualTo(3);
        assertThat(built.buckets()).hasSize(100);
        assertThat(built.buckets().get(0)).isEqualTo(new BatchReport.Bucket(Instant.ofEpochSecond(0), 3, 1, 0));
        assertThat(built.buckets().get(1)).isEqualTo(new BatchReport.Bucket(Instant.ofEpochSecond(3), 4, 0, 0));
        assertThat(built.buckets().get(99)).isEqualTo(new BatchReport.Bucket(Instant.ofEpochSecond(297), 8, 8, 0));
    }

    @Test
    void nothingWrittenHasNoTimeline() {
        assertThat(new WriteTimeline().build()).isNull();
    }

    private static RequestTimeline.Second second(long at, long requests, long throttled) {
        return new RequestTimeline.Second(Instant.ofEpochSecond(at), requests, throttled);
    }
}
