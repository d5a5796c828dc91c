package io.twinsync.emulator.http;

/**
 * How long an answer waits before it leaves, such as injected network latency. The wait holds no worker thread (see
 * {@link EmulatorHttpHandler}), so a delay never caps how many requests per second the emulator serves.
 */
@FunctionalInterface
public interface ResponseDelay {

    /** No delay: every answer leaves as soon as it is made. */
    ResponseDelay NONE = () -> 0;

    /** The delay of the next answer, in nanoseconds; 0 or less for none. */
    long nextNanos();
}
