package io.twinsync.orchestrator.report;

import io.twinsync.writer.report.RequestTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The write over time: requests and 429s per second from the partitions' {@code *.requests.json}, items done per
 * second from the result lines, put in at most {@value #MAX_BUCKETS} buckets of whole seconds.
 */
final class WriteTimeline {

    static final int MAX_BUCKETS = 120;
    static final String SOURCE = "requests and 429s: counted by the writer as sent and as answered"
            + " (results/*.requests.json); items: result lines by their 'at'";

    private static final int REQUESTS = 0;
    private static final int THROTTLED = 1;
    private static final int ITEMS = 2;

    private final TreeMap<Long, long[]> seconds = new TreeMap<>();

    /** Adds a partition's requests per second (partitions that ran at once add up). */
    void add(RequestTimeline timeline) {
        for (RequestTimeline.Second second : timeline.seconds()) {
            long[] counts = second(second.at().getEpochSecond());
            counts[REQUESTS] += second.requests();
            counts[THROTTLED] += second.throttled();
        }
    }

    /** Adds items done per epoch second. */
    void addItems(Map<Long, Long> itemsPerSecond) {
        itemsPerSecond.forEach((second, items) -> second(second)[ITEMS] += items);
    }

    /** The buckets from the first second to the last, empty ones included; null when there is nothing. */
    BatchReport.Timeline build() {
        if (seconds.isEmpty()) {
            return null;
        }
        long first = seconds.firstKey();
        long last = seconds.lastKey();
        int size = bucketSeconds(last - first + 1);
        int count = (int) ((last - first) / size) + 1;
        long[][] buckets = new long[count][3];
        seconds.forEach((second, counts) -> {
            long[] bucket = buckets[(int) ((second - first) / size)];
            for (int i = 0; i < counts.length; i++) {
                bucket[i] += counts[i];
            }
        });
        List<BatchReport.Bucket> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(new BatchReport.Bucket(
                    Instant.ofEpochSecond(first + (long) i * size),
                    buckets[i][REQUESTS],
                    buckets[i][THROTTLED],
                    buckets[i][ITEMS]));
        }
        return new BatchReport.Timeline(size, SOURCE, list);
    }

    /** The smallest whole number of seconds that fits {@code span} seconds into {@value #MAX_BUCKETS} buckets. */
    static int bucketSeconds(long span) {
        return (int) Math.max(1, (span + MAX_BUCKETS - 1) / MAX_BUCKETS);
    }

    private long[] second(long epochSecond) {
        return seconds.computeIfAbsent(epochSecond, s -> new long[3]);
    }
}
