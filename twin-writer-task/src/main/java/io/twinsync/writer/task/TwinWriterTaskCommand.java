package io.twinsync.writer.task;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagingStores;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.writer.AdtClients;
import io.twinsync.writer.AdtTarget;
import io.twinsync.writer.Partition;
import io.twinsync.writer.SharedWrite;
import io.twinsync.writer.TwinWriter;
import io.twinsync.writer.WritePhase;
import io.twinsync.writer.WriteReport;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.client.PemCertificate;
import io.twinsync.writer.limit.RateLimits;
import io.twinsync.writer.report.ItemResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
            "same target, models refused, ADT not answering for --unreachable-after)."
        })
final class TwinWriterTaskCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(TwinWriterTaskCommand.class);

    private static final int FAILURES_SHOWN = 20;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--batch",
            paramLabel = "<dir or url>",
            description = "The batch, {staging}/batches/{batchId}: a folder, or a Blob Storage URL"
                    + " (https://{account}.blob.core.windows.net/{container}/{path}/batches/{batchId}, signed in with"
                    + " a SAS in the URL, else one in " + StagingStores.SAS_VARIABLE + ", else "
                    + StagingStores.CONNECTION_STRING_VARIABLE + ", else"
                    + " DefaultAzureCredential). The known state is kept in {staging}/state.")
    private String batch;

    @Option(
            names = "--partition",
            defaultValue = "1/1",
            paramLabel = "<i/n>",
            converter = PartitionConverter.class,
            description = "Write only slice i of n of the twin files (default: ${DEFAULT-VALUE}, all).")
    private Partition partition;

    @Option(
            names = "--phase",
            defaultValue = "all",
            paramLabel = "<phase>",
            converter = PhaseConverter.class,
            description = "all (default): models, twins, then relationships. When several partitions write at the same"
                    + " time, run every partition with 'twins' first and then every partition with 'relationships':"
                    + " a relationship's target may be a twin of another partition.")
    private WritePhase phase;

    @Option(
            names = "--endpoint",
            paramLabel = "<url>",
            description = "The ADT instance, https://{name}.api.{region}.digitaltwins.azure.net.")
    private URI endpoint;

    @Option(
            names = "--trust-certificate",
            paramLabel = "<pem>",
            description = "Emulator only: trust only this certificate and send a dummy token.")
    private Path trustCertificate;

    @Option(
            names = "--target-key",
            paramLabel = "<name>",
            description = "The name under which the target's known state is kept (default: the endpoint's host, and"
                    + " port when not 443). Set by the orchestrator for its embedded emulator.")
    private String targetKey;

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
            names = "--throttle-budget",
            defaultValue = "10m",
            paramLabel = "<duration>",
            converter = DurationConverter.class,
            description = "How long one request may be held up by throttling (429) before it fails, such as 10m or"
                    + " 1h (default: ${DEFAULT-VALUE}). Throttles slow the run down; they fail a twin only past this.")
    private Duration throttleBudget;

    @Option(
            names = "--unreachable-after",
            defaultValue = "60s",
            paramLabel = "<duration>",
            converter = DurationConverter.class,
            description = "Stop the whole write, exit code 1, once every request has failed without an answer"
                    + " (I/O errors, 408, 5xx) for this long, such as 60s or 5m (default: ${DEFAULT-VALUE}); a shorter"
                    + " outage is waited out and fails no twin. Running the same command again later writes the rest.")
    private Duration unreachableAfter;

    @Option(
            names = "--adf",
            arity = "0..1",
            fallbackValue = ".",
            paramLabel = "<dir>",
            description = "Run as an Azure Data Factory Custom Activity: read the settings from activity.json"
                    + " (typeProperties.extendedProperties) in <dir> (default: the working directory) and write"
                    + " outputs.json there. No other option may be given with it.")
    private Path adf;

    @Option(
            names = {"--full-compare", "--ignore-known-state"},
            description = "Compare every twin and relationship of the partition with the graph (read by query) instead"
                    + " of trusting the known state, and delete the twins of the mapped models that no row produces."
                    + " The batch must hold every row (a full read). --ignore-known-state is its former name.")
    private boolean fullCompare;

    /** Everything one run needs, from the options or from a Data Factory activity. */
    private record Run(
            String batch,
            URI endpoint,
            Partition partition,
            WritePhase phase,
            String rateShare,
            int concurrency,
            Map<String, Double> limits,
            boolean fullCompare,
            Path trustCertificate,
            String targetKey,
            Duration throttleBudget,
            Duration unreachableAfter) {}

    /** What a run did, for the printout and the activity's outputs. */
    private record Outcome(BatchLocation location, WriteReport report, String summaryPath) {}

    @Override
    public Integer call() throws Exception {
        if (adf != null) {
            return runAsActivity(adf.toAbsolutePath().normalize());
        }
        if (batch == null || endpoint == null) {
            throw new IllegalArgumentException(
                    "Give --batch <dir or url> and --endpoint <url> (or --adf to read them from"
                            + " a Data Factory activity.json); run twin-writer-task --help for the options");
        }
        Run run = new Run(
                batch,
                endpoint,
                partition,
                phase,
                rateShare,
                concurrency,
                limits,
                fullCompare,
                trustCertificate,
                targetKey,
                throttleBudget,
                unreachableAfter);
        Outcome outcome = write(run, Path.of("").toAbsolutePath());
        print(spec.commandLine().getOut(), run, outcome);
        return outcome.report().exitCode();
    }

    private int runAsActivity(Path dir) throws Exception {
        try {
            List<String> others = spec.commandLine().getParseResult().matchedOptions().stream()
                    .map(option -> option.longestName())
                    .filter(name -> !name.equals("--adf"))
                    .toList();
            if (!others.isEmpty()) {
                throw new IllegalArgumentException("With --adf the settings come from activity.json's"
                        + " extendedProperties; remove " + others + " from the command, or set them there");
            }
            AdfActivity.Settings activity = AdfActivity.read(dir);
            log.info(
                    "Data Factory activity '{}': partition {}, linked services {}, datasets {}",
                    activity.activityName(),
                    activity.partition(),
                    activity.linkedServices(),
                    activity.datasets());
            Run run = new Run(
                    activity.batch(),
                    activity.endpoint(),
                    activity.partition(),
                    activity.phase(),
                    activity.rateShare(),
                    activity.concurrency() == null ? concurrency : activity.concurrency(),
                    activity.limits(),
                    activity.fullCompare(),
                    activity.trustCertificate(),
                    activity.targetKey(),
                    activity.throttleBudget() == null ? throttleBudget : activity.throttleBudget(),
                    activity.unreachableAfter() == null ? unreachableAfter : activity.unreachableAfter());
            Outcome outcome = write(run, dir);
            print(spec.commandLine().getOut(), run, outcome);
            AdfActivity.writeOutputs(
                    dir,
                    outcome.report().exitCode(),
                    outcome.report().summary(),
                    outcome.location().batch().id().value(),
                    BatchLayout.resultsFile(run.phase().resultsName(run.partition())),
                    null);
            return outcome.report().exitCode();
        } catch (Exception | Error e) {
            // The pipeline gets the reason too, not only the task's stderr; a failure to say so must not hide it.
            try {
                AdfActivity.writeOutputs(
                        dir, WriteReport.EXIT_COULD_NOT_RUN, null, null, null, String.valueOf(e.getMessage()));
            } catch (IOException | RuntimeException outputs) {
                e.addSuppressed(outputs);
            }
            throw e;
        }
    }

    /** @param base the folder a relative batch folder is resolved against */
    private Outcome write(Run run, Path base) {
        // Settings first: a wrong share or limit is reported before anything is opened.
        WriterSettings settings = WriterSettings.defaults()
                .withConcurrency(run.concurrency())
                .withFullCompare(run.fullCompare())
                .withThrottleBudget(run.throttleBudget())
                .withUnreachableAfter(run.unreachableAfter())
                .withRateLimits(RateLimits.serviceDefaults()
                        .withLimits(run.limits())
                        .withShare(RateLimits.parseShare(run.rateShare())));
        BatchLocation location = BatchLocation.of(
                run.batch(), base, StagingStores.connectionStringFromEnvironment(), StagingStores.sasFromEnvironment());
        AdtTarget target = new AdtTarget(
                run.endpoint(), Optional.ofNullable(run.trustCertificate()).map(PemCertificate::read));
        DigitalTwinsClient client = AdtClients.create(target, settings);
        if (run.targetKey() != null && !run.targetKey().matches("[A-Za-z0-9._-]{1,120}")
                || ".".equals(run.targetKey())
                || "..".equals(run.targetKey())) {
            throw new IllegalArgumentException("The target key '" + run.targetKey() + "' is not a plain name; use"
                    + " letters, digits, '.', '_' and '-' (it names a folder of the known state)");
        }
        String stateKey = run.targetKey() != null ? run.targetKey() : target.stateKey();
        WriteReport report = new TwinWriter(client, run.endpoint(), location.store(), stateKey, settings)
                .write(location.batch(), run.partition(), SharedWrite.of(settings), run.phase());
        String summaryPath =
                WriteSummaryRecorder.record(location.batch(), run.partition(), run.phase(), report.summary());
        return new Outcome(location, report, summaryPath);
    }

    private void print(PrintWriter out, Run run, Outcome outcome) {
        WriteReport report = outcome.report();
        var summary = report.summary();
        Partition partition = run.partition();
        String summaryPath = outcome.summaryPath();
        out.printf(
                "Batch %s partition %s%s -> %s%n",
                outcome.location().batch().id(),
                partition,
                run.phase() == WritePhase.ALL ? "" : " (" + run.phase().name().toLowerCase(Locale.ROOT) + ")",
                run.endpoint());
        out.printf("  twins:         %s%n", counts(summary.twins()));
        out.printf("  relationships: %s%n", counts(summary.relationships()));
        out.printf(
                "  requests:      %d (%d retried, %d throttled)%n",
                summary.requests(), summary.retried(), summary.throttled());
        out.printf(
                "  results:       %s, summary in %s%n",
                BatchLayout.resultsFile(run.phase().resultsName(partition)), summaryPath);
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
