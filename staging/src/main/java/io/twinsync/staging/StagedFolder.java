package io.twinsync.staging;

import java.io.InputStream;
import java.util.Optional;

/**
 * A folder of a batch being written as a whole, such as {@code twins/}: its files are written straight into a
 * private working folder and the whole folder replaces the batch's folder of that name only when
 * {@link #commit()} succeeds. Closed without a commit, everything written is discarded and the batch's folder stays
 * as it was. This costs one publish per folder instead of one per file, which matters for a million small files:
 *
 * <pre>{@code
 * try (StagedFolder twins = batch.createFolder(BatchLayout.TWINS)) {
 *     for (...) {
 *         try (StagedOutput out = twins.createNew(name).orElseThrow()) {
 *             write(out);
 *             out.commit();
 *         }
 *     }
 *     twins.commit();
 * }
 * }</pre>
 *
 * <p>{@link #createNew}, {@link #exists} and {@link #open} may be called from several threads at once (transform
 * writes twin files from writer threads); {@link #commit} and {@link #close} only once every writer is done.
 */
public interface StagedFolder extends AutoCloseable {

    /** The folder this replaces on commit, such as {@code twins/}. */
    String path();

    /**
     * Opens a new file in the folder; committing the stream keeps it (closing it without a commit removes it).
     *
     * @param name a relative path inside the folder, such as {@code 3f/asset-1-3f....json}
     * @return the stream, or empty when this folder already has a file of that name: exact and atomic, so it can
     *     tell duplicates apart without keeping the names in memory
     */
    Optional<StagedOutput> createNew(String name);

    /** True when this folder has a committed file of that name. */
    boolean exists(String name);

    /** Reads a file written to this folder (committed), for example the first of two duplicates. */
    InputStream open(String name);

    /**
     * Publishes the folder: it replaces the batch's folder of that name, whose earlier content is removed.
     *
     * @throws StagingException naming the folder when it cannot be published; the written files are then discarded
     */
    void commit();

    /** Discards everything written unless {@link #commit()} published it. Safe to call more than once. */
    @Override
    void close();
}
