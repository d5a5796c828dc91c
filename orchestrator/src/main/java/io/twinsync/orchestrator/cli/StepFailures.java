package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.job.StepNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * What failed in a batch's job, once per cause: partitions that failed alike (say, every partition when the target
 * stopped answering) are one line naming them all, and the partition step's own failure, which only says that a
 * partition failed, is left out when the partitions' are there.
 */
final class StepFailures {

    private StepFailures() {}

    /** Where a stopped batch stopped: {@code in the write step}, or {@code before its first step}. */
    static String stoppedIn(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStatus() != BatchStatus.COMPLETED)
                .map(StepExecution::getStepName)
                .filter(name -> StepNames.partitionOf(name).isEmpty())
                .findFirst()
                .map(name -> "in the " + StepNames.forUser(name, List.of()))
                .orElse("before its first step");
    }

    /** Lines such as {@code write step (twins, partitions 1/2, 2/2): ADT at ... did not answer}. */
    static List<String> of(JobExecution execution) {
        Map<String, Map<String, List<String>>> byStep = new LinkedHashMap<>(); // step -> cause -> partitions
        boolean partitionsFailed = false;
        for (StepExecution step : execution.getStepExecutions()) {
            Optional<StepNames.PartitionOf> partition = StepNames.partitionOf(step.getStepName());
            String name = partition.map(StepNames.PartitionOf::step).orElse(step.getStepName());
            partitionsFailed |=
                    partition.isPresent() && !step.getFailureExceptions().isEmpty();
            for (Throwable failure : step.getFailureExceptions()) {
                byStep.computeIfAbsent(name, n -> new LinkedHashMap<>())
                        .computeIfAbsent(CliExceptionHandler.describe(failure), c -> new ArrayList<>())
                        .add(partition.map(StepNames.PartitionOf::partition).orElse(""));
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> step : byStep.entrySet()) {
            for (Map.Entry<String, List<String>> cause : step.getValue().entrySet()) {
                List<String> partitions =
                        cause.getValue().stream().filter(p -> !p.isEmpty()).toList();
                if (partitions.isEmpty() && partitionsFailed && cause.getKey().startsWith("Partition handler")) {
                    continue; // Spring Batch's word that a partition failed; the partition's own says why
                }
                lines.add(StepNames.forUser(step.getKey(), partitions) + ": " + cause.getKey());
            }
        }
        return lines;
    }
}
