package io.twinsync.orchestrator.job;

import io.twinsync.writer.Partition;
import io.twinsync.writer.WritePhase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The write steps' partitions (the same for the twin and the relationship step): {@code n} slices of the twin files, cut as the task's {@code --partition i/n} cuts
 * them ({@link Partition}, by a hash of the file's path), so that a twin and its outgoing relationships, which live
 * in its file, are always in the same partition, and the partitions are balanced by file count. Named
 * {@code part-i-of-n}, the same name as the partition's results and summary files.
 */
final class WritePartitions {

    /** Step execution context key: the partition, as {@code i/n}. */
    static final String PARTITION = "partition";

    private WritePartitions() {}

    /** The partitions' execution contexts, by name: what Spring Batch's splitter makes a step execution of. */
    static Map<String, ExecutionContext> of(int count) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            Partition partition = new Partition(i, count);
            ExecutionContext context = new ExecutionContext();
            context.putString(PARTITION, partition.toString());
            partitions.put(partition.fileName(), context);
        }
        return partitions;
    }

    /** The names of every partition's summary of either phase, as the record step adds them up. */
    static List<String> phaseNames(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new Partition(i, count))
                .flatMap(partition -> Stream.of(WritePhase.TWINS, WritePhase.RELATIONSHIPS)
                        .map(phase -> phase.resultsName(partition)))
                .toList();
    }

    /** A partition's part of the requests in flight: together the partitions keep as many as one writer would. */
    static int concurrencyShare(int concurrency, Partition partition) {
        return Math.max(1, (concurrency + partition.count() - 1) / partition.count());
    }

    static Partition partitionOf(ExecutionContext context) {
        return Partition.parse(context.getString(PARTITION));
    }
}
