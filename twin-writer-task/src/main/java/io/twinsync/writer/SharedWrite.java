package io.twinsync.writer;

import io.twinsync.writer.limit.Pacer;
import io.twinsync.writer.limit.RequestLimiter;
import io.twinsync.writer.retry.RequestListener;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What the partitions of one write phase share when they run as threads of one process: one rate budget (a single
 * {@link RequestLimiter} for all, so {@code n} partitions together run at the instance's rate, not {@code 1/n} each
 * or {@code n} times it), one model upload, and the set of twins the batch created, read once for all partitions'
 * relationship phases.
 *
 * <p>Made for the partitions that run now: a restart that reruns two of four partitions shares among two.
 */
public final class SharedWrite {

    private final RequestLimiter limiter;
    private final WriteProgress progress;
    private final AtomicBoolean modelsUploaded = new AtomicBoolean();
    private final Object modelsLock = new Object();
    private final Object createdLock = new Object();
    private Set<String> created;

    private final RequestListener requests;

    private SharedWrite(RequestLimiter limiter, WriteProgress progress, RequestListener requests) {
        this.limiter = limiter;
        this.progress = progress;
        this.requests = requests;
    }

    /** For the partitions of one write phase that run at the same time in this process. */
    public static SharedWrite of(WriterSettings settings) {
        return of(settings, new WriteProgress());
    }

    /** As {@link #of(WriterSettings)}, counting what the partitions do in {@code progress}. */
    public static SharedWrite of(WriterSettings settings, WriteProgress progress) {
        return of(settings, progress, RequestListener.NONE);
    }

    /** As {@link #of(WriterSettings, WriteProgress)}, telling {@code requests} too of every request (metrics). */
    public static SharedWrite of(WriterSettings settings, WriteProgress progress, RequestListener requests) {
        return new SharedWrite(
                new RequestLimiter(settings.rateLimits(), Pacer.SYSTEM), progress, progress.and(requests));
    }

    /** What every request of the partitions is told to: the progress, and whatever else was given. */
    RequestListener requests() {
        return requests;
    }

    WriteProgress progress() {
        return progress;
    }

    /** A write on its own: nothing shared with anyone. */
    static SharedWrite alone(WriterSettings settings) {
        return of(settings);
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

    /** The twins the batch created, read by the first partition that asks ({@code read}), then the same for all. */
    Set<String> createdTwins(Supplier<Set<String>> read) {
        synchronized (createdLock) {
            if (created == null) {
                created = Set.copyOf(read.get());
            }
            return created;
        }
    }
}
