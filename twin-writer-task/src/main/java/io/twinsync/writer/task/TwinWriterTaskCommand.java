package io.twinsync.writer.task;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.writer.AdtClients;
import io.twinsync.writer.AdtTarget;
import io.twinsync.writer.Partition;
import io.twinsync.writer.TwinWriter;
import io.twinsync.writer.WriteReport;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.client.PemCertificate;
import io.twinsync.writer.limit.RateLimits;
import io.twinsync.writer.report.ItemResult;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes one partition of a local batch to ADT; the exit code says how it went. */
@Command(
        name = "twin-writer-task",
        mixinStandardHelpOptions = true,
        description = "Applies a batch's twin files to Azure Digital Twins.",
        footer = {
            "",
            "Exit codes: 0 everything written or already up to date; 3 some twins or relationships failed (see",
            "results/part-{i}-of-{n}.ndjson); 1 could not run (bad arguments, another writer running against the",
            "same target, models refused, ADT unreachable)."
        })
final class TwinWriterTaskCommand implements Callable<Integer> {

    private static final int FAILURES_SHOWN = 20;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--batch",
            required = true,
            paramLabel = "<dir>",
            description = "The batch folder, {staging}/batches/{batchId}; the known state is kept in {staging}/state.")
    private Path batch;

    @Option(
            names = "--partition",
            defaultValue = "1/1",
            paramLabel = "<i/n>",
            converter = PartitionConverter.class,
            description = "Write only slice i of n of the twin files (default: ${DEFAULT-VALUE}, all).")
    private Partition partition;

    @Option(
            names = "--endpoint",
            required = true,
            paramLabel = "<url>",
            description = "The ADT instance, https://{name}.api.{region}.digitaltwins.azure.net.")
    private URI endpoint;

    @Option(
            names = "--trust-certificate",
            paramLabel = "<pem>",
            description = "Emulator only: trust only this certificate and send a dummy token.")
    private Path trustCertificate;

    @Option(
            names = "--concurrency",
            defaultValue = "64",
            description = "Requests in flight at once (default: ${DEFAULT-VALUE}); the rate is set by the limits.")
    private int concurrency;

    @Option(
            names = "--rate-share",
            defaultValue = "1",
            paramLabel = "<fraction>",
            description = "This task's part of the instance's rate limits when several tasks write to it at once:"
                    + " 1/4 (or 0.25) for each of four (default: ${DEFAULT-VALUE}, all).")
    private String rateShare;

    @Option(
            names = "--limit",
            paramLabel = "<class>=<per second>",
            description = "The instance's rate limit for a class of requests, when it differs from ADT's documented"
                    + " one: reads (1000), patches (1000), creates-deletes (500), queries (500), models (100),"
                    + " twin-writes (10, per twin). Repeatable.")
    private Map<String, Double> limits = new LinkedHashMap<>();

    @Option(
            names = "--ignore-known-state",
            description = "Read every twin from ADT, even those whose file was applied before unchanged.")
    private boolean ignoreKnownState;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LocalBatchFolder folder = LocalBatchFolder.of(batch);
        AdtTarget target =
                new AdtTarget(endpoint, Optional.ofNullable(trustCertificate).map(PemCertificate::read));
        WriterSettings settings = WriterSettings.defaults()
                .withConcurrency(concurrency)
                .withIgnoreKnownState(ignoreKnownState)
                .withRateLimits(
                        RateLimits.serviceDefaults().withLimits(limits).withShare(RateLimits.parseShare(rateShare)));
        DigitalTwinsClient client = AdtClients.create(target, settings);
        WriteReport report =
                new TwinWriter(client, folder.store(), target.stateKey(), settings).write(folder.batch(), partition);
        String summaryPath = WriteSummaryRecorder.record(folder.batch(), partition, report.summary());
        print(out, folder, report, summaryPath);
        return report.exitCode();
    }

    private void print(PrintWriter out, LocalBatchFolder folder, WriteReport report, String summaryPath) {
        var summary = report.summary();
        out.printf("Batch %s partition %s -> %s%n", folder.batch().id(), partition, endpoint);
        out.printf("  twins:         %s%n", counts(summary.twins()));
        out.printf("  relationships: %s%n", counts(summary.relationships()));
        out.printf(
                "  requests:      %d (%d retried, %d throttled)%n",
                summary.requests(), summary.retried(), summary.throttled());
        out.printf("  results:       %s, summary in %s%n", BatchLayout.resultsFile(partition.fileName()), summaryPath);
        report.failures().stream().limit(FAILURES_SHOWN).forEach(failure -> out.println("  failed: " + line(failure)));
        if (report.failures().size() > FAILURES_SHOWN) {
            out.printf(
                    "  ... and %d more failures in the results file%n",
                    report.failures().size() - FAILURES_SHOWN);
        }
        out.flush();
    }

    private static String counts(OutcomeCounts counts) {
        return "created " + counts.created() + ", patched " + counts.patched() + ", unchanged " + counts.unchanged()
                + ", deleted " + counts.deleted() + ", failed " + counts.failed();
    }

    private static String line(ItemResult failure) {
        return failure.kind().jsonName() + " " + failure.id() + " " + failure.errorCode() + ": " + failure.message();
    }
}
