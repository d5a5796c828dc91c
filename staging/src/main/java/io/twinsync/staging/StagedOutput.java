package io.twinsync.staging;

import java.io.OutputStream;

/**
 * A file being written to the staging area. It appears under its name only when {@link #commit()} succeeds; closing
 * it without a commit discards what was written, so a writer that fails half-way (an exception, a full disk)
 * publishes nothing and an earlier file of that name stays as it was. Use it like this:
 *
 * <pre>{@code
 * try (StagedOutput out = batch.create(path)) {
 *     write(out);
 *     out.commit(); // the last statement: nothing that can fail comes after it
 * }
 * }</pre>
 *
 * <p>The stream is buffered; wrapping it in another buffer gains nothing. Not thread-safe.
 */
public abstract class StagedOutput extends OutputStream {

    /**
     * Flushes and publishes the file atomically, replacing any file of that name. Afterwards {@link #close()} does
     * nothing and writes fail.
     *
     * @throws StagingException naming the file when it cannot be published; the written content is then discarded
     * @throws IllegalStateException when the stream was already closed (and so discarded)
     */
    public abstract void commit();

    /** Discards the written content unless {@link #commit()} published it. Safe to call more than once. */
    @Override
    public abstract void close();
}
