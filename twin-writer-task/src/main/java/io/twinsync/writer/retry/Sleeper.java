package io.twinsync.writer.retry;

import java.time.Duration;

/** Waits between retries; a seam so that tests can record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
