package io.twinsync.orchestrator.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job's step names as a user reads them: the write's two partitioned steps are one "write step" in two phases
 * ({@code write step (twins, partitions 1/2, 2/2)}), the other steps go by their names ({@code extract step}).
 */
public final class StepNames {

    private static final Pattern PARTITION = Pattern.compile("(\\w+)Partition:part-(\\d+)-of-(\\d+)");

    private static final Map<String, String> PHASES = Map.of(
            SyncJobConfiguration.WRITE_TWINS_STEP, "twins",
            SyncJobConfiguration.WRITE_RELATIONSHIPS_STEP, "relationships");

    private StepNames() {}

    /** A partition's step execution: its step's name and the partition as {@code i/n}. */
    public record PartitionOf(String step, String partition) {}

    /** The step and partition of a partition's step execution name, such as {@code writeTwinsPartition:part-1-of-2}. */
    public static Optional<PartitionOf> partitionOf(String stepExecutionName) {
        Matcher matcher = PARTITION.matcher(stepExecutionName);
        return matcher.matches()
                ? Optional.of(new PartitionOf(matcher.group(1), matcher.group(2) + "/" + matcher.group(3)))
                : Optional.empty();
    }

    /** {@code extract step}, {@code write step (twins)}, {@code write step (relationships, partitions 1/2, 2/2)}. */
    public static String forUser(String step, List<String> partitions) {
        List<String> details = new ArrayList<>();
        String phase = PHASES.get(step);
        if (phase != null) {
            details.add(phase);
        }
        if (!partitions.isEmpty()) {
            details.add((partitions.size() == 1 ? "partition " : "partitions ") + String.join(", ", partitions));
        }
        String name = phase != null ? "write" : step.equals(SyncJobConfiguration.HAND_OFF_STEP) ? "hand-off" : step;
        return name + " step" + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
    }
}
