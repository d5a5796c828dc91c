package io.twinsync.orchestrator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * What failed in a batch's job, once per cause: partitions that failed alike (say, every partition when the target
 * stopped answering) are one line naming them all, and the partition step's own failure, which only says that a
 * partition failed, is left out when the partitions' are there.
 */
final class StepFailures {

    private static final Pattern PARTITION = Pattern.compile("(\\w+)Partition:part-(\\d+)-of-(\\d+)");

    private StepFailures() {}

    /** Where a stopped batch stopped: {@code in the write step}, or {@code before its first step}. */
    static String stoppedIn(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStatus() != BatchStatus.COMPLETED)
                .map(StepExecution::getStepName)
                .filter(name -> !PARTITION.matcher(name).matches())
                .findFirst()
                .map(name -> "in the " + name + " step")
                .orElse("before its first step");
    }

    /** Lines such as {@code write step (partitions 1/2, 2/2): ADT at ... did not answer}. */
    static List<String> of(JobExecution execution) {
        Map<String, Map<String, List<String>>> byStep = new LinkedHashMap<>(); // step -> cause -> partitions
        boolean partitionsFailed = false;
        for (StepExecution step : execution.getStepExecutions()) {
            Matcher partition = PARTITION.matcher(step.getStepName());
            String name = partition.matches() ? partition.group(1) : step.getStepName();
            partitionsFailed |=
                    partition.matches() && !step.getFailureExceptions().isEmpty();
            for (Throwable failure : step.getFailureExceptions()) {
                byStep.computeIfAbsent(name, n -> new LinkedHashMap<>())
                        .computeIfAbsent(CliExceptionHandler.describe(failure), c -> new ArrayList<>())
                        .add(partition.matches() ? partition.group(2) + "/" + partition.group(3) : "");
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
                String where = partitions.isEmpty()
                        ? ""
                        : (partitions.size() == 1 ? " (partition " : " (partitions ") + String.join(", ", partitions)
                                + ")";
                lines.add(step.getKey() + " step" + where + ": " + cause.getKey());
            }
        }
        return lines;
    }
}
