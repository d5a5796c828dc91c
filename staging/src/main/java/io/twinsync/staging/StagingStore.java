package io.twinsync.staging;

import java.util.List;
import java.util.Optional;

/** The staging area: batches, and a small state area that outlives batches (watermarks, known twin state). */
public interface StagingStore {

    /** Creates a new, empty batch. */
    Batch createBatch(BatchId id);

    /** Opens an existing batch, or fails with a message that says how to list batches. */
    Batch openBatch(BatchId id);

    /** Batch ids, oldest first. */
    List<BatchId> listBatches();

    /** The newest batch, the last of {@link #listBatches()}. */
    default Optional<BatchId> latestBatch() {
        List<BatchId> all = listBatches();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** State kept between batches. */
    StateArea state();

    /** Where the store lives, for messages. */
    String location();
}
