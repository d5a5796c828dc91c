package io.twinsync.writer;

import io.twinsync.writer.report.ItemResult;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * How far the partitions of one write phase running in this process have got: twins and relationships done (written,
 * found unchanged, or failed), the requests they took and how many failed. Counted as each item ends, so that a long
 * write can say how it goes while it runs; the results files are written when a partition's phase ends.
 */
public final class WriteProgress {

    private final LongAdder twins = new LongAdder();
    private final LongAdder relationships = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /** What was done so far. */
    public record Snapshot(long twins, long relationships, long requests, long failed) {}

    void twin(ItemResult result) {
        twins.increment();
        count(result);
    }

    void relationships(List<ItemResult> results) {
        results.forEach(result -> {
            relationships.increment();
            count(result);
        });
    }

    private void count(ItemResult result) {
        requests.add(result.attempts());
        if (result.failed()) {
            failed.increment();
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(twins.sum(), relationships.sum(), requests.sum(), failed.sum());
    }
}
