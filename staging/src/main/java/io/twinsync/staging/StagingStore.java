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

    Optional<BatchId> latestBatch();

    /** State kept between batches. */
    StateArea state();

    /** Where the store lives, for messages. */
    String location();
}
