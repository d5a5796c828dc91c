package io.twinsync.writer.apply;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.writer.Partition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a partition's twin phase did per twin ({@link HandedOffTwin}, one line each), handed to its relationship phase
 * through the batch ({@code handoff/part-{i}-of-{n}.ndjson}), so that the two phases can run in different processes or
 * Batch tasks, and a resumed batch whose twin phase completed runs only the relationship phase. The twin files
 * themselves are read again from the batch rather than copied. Written and read line by line, never whole.
 */
public final class TwinHandOff {

    private TwinHandOff() {}

    /**
     * Appends the partition's hand-off line by line as the twin phase goes; it replaces one an earlier attempt wrote
     * when committed, and is discarded when closed without a commit (a twin phase that stopped early).
     */
    public static HandOffWriter writer(Batch batch, Partition partition) {
        String path = BatchLayout.handoffFile(partition.fileName());
        StagedOutput out = batch.create(path);
        return new HandOffWriter(out, path + " in batch " + batch.id(), out::commit);
    }

    /** Whether the partition's twin phase finished. */
    public static boolean exists(Batch batch, Partition partition) {
        return batch.exists(BatchLayout.handoffFile(partition.fileName()));
    }

    /**
     * Refuses a relationship phase that runs before every partition's twin phase finished: a relationship's target
     * may be a twin of another partition, and one not created yet fails the relationship ({@code TargetTwinNotFound})
     * rather than waiting for it. Seen when a pipeline ran each partition's two phases one after the other.
     *
     * @throws StagingException naming the partitions whose twin phase has not finished, and what to run
     */
    public static void requireEveryTwinPhase(Batch batch, Partition partition) {
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= partition.count(); i++) {
            Partition other = new Partition(i, partition.count());
            if (!exists(batch, other)) {
                missing.add(other.toString());
            }
        }
        if (!missing.isEmpty() && !missing.equals(List.of(partition.toString()))) {
            throw new StagingException("The relationship phase of partition " + partition + " of batch " + batch.id()
                    + " must wait for the twin phase of every partition, and " + missing.size()
                    + (missing.size() == 1 ? " has" : " have") + " not finished (" + String.join(", ", missing)
                    + "): a relationship's target may be another partition's twin. Run the twin phase (--phase"
                    + " twins) of every partition first, then the relationship phases");
        }
    }

    /**
     * The partition's hand-off, line by line as its twin phase left them; {@link HandedOffTwin#restore} reads each
     * twin's file again.
     *
     * @throws StagingException when the twin phase did not finish
     */
    public static HandOffLines read(Batch batch, Partition partition) {
        String path = BatchLayout.handoffFile(partition.fileName());
        requireHandOff(batch, path);
        return new HandOffLines(batch.open(path), path + " in batch " + batch.id());
    }

    /**
     * The twins every partition's twin phase created in this batch: a relationship to one of them that ADT does not
     * find yet is tried again (ADT is eventually consistent) rather than failed at once.
     */
    public static Set<String> createdIn(Batch batch) {
        Set<String> created = new HashSet<>();
        for (String path : batch.list(BatchLayout.HANDOFF)) {
            requireHandOff(batch, path);
            try (HandOffLines lines = new HandOffLines(batch.open(path), path + " in batch " + batch.id())) {
                lines.forEachRemaining(line -> {
                    if (line.created()) {
                        created.add(line.result().twinId());
                    }
                });
            }
        }
        return created;
    }

    private static void requireHandOff(Batch batch, String path) {
        if (!batch.exists(path)) {
            throw new StagingException("Batch " + batch.id() + " has no " + path + ": the twin phase of this partition"
                    + " did not finish. Run the twin phase (--phase twins) first, then the relationship phase");
        }
    }
}
