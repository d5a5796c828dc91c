package io.twinsync.writer;

import io.twinsync.writer.limit.Pacer;
import io.twinsync.writer.limit.RequestLimiter;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the partitions of one write share when they run as threads of one process: one rate budget (a single
 * {@link RequestLimiter} for all, so {@code n} partitions together run at the instance's rate, not {@code 1/n} each
 * or {@code n} times it), one model upload, and the point where every partition's twins are written before any
 * partition writes a relationship (a relationship's target may be a twin of another partition).
 *
 * <p>Made for the partitions that run now: a restart that reruns two of four partitions shares among two.
 */
public final class SharedWrite {

    private final RequestLimiter limiter;
    private final Phaser twinsWritten;
    private final AtomicBoolean modelsUploaded = new AtomicBoolean();
    /** Twins the partitions created, for ADT's lag: a relationship to one of them is retried, not failed at once. */
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    /** Partitions that stopped before their twins were written: their twins may be targets of the others'. */
    private final Set<String> stoppedEarly = ConcurrentHashMap.newKeySet();

    private final Object modelsLock = new Object();

    private SharedWrite(RequestLimiter limiter, int partitions) {
        this.limiter = limiter;
        this.twinsWritten = new Phaser(partitions);
    }

    /**
     * For {@code partitions} partitions that all run at once (each must end in {@link Member#twinsWritten()} or
     * {@link Member#leave()}, or the others wait for it).
     */
    public static SharedWrite of(WriterSettings settings, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        return new SharedWrite(new RequestLimiter(settings.rateLimits(), Pacer.SYSTEM), partitions);
    }

    /** A write on its own: nothing shared with anyone. */
    static SharedWrite alone(WriterSettings settings) {
        return of(settings, 1);
    }

    RequestLimiter limiter() {
        return limiter;
    }

    /** Runs {@code upload} once for all partitions; the others wait until it is done (and retry it if it failed). */
    void uploadModelsOnce(Runnable upload) {
        if (modelsUploaded.get()) {
            return;
        }
        synchronized (modelsLock) {
            if (!modelsUploaded.get()) {
                upload.run();
                modelsUploaded.set(true);
            }
        }
    }

    /** One partition's part in the shared write. */
    Member member(Partition partition) {
        return new Member(partition);
    }

    /** One partition: arrives once, when its twins are written, or leaves (it failed) so that no one waits for it. */
    final class Member {

        private final Partition partition;
        private boolean arrived;

        Member(Partition partition) {
            this.partition = partition;
        }

        /**
         * Records the twins this partition created and waits until every partition has written its twins; returns
         * the twins every partition created.
         *
         * @throws TwinWriteException when another partition stopped before its twins were written: a relationship
         *     of this partition may point at one of them, so this partition stops before its relationships too, and
         *     the batch is left for a resume to write both
         */
        Set<String> twinsWritten(Set<String> createdHere) {
            created.addAll(createdHere);
            if (!arrived) {
                arrived = true;
                twinsWritten.arriveAndAwaitAdvance();
            }
            if (!stoppedEarly.isEmpty()) {
                throw new TwinWriteException("Partition " + partition + " stopped after its twins, before its"
                        + " relationships: partition " + String.join(", ", new TreeSet<>(stoppedEarly))
                        + " failed before writing its twins, which relationships of this partition may point at."
                        + " Nothing is lost: resuming the batch ('twinsync run --resume') writes both");
            }
            return Collections.unmodifiableSet(created);
        }

        /** This partition stops before its twins were all written: the others no longer wait for it. */
        void leave() {
            if (!arrived) {
                arrived = true;
                stoppedEarly.add(partition.toString()); // before deregistering, which may wake the others
                twinsWritten.arriveAndDeregister();
            }
        }
    }
}
