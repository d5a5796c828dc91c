package io.twinsync.writer;

import io.twinsync.writer.limit.ApiClass;
import io.twinsync.writer.report.ItemResult;
import io.twinsync.writer.retry.RequestListener;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * How far the partitions of one write phase running in this process have got: twins and relationships done (written,
 * found unchanged, or failed), the requests they took and how many failed. Counted as each item ends, so that a long
 * write can say how it goes while it runs; the results files are written when a partition's phase ends.
 */
public final class WriteProgress implements RequestListener {

    private final LongAdder twins = new LongAdder();
    private final LongAdder relationships = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /**
     * What was done so far.
     *
     * @param twins twin files done
     * @param relationships relationships done
     * @param requests requests sent and ended (reads, models and retries included)
     * @param throttled of those, answered 429
     * @param retried of those, sent again after a throttle or a transient failure
     * @param failed twins and relationships that failed
     */
    public record Snapshot(long twins, long relationships, long requests, long throttled, long retried, long failed) {}

    @Override
    public void ended(ApiClass apiClass, RequestOutcome outcome, boolean retry, long nanos) {
        requests.increment();
        if (outcome == RequestOutcome.THROTTLED) {
            throttled.increment();
        }
        if (retry) {
            retried.increment();
        }
    }

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
        if (result.failed()) {
            failed.increment();
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(
                twins.sum(), relationships.sum(), requests.sum(), throttled.sum(), retried.sum(), failed.sum());
    }
}
