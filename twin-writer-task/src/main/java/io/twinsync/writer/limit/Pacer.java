package io.twinsync.writer.limit;

import java.util.concurrent.locks.LockSupport;

/** The clock and the waiting of the rate limiter; a seam so that tests run on a fake clock without sleeping. */
public interface Pacer {

    /** The system's: {@link System#nanoTime()} and parking, precise to well under a millisecond. */
    Pacer SYSTEM = new Pacer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void awaitUntil(long nanoTime) throws InterruptedException {
            for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for the request rate");
                }
            }
        }
    };

    /** A monotonic clock in nanoseconds. */
    long nanoTime();

    /** Returns once {@link #nanoTime()} has reached {@code nanoTime}. */
    void awaitUntil(long nanoTime) throws InterruptedException;
}
