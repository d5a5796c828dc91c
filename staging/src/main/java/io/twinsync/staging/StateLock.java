package io.twinsync.staging;

/** An exclusive lock taken with {@link StateArea#lock(String)}; closing it releases it. */
public interface StateLock extends AutoCloseable {

    @Override
    void close();
}
