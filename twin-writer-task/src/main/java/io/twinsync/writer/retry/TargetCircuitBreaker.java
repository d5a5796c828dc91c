package io.twinsync.writer.retry;

import io.twinsync.writer.TargetUnreachableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Notices that the target answers nothing: once every request of a write has failed without an answer (I/O error,
 * 408, 5xx) for longer than {@code window}, it opens and stays open, and every request that then checks it throws
 * one {@link TargetUnreachableException}, so that in-flight and queued work stops at its next attempt instead of
 * each retrying for minutes. Any answer (a success, a 4xx, a 429) closes it again. One per write (or command),
 * shared by all its requests; thread-safe.
 */
public final class TargetCircuitBreaker {

    private static final long NOT_FAILING = Long.MIN_VALUE;

    private final String target;
    private final Duration window;
    private final String stopped;
    private final LongSupplier nanoClock;
    private final AtomicLong failingSince = new AtomicLong(NOT_FAILING);
    private volatile TargetUnreachableException open;

    /**
     * @param target names the target in the message, such as its endpoint
     * @param window how long every request may fail before everything stops
     * @param stopped what stopping means for the caller's work, for the message: what was done stays done, what is
     *     lost, what running again does
     */
    public TargetCircuitBreaker(String target, Duration window, String stopped) {
        this(target, window, stopped, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds, such as {@link System#nanoTime()} */
    public TargetCircuitBreaker(String target, Duration window, String stopped, LongSupplier nanoClock) {
        this.target = target;
        this.window = window;
        this.stopped = stopped;
        this.nanoClock = nanoClock;
    }

    /** @throws TargetUnreachableException when the circuit is open */
    public void check() {
        TargetUnreachableException opened = open;
        if (opened != null) {
            // a new instance per thread, so that each stack trace says where that request stopped
            throw new TargetUnreachableException(opened.getMessage(), opened.failingFor(), opened.lastFailure());
        }
    }

    /** A request got an answer: the target is there, whatever it said. */
    void answered() {
        failingSince.set(NOT_FAILING);
    }

    /**
     * A request got no answer, or a 408 or 5xx; opens the circuit when that has been so for every request for
     * longer than the window.
     *
     * @param what the request, such as {@code PUT twin pump-7}
     * @throws TargetUnreachableException when the circuit is (now) open
     */
    void failed(String what, Throwable failure) {
        long now = nanoClock.getAsLong();
        failingSince.compareAndSet(NOT_FAILING, now);
        long since = failingSince.get();
        if (since != NOT_FAILING && now - since >= window.toNanos()) {
            open(Duration.ofNanos(now - since), what, failure);
        }
        check();
    }

    /** The time left before the circuit opens if nothing answers; the whole window while requests get answers. */
    Duration untilOpen() {
        long since = failingSince.get();
        if (since == NOT_FAILING) {
            return window;
        }
        long left = window.toNanos() - (nanoClock.getAsLong() - since);
        return Duration.ofNanos(Math.max(0, left));
    }

    private synchronized void open(Duration failingFor, String what, Throwable failure) {
        if (open != null) {
            return;
        }
        open = new TargetUnreachableException(
                "ADT at " + target + " did not answer for " + FailureText.duration(failingFor)
                        + ": every request failed in that time, the last one " + what + " with "
                        + FailureText.oneLine(failure) + ". " + stopped + " Check that the instance is up and"
                        + " reachable from here (endpoint, network, firewall, DNS), then run again; the"
                        + " unreachable-after setting (now " + FailureText.duration(window) + ") sets how long to"
                        + " wait for it.",
                failingFor,
                failure);
    }
}
