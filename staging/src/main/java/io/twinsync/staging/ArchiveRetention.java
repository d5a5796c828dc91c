package io.twinsync.staging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which archived batches to delete: those beyond both limits, older than {@code keepDays} (counted from the time
 * each batch started, its id) and not among the newest {@code keepBatches}. At least one is kept, so the newest
 * archived batch is never deleted.
 *
 * <p>Deleting a batch the writer's known state still points at is safe: the writer then reads that twin from the
 * target instead of planning its next patch from the deleted file (one read, once, on the twin's next change).
 */
public record ArchiveRetention(int keepDays, int keepBatches) {

    public ArchiveRetention {
        if (keepDays < 0) {
            throw new IllegalArgumentException("keepDays must be 0 or more, was " + keepDays);
        }
        if (keepBatches < 1) {
            throw new IllegalArgumentException(
                    "keepBatches must be at least 1 (the newest is always kept), was " + keepBatches);
        }
    }

    /**
     * @param archived the archived batches, in any order
     * @return the ones to delete, oldest first
     */
    public List<BatchId> toDelete(List<BatchId> archived, Instant now) {
        Instant cutoff = now.minus(Duration.ofDays(keepDays));
        List<BatchId> sorted = archived.stream().sorted().distinct().toList();
        List<BatchId> beyondCount = sorted.subList(0, Math.max(0, sorted.size() - keepBatches));
        return beyondCount.stream()
                .filter(id -> id.createdAt().isBefore(cutoff))
                .toList();
    }
}
