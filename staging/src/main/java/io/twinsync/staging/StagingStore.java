package io.twinsync.staging;

import java.util.List;
import java.util.Optional;

/**
 * The staging area: batches, and a small state area that outlives batches (watermarks, known twin state). A batch
 * lives in {@code batches/{id}/} while it runs and moves to {@code archive/{id}/} once it is done
 * ({@link #archiveBatch}); it is read the same from either place.
 */
public interface StagingStore {

    /** Creates a new, empty batch. */
    Batch createBatch(BatchId id);

    /**
     * Opens an existing batch, in {@code batches/} or in the archive, or fails with a message that says how to list
     * batches. A batch whose archive copy is complete (its {@link BatchLayout#ARCHIVED} marker written) is read from
     * the archive, even while its original is still being deleted; before that, from {@code batches/}. A handle
     * opened before its batch moved follows it on the first read that misses.
     */
    Batch openBatch(BatchId id);

    /** Batch ids, in {@code batches/} and in the archive, oldest first. */
    List<BatchId> listBatches();

    /** The ids of the batches in the archive, oldest first; a batch still being moved there may be among them. */
    List<BatchId> archivedBatches();

    /**
     * Moves a batch to the archive: copies every file to {@code archive/{id}/}, writes the
     * {@link BatchLayout#ARCHIVED} marker last, then deletes the original. Safe to call again after a crash at any
     * point: it completes a half-done move, and does nothing for a batch already archived.
     *
     * @throws StagingException when there is no such batch, or a file cannot be copied or deleted
     */
    void archiveBatch(BatchId id);

    /**
     * Deletes an archived batch for good (its marker last, so that a deletion cut short is still listed and is done
     * again), with whatever is left of its original. Does nothing when the archive holds no such batch.
     */
    void deleteArchivedBatch(BatchId id);

    /** The newest batch, the last of {@link #listBatches()}. */
    default Optional<BatchId> latestBatch() {
        List<BatchId> all = listBatches();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** State kept between batches. */
    StateArea state();

    /**
     * Files that others put into the staging area for twinsync to read, under {@value #INCOMING}: the rows a Data
     * Factory Copy activity copied ({@code incoming/{runId}/{entity}.json}), which {@code twinsync run --rows-from}
     * stages. Twinsync writes nothing here but a copy plan; whoever writes the files deletes them (a storage
     * lifecycle rule, say).
     */
    StateArea incoming();

    /** The folder of {@link #incoming()} in the staging area. */
    String INCOMING = "incoming/";

    /** Where the store lives, for messages. */
    String location();
}
