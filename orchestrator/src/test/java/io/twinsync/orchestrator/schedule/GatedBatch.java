package io.twinsync.orchestrator.schedule;

import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A batch that runs until the test lets it end (or a stop does), then gives the outcome the test scripted. It
 * counts how many run at once, and says its job has not started for the first stops it is asked.
 */
final class GatedBatch implements ScheduledBatch {

    private final Deque<TickOutcome> outcomes = new ArrayDeque<>();
    private final Semaphore ends = new Semaphore(0);
    private final List<ZonedDateTime> started = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger stopsBeforeItsJob;
    private final AtomicInteger stopsAsked = new AtomicInteger();
    private volatile boolean stopped;

    /** @param stopsBeforeItsJob how many stops find no job running yet (answered false) */
    GatedBatch(int stopsBeforeItsJob) {
        this.stopsBeforeItsJob = new AtomicInteger(stopsBeforeItsJob);
    }

    /** The outcomes of the batches to come, in order; a batch with none scripted ends OK. */
    GatedBatch thenEnd(TickOutcome... next) {
        synchronized (outcomes) {
            outcomes.addAll(List.of(next));
        }
        return this;
    }

    /** Lets the running batch (or the next one) end. */
    void end() {
        ends.release();
    }

    List<ZonedDateTime> started() {
        return List.copyOf(started);
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    int stopsAsked() {
        return stopsAsked.get();
    }

    @Override
    public TickOutcome run(ZonedDateTime tick) {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        started.add(tick);
        try {
            while (!stopped && !ends.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                // running
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
        String id = "batch-" + started.size();
        if (stopped) {
            return TickOutcome.ran(id, "STOPPED");
        }
        synchronized (outcomes) {
            return outcomes.isEmpty() ? TickOutcome.ran(id, "OK") : outcomes.poll();
        }
    }

    @Override
    public boolean stop() {
        stopsAsked.incrementAndGet();
        if (stopsBeforeItsJob.getAndDecrement() > 0) {
            return false;
        }
        stopped = true;
        return true;
    }
}
