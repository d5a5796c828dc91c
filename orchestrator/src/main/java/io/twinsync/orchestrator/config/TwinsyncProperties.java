package io.twinsync.orchestrator.config;

import io.twinsync.extract.jdbc.JdbcSourceSettings;
import io.twinsync.extract.jdbc.JdbcUrls;
import io.twinsync.orchestrator.schedule.CronSyntax;
import io.twinsync.staging.ArchiveRetention;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.limit.RateLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * All twinsync settings. Every group has working defaults: with none set, twinsync syncs the embedded sample ERP
 * into the embedded ADT emulator, keeping everything under {@code home}.
 *
 * @param home where embedded state lives (sample ERP database, staging, emulator snapshot); env TWINSYNC_HOME
 * @param source the ERP to read; no URL means the embedded sample ERP
 * @param mapping the mapping file; empty means the sample mapping shipped with twinsync
 * @param staging the staging area: a folder, or a Blob Storage URL
 *     ({@code https://{account}.blob.core.windows.net/{container}[/{path}]}); empty means {@code home/staging}
 * @param target the ADT instance to write; no endpoint means the embedded emulator
 * @param writer how the writer behaves
 * @param drift when runs check the graph for drift
 * @param jobs where Spring Batch keeps the batches' job and step executions (what {@code run --resume} resumes)
 * @param schedule when {@code twinsync schedule} starts batches, unless its command line says
 * @param archive whether done batches move to the archive, and how long archived ones are kept
 * @param progress how often a running write says how far it got
 * @param metrics whether and where the run's metrics go
 */
@ConfigurationProperties("twinsync")
public record TwinsyncProperties(
        Path home,
        @DefaultValue Source source,
        String mapping,
        String staging,
        @DefaultValue Target target,
        @DefaultValue Writer writer,
        @DefaultValue Drift drift,
        @DefaultValue Jobs jobs,
        @DefaultValue Schedule schedule,
        @DefaultValue Archive archive,
        @DefaultValue Progress progress,
        @DefaultValue Metrics metrics) {

    public TwinsyncProperties {
        if (home == null) {
            throw new InvalidSettingException("twinsync.home", null, "set TWINSYNC_HOME to a writable folder");
        }
        home = home.toAbsolutePath().normalize();
    }

    /** The staging area's folder or URL (which may carry a SAS token: never log it, log the store's location). */
    public String stagingLocation() {
        return staging != null && !staging.isBlank()
                ? staging.strip()
                : home.resolve("staging").toString();
    }

    /**
     * The source database.
     *
     * @param url JDBC URL; empty means the embedded sample ERP (H2 in {@code home/sample-erp})
     * @param username user name, if the URL does not carry one
     * @param password password; never logged or printed
     * @param maximumPoolSize connections in the source pool
     * @param fetchSize rows fetched per round trip
     */
    public record Source(
            String url,
            String username,
            String password,
            @DefaultValue("2") int maximumPoolSize,
            @DefaultValue("1000") int fetchSize) {

        public Source {
            if (maximumPoolSize < 1 || maximumPoolSize > 100) {
                throw new InvalidSettingException(
                        "twinsync.source.maximum-pool-size",
                        maximumPoolSize,
                        "use 1 to 100 (extract reads one entity at a time, so 2 is plenty)");
            }
            if (fetchSize < 1 || fetchSize > 100_000) {
                throw new InvalidSettingException("twinsync.source.fetch-size", fetchSize, "use 1 to 100000");
            }
            if (url != null && !url.isBlank()) {
                try {
                    new JdbcSourceSettings(url, username, password, maximumPoolSize, fetchSize);
                } catch (IllegalArgumentException e) {
                    throw new InvalidSettingException("twinsync.source.url", JdbcUrls.redact(url), e.getMessage());
                }
            }
        }

        public boolean embedded() {
            return url == null || url.isBlank();
        }

        @Override
        public String toString() {
            return "Source[url="
                    + (embedded() ? "(embedded sample ERP)" : JdbcUrls.redact(url))
                    + ", username=" + username + ", password=" + (password == null ? "(none)" : "****") + "]";
        }
    }

    /**
     * The ADT instance.
     *
     * @param endpoint e.g. {@code https://myinstance.api.weu.digitaltwins.azure.net}; empty means the embedded emulator
     * @param trustCertificate a PEM certificate to trust instead of the JDK's (for a standalone emulator only)
     * @param emulatorLimits the embedded emulator's rate limits: {@code service} (ADT's, the default) or {@code off}
     */
    public record Target(String endpoint, Path trustCertificate, @DefaultValue("service") String emulatorLimits) {

        public Target {
            if (endpoint != null && !endpoint.isBlank() && !endpoint.startsWith("https://")) {
                throw new InvalidSettingException(
                        "twinsync.target.endpoint", endpoint, "ADT endpoints start with https://");
            }
            if (trustCertificate != null && !Files.isRegularFile(trustCertificate)) {
                throw new InvalidSettingException(
                        "twinsync.target.trust-certificate",
                        trustCertificate,
                        "no such file; give the emulator's PEM certificate, whose path 'twinsync emulator' prints"
                                + " when it starts");
            }
            if (!"service".equals(emulatorLimits) && !"off".equals(emulatorLimits)) {
                throw new InvalidSettingException(
                        "twinsync.target.emulator-limits", emulatorLimits, "use service (ADT's limits) or off");
            }
        }

        public boolean embedded() {
            return endpoint == null || endpoint.isBlank();
        }
    }

    /**
     * Drift checks: whether the graph still holds what twinsync last wrote (see {@code twinsync drift}).
     *
     * @param everyRuns check at the start of every N-th run (0: only when asked, with {@code run --verify} or
     *     {@code twinsync drift}); a check costs one query page per 1,000 twins of each mapped model
     * @param repair when a run's check finds drift, make that run a full compare, which repairs it; otherwise the
     *     run reports the drift and ends {@code DRIFT} (exit code 3)
     */
    public record Drift(@DefaultValue("24") int everyRuns, @DefaultValue("false") boolean repair) {

        public Drift {
            if (everyRuns < 0 || everyRuns > 1_000_000) {
                throw new InvalidSettingException(
                        "twinsync.drift.every-runs", everyRuns, "use 0 (only when asked) to 1000000");
            }
        }
    }

    /**
     * {@code twinsync schedule}'s defaults; its {@code --cron} and {@code --zone} override them.
     *
     * @param cron Spring's cron expression (six fields, seconds first, or a macro such as {@code @daily}); empty:
     *     {@code schedule} needs {@code --cron}
     * @param zone the time zone the expression is read in, such as {@code Europe/Paris}; empty: the system's
     */
    public record Schedule(String cron, String zone) {

        public Schedule {
            if (cron != null && !cron.isBlank()) {
                try {
                    CronSyntax.cron(cron);
                } catch (IllegalArgumentException e) {
                    throw new InvalidSettingException("twinsync.schedule.cron", cron, e.getMessage());
                }
            }
            if (zone != null && !zone.isBlank()) {
                try {
                    CronSyntax.zone(zone);
                } catch (IllegalArgumentException e) {
                    throw new InvalidSettingException("twinsync.schedule.zone", zone, e.getMessage());
                }
            }
        }
    }

    /**
     * How a running batch says how far it got, on standard error: on a terminal, a live display of every stage
     * (done of total, rate, requests, 429s, retries, time left); otherwise a write step's line every {@code every},
     * and one when each write step ends.
     *
     * @param every how often a plain line; 0 for no progress at all
     * @param display {@value #AUTO} or {@value #LINES}
     */
    public record Progress(@DefaultValue("10s") Duration every, @DefaultValue(AUTO) String display) {

        /** {@link #display()}: a live display when standard error is a terminal, plain lines otherwise. */
        public static final String AUTO = "auto";

        /** {@link #display()}: plain lines always. */
        public static final String LINES = "lines";

        public Progress {
            if (every == null || every.isNegative()) {
                throw new InvalidSettingException(
                        "twinsync.progress.every", every, "use a duration such as 10s, or 0 for no progress lines");
            }
            if (display == null) {
                display = AUTO;
            }
            if (!AUTO.equals(display) && !LINES.equals(display)) {
                throw new InvalidSettingException(
                        "twinsync.progress.display",
                        display,
                        "use auto (a live display on a terminal, plain lines otherwise) or lines (plain lines always)");
            }
        }

        /** Whether a terminal gets the live display. */
        public boolean live() {
            return AUTO.equals(display);
        }
    }

    /**
     * Metrics (Micrometer): Spring Batch's job and step timers and the writer's requests, written at the end of
     * every batch or pushed, or not kept at all.
     *
     * @param export {@code none} (no metrics: nothing is counted), {@code prometheus} (a text file in Prometheus'
     *     exposition format, for node_exporter's textfile collector) or {@code otlp} (pushed to an OpenTelemetry
     *     collector every minute and when twinsync stops)
     * @param prometheusFile for {@code prometheus}: the file, replaced whole at the end of every batch; empty means
     *     {@code home/metrics/twinsync.prom}
     * @param otlpUrl for {@code otlp}: the collector's OTLP/HTTP metrics URL
     */
    public record Metrics(
            @DefaultValue(NONE) String export,
            Path prometheusFile,
            @DefaultValue("http://localhost:4318/v1/metrics") String otlpUrl) {

        public static final String NONE = "none";

        public static final String PROMETHEUS = "prometheus";

        public static final String OTLP = "otlp";

        public Metrics {
            export = export == null ? NONE : export.strip().toLowerCase(Locale.ROOT);
            if (!List.of(NONE, PROMETHEUS, OTLP).contains(export)) {
                throw new InvalidSettingException(
                        "twinsync.metrics.export",
                        export,
                        "use none (no metrics, the default), prometheus (a text file for node_exporter's textfile"
                                + " collector, twinsync.metrics.prometheus-file) or otlp (pushed to"
                                + " twinsync.metrics.otlp-url)");
            }
            if (prometheusFile != null && Files.isDirectory(prometheusFile)) {
                throw new InvalidSettingException(
                        "twinsync.metrics.prometheus-file",
                        prometheusFile,
                        "that is a folder; give a file such as /var/lib/node_exporter/textfile/twinsync.prom");
            }
            if (OTLP.equals(export) && !isHttpUrl(otlpUrl)) {
                throw new InvalidSettingException(
                        "twinsync.metrics.otlp-url",
                        otlpUrl,
                        "give the collector's OTLP/HTTP metrics URL, such as http://localhost:4318/v1/metrics");
            }
        }

        /** The Prometheus file: the setting, or {@code home/metrics/twinsync.prom}. */
        public Path prometheusFileUnder(Path home) {
            return prometheusFile != null
                    ? prometheusFile.toAbsolutePath().normalize()
                    : home.resolve("metrics").resolve("twinsync.prom");
        }

        private static boolean isHttpUrl(String url) {
            try {
                java.net.URI uri = new java.net.URI(url == null ? "" : url.strip());
                return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }
    }

    /**
     * The archive: where a batch goes once its job is done ({@code staging/archive/{batchId}/}), and which archived
     * batches are kept. An archived batch is deleted when it is beyond both limits: older than {@code keepDays} and
     * not among the newest {@code keepBatches}.
     *
     * @param enabled move each batch whose job completed (but a {@code --no-write} one, which waits for
     *     {@code import-file}) to the archive, and delete archived batches beyond the limits; false leaves every
     *     batch in {@code batches/}
     * @param keepDays archived batches younger than this many days (from when each started) are kept
     * @param keepBatches this many of the newest archived batches are kept, however old (at least 1)
     */
    public record Archive(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30") int keepDays,
            @DefaultValue("100") int keepBatches) {

        public Archive {
            if (keepDays < 0 || keepDays > 36_500) {
                throw new InvalidSettingException(
                        "twinsync.archive.keep-days",
                        keepDays,
                        "use 0 (age keeps nothing; keep-batches alone decides) to 36500 days");
            }
            if (keepBatches < 1 || keepBatches > 1_000_000) {
                throw new InvalidSettingException(
                        "twinsync.archive.keep-batches",
                        keepBatches,
                        "use 1 to 1000000 (the newest archived batch is always kept)");
            }
        }

        /** The retention these settings ask for. */
        public ArchiveRetention retention() {
            return new ArchiveRetention(keepDays, keepBatches);
        }
    }

    /**
     * The job repository: Spring Batch's tables, which record every batch's job and step executions.
     *
     * @param url JDBC URL of a PostgreSQL or SQL Server / Azure SQL database; empty means an H2 file under
     *     {@code home/jobs}
     * @param username user name, if the URL does not carry one
     * @param password password; never logged or printed
     */
    public record Jobs(String url, String username, String password) {

        public Jobs {
            if (url != null && !url.isBlank()) {
                if (databaseTypeOf(url) == null) {
                    throw new InvalidSettingException(
                            "twinsync.jobs.url",
                            JdbcUrls.redact(url),
                            "the job repository can be PostgreSQL (jdbc:postgresql://...), SQL Server or Azure SQL"
                                    + " (jdbc:sqlserver://...), or H2 (jdbc:h2:...); leave it empty for an H2 file"
                                    + " under twinsync.home");
                }
            }
        }

        public boolean embedded() {
            return url == null || url.isBlank();
        }

        /** Spring Batch's name of the database type ({@code H2}, {@code POSTGRES} or {@code SQLSERVER}). */
        public String databaseType() {
            return embedded() ? "H2" : databaseTypeOf(url);
        }

        private static String databaseTypeOf(String url) {
            String lower = url.strip().toLowerCase(Locale.ROOT);
            if (lower.startsWith("jdbc:h2:")) {
                return "H2";
            }
            if (lower.startsWith("jdbc:postgresql:")) {
                return "POSTGRES";
            }
            if (lower.startsWith("jdbc:sqlserver:")) {
                return "SQLSERVER";
            }
            return null;
        }

        @Override
        public String toString() {
            return "Jobs[url=" + (embedded() ? "(H2 under home)" : JdbcUrls.redact(url)) + ", username=" + username
                    + ", password=" + (password == null ? "(none)" : "****") + "]";
        }
    }

    /**
     * Writer behaviour.
     *
     * @param concurrency requests in flight at once
     * @param maxRetries retries of a request that failed transiently (throttled, 5xx, I/O)
     * @param rateShare this writer's part of the instance's rate limits, {@code 1} or a fraction such as {@code 1/4}
     * @param limits the instance's rate limits where they differ from ADT's documented ones, by class
     *     ({@code reads}, {@code patches}, {@code creates-deletes}, {@code queries}, {@code models}, and
     *     {@code twin-writes} per twin)
     * @param throttleBudget how long one request may be held up by throttling (429) before it fails
     * @param unreachableAfter how long every request may fail without an answer before the write step stops
     * @param partitions the write steps' partitions, each restartable on its own; they share one rate budget. 0 means
     *     one per processor core, at least 2
     * @param backend how the partitions run: {@code threads} of this process (one rate limiter for all),
     *     {@code processes} of the packaged task, each with its share of the rate budget, or {@code data-factory}:
     *     listed for a Data Factory pipeline, whose Custom activities run the task on Azure Batch
     * @param taskZip for {@code processes}: the task zip to unpack and run, as an Azure Batch node does; without it,
     *     the task runs from twinsync's own jar
     * @param taskRetries for {@code processes}: how often a partition's task that could not run (exit code 1) is
     *     started again, as Batch's {@code maxTaskRetryCount}
     */
    public record Writer(
            @DefaultValue("64") int concurrency,
            @DefaultValue("5") int maxRetries,
            @DefaultValue("1") String rateShare,
            Map<String, Double> limits,
            @DefaultValue("10m") Duration throttleBudget,
            @DefaultValue("60s") Duration unreachableAfter,
            @DefaultValue("0") int partitions,
            @DefaultValue("threads") String backend,
            Path taskZip,
            @DefaultValue("2") int taskRetries) {

        /**
         * The write's back-ends: partitions as threads of this process, as processes of the packaged task, or handed
         * to a Data Factory pipeline that runs the task on Azure Batch.
         */
        public static final String THREADS = "threads";

        public static final String PROCESSES = "processes";

        public static final String DATA_FACTORY = "data-factory";

        public static final List<String> BACKENDS = List.of(THREADS, PROCESSES, DATA_FACTORY);

        public Writer {
            backend = backend == null ? THREADS : backend.strip().toLowerCase(Locale.ROOT);
            if (!BACKENDS.contains(backend)) {
                throw new InvalidSettingException(
                        "twinsync.writer.backend",
                        backend,
                        "use threads (partitions as threads of this process, the default), processes (each"
                                + " partition a process of the packaged twin-writer-task, as an Azure Batch node runs"
                                + " it) or data-factory (the run stops after the transform and lists the partitions"
                                + " for a Data Factory pipeline's Custom activities; 'run --resume' records the"
                                + " batch once they ran)");
            }
            if (taskRetries < 0 || taskRetries > 10) {
                throw new InvalidSettingException(
                        "twinsync.writer.task-retries",
                        taskRetries,
                        "use 0 to 10: how often a partition's task that could not run is started again");
            }
            if (taskZip != null && !Files.isRegularFile(taskZip)) {
                throw new InvalidSettingException(
                        "twinsync.writer.task-zip",
                        taskZip,
                        "no such file; give the path of twin-writer-task-linux-x64.zip (built by"
                                + " scripts/build-task-zip.sh), or remove the setting to run the task from twinsync's"
                                + " own jar");
            }
            if (partitions < 0 || partitions > 64) {
                throw new InvalidSettingException(
                        "twinsync.writer.partitions",
                        partitions,
                        "use 1 to 64, or 0 for one per processor core (at least 2)");
            }
            limits = limits == null ? Map.of() : Map.copyOf(limits);
            if (concurrency < 1 || concurrency > 256) {
                throw new InvalidSettingException("twinsync.writer.concurrency", concurrency, "use 1 to 256");
            }
            if (maxRetries < 0 || maxRetries > 20) {
                throw new InvalidSettingException("twinsync.writer.max-retries", maxRetries, "use 0 to 20");
            }
            try {
                RateLimits.parseShare(rateShare);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("twinsync.writer.rate-share", rateShare, e.getMessage());
            }
            try {
                RateLimits.serviceDefaults().withLimits(limits);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("twinsync.writer.limits", limits, e.getMessage());
            }
            checkWait("twinsync.writer.throttle-budget", throttleBudget, "10m");
            checkWait("twinsync.writer.unreachable-after", unreachableAfter, "60s");
            // Building the writer's own settings here checks every rule the writer has, at start-up.
            settings(concurrency, maxRetries, rateShare, limits, throttleBudget, unreachableAfter);
        }

        /** The partitions a write uses: the setting, or one per processor core (at least 2) for 0. */
        public int partitionCount() {
            return partitions > 0
                    ? partitions
                    : Math.max(2, Runtime.getRuntime().availableProcessors());
        }

        /** The writer's settings for these values. */
        public WriterSettings settings() {
            return settings(concurrency, maxRetries, rateShare, limits, throttleBudget, unreachableAfter);
        }

        private static WriterSettings settings(
                int concurrency,
                int maxRetries,
                String rateShare,
                Map<String, Double> limits,
                Duration throttleBudget,
                Duration unreachableAfter) {
            WriterSettings defaults = WriterSettings.defaults();
            return new WriterSettings(concurrency, maxRetries, defaults.initialBackoff(), defaults.maxBackoff())
                    .withRateLimits(
                            RateLimits.serviceDefaults().withLimits(limits).withShare(RateLimits.parseShare(rateShare)))
                    .withThrottleBudget(throttleBudget)
                    .withUnreachableAfter(unreachableAfter);
        }

        private static void checkWait(String setting, Duration value, String defaultValue) {
            if (value == null
                    || value.isNegative()
                    || value.isZero()
                    || value.compareTo(WriterSettings.LONGEST_WAIT) > 0) {
                throw new InvalidSettingException(
                        setting,
                        value,
                        "use a duration above 0 and at most 24h, such as 30s or 10m (default " + defaultValue + ")");
            }
        }
    }
}
