package io.twinsync.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.writer.limit.ApiClass;
import io.twinsync.writer.limit.RateLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TwinsyncPropertiesTests {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final Duration SIXTY_SECONDS = Duration.ofSeconds(60);

    @Test
    void anUnknownWriteBackendATaskZipThatIsNotThereAndTooManyTaskRetriesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new TwinsyncProperties.Writer(
                        64, 5, "1", null, TEN_MINUTES, SIXTY_SECONDS, 0, "batch", null, 2))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.writer.backend")
                .hasMessageContaining("threads")
                .hasMessageContaining("processes");
        assertThatThrownBy(() -> new TwinsyncProperties.Writer(
                        64, 5, "1", null, TEN_MINUTES, SIXTY_SECONDS, 0, "processes", Path.of("/no/task.zip"), 2))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.writer.task-zip")
                .hasMessageContaining("scripts/build-task-zip.sh");
        assertThatThrownBy(() -> new TwinsyncProperties.Writer(
                        64, 5, "1", null, TEN_MINUTES, SIXTY_SECONDS, 0, "processes", null, 11))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.writer.task-retries");
        assertThat(new TwinsyncProperties.Writer(
                                64, 5, "1", null, TEN_MINUTES, SIXTY_SECONDS, 0, " Processes ", null, 0)
                        .backend())
                .isEqualTo("processes");
    }

    @Test
    void metricsAreOffByDefaultAndAnUnknownExportOrABadOtlpUrlIsRefusedNamingTheSetting() {
        TwinsyncProperties.Metrics metrics = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("twinsync.metrics", TwinsyncProperties.Metrics.class);
        assertThat(metrics.export()).isEqualTo("none");
        assertThat(metrics.prometheusFileUnder(Path.of("/tmp/h"))).isEqualTo(Path.of("/tmp/h/metrics/twinsync.prom"));
        assertThat(new TwinsyncProperties.Metrics(" Prometheus ", null, null).export())
                .isEqualTo("prometheus");

        assertThatThrownBy(() -> new TwinsyncProperties.Metrics("graphite", null, null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.metrics.export")
                .hasMessageContaining("prometheus")
                .hasMessageContaining("otlp");
        assertThatThrownBy(() -> new TwinsyncProperties.Metrics("otlp", null, "localhost:4318"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.metrics.otlp-url");
    }

    @Test
    void aPlainHttpEndpointIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new TwinsyncProperties.Target("http://adt.example", null, "service"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.target.endpoint")
                .hasMessageContaining("https://");
    }

    @Test
    void anUnknownEmulatorLimitsValueIsRefusedSayingWhatWorks() {
        assertThatThrownBy(() -> new TwinsyncProperties.Target(null, null, "fast"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.target.emulator-limits")
                .hasMessageContaining("service")
                .hasMessageContaining("off");
    }

    @Test
    void aTrustCertificateThatIsNotThereIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new TwinsyncProperties.Target(
                        "https://adt.example", Path.of("/no/such/emulator-cert.pem"), "service"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.target.trust-certificate")
                .hasMessageContaining("no such file");
    }

    @Test
    void writerSettingsOutsideTheWritersRulesAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new TwinsyncProperties.Writer(
                        8, 25, "1", null, TEN_MINUTES, SIXTY_SECONDS, 0, "threads", null, 2))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.writer.max-retries");
        assertThat(new TwinsyncProperties.Writer(4, 3, "1", null, TEN_MINUTES, SIXTY_SECONDS, 0, "threads", null, 2)
                        .settings()
                        .concurrency())
                .isEqualTo(4);
    }

    @Test
    void theRateShareAndLimitsReachTheWriterAndBadOnesAreRefusedAtStartUp() {
        // given a writer that is one of four and an instance whose patch limit was raised
        TwinsyncProperties.Writer writer = new TwinsyncProperties.Writer(
                64, 5, "1/4", Map.of("patches", 4000.0), TEN_MINUTES, SIXTY_SECONDS, 0, "threads", null, 2);

        // then the writer's rates are a quarter of those limits
        RateLimits limits = writer.settings().rateLimits();
        assertThat(limits.effective(ApiClass.PATCHES)).isEqualTo(1000.0);
        assertThat(limits.effective(ApiClass.CREATES_DELETES)).isEqualTo(125.0);
        assertThat(limits.perTwinWrites()).isEqualTo(10.0);
        // and a share or a class that makes no sense is refused, naming the setting
        assertThatThrownBy(() -> new TwinsyncProperties.Writer(
                        64, 5, "4", null, TEN_MINUTES, SIXTY_SECONDS, 0, "threads", null, 2))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.writer.rate-share")
                .hasMessageContaining("1/n");
        assertThatThrownBy(() -> new TwinsyncProperties.Writer(
                        64, 5, "1", Map.of("writes", 5.0), TEN_MINUTES, SIXTY_SECONDS, 0, "threads", null, 2))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.writer.limits")
                .hasMessageContaining("creates-deletes");
    }

    @Test
    void writerLimitsBindFromPropertiesByClassName() {
        // given the settings as a user writes them in application.properties or the environment
        Map<String, String> settings = Map.of(
                "twinsync.writer.rate-share", "1/2",
                "twinsync.writer.limits.creates-deletes", "400",
                "twinsync.writer.limits.twin-writes", "5");

        // when Spring binds them
        TwinsyncProperties.Writer writer = new Binder(new MapConfigurationPropertySource(settings))
                .bind("twinsync.writer", TwinsyncProperties.Writer.class)
                .get();

        // then the writer gets half of 400 creates and deletes per second, and 5 writes per twin
        assertThat(writer.settings().rateLimits().effective(ApiClass.CREATES_DELETES))
                .isEqualTo(200.0);
        assertThat(writer.settings().rateLimits().perTwinWrites()).isEqualTo(5.0);
        assertThat(writer.concurrency()).isEqualTo(64);
    }

    @Test
    void theThrottleBudgetAndUnreachableWindowBindAsDurationsAndReachTheWriter() {
        // given the settings as a user writes them
        Map<String, String> settings = Map.of(
                "twinsync.writer.throttle-budget", "15m",
                "twinsync.writer.unreachable-after", "90s");

        // when Spring binds them
        TwinsyncProperties.Writer writer = new Binder(new MapConfigurationPropertySource(settings))
                .bind("twinsync.writer", TwinsyncProperties.Writer.class)
                .get();

        // then the writer gets them
        assertThat(writer.settings().throttleBudget()).isEqualTo(Duration.ofMinutes(15));
        assertThat(writer.settings().unreachableAfter()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theThrottleBudgetAndUnreachableWindowDefaultToTenMinutesAndSixtySeconds() {
        // when only another writer setting is given
        TwinsyncProperties.Writer writer = new Binder(
                        new MapConfigurationPropertySource(Map.of("twinsync.writer.concurrency", "8")))
                .bind("twinsync.writer", TwinsyncProperties.Writer.class)
                .get();

        // then
        assertThat(writer.throttleBudget()).isEqualTo(TEN_MINUTES);
        assertThat(writer.unreachableAfter()).isEqualTo(SIXTY_SECONDS);
    }

    @Test
    void aZeroOrOverlongWaitIsRefusedAtStartUpNamingTheSetting() {
        assertThatThrownBy(() -> new TwinsyncProperties.Writer(
                        64, 5, "1", null, Duration.ZERO, SIXTY_SECONDS, 0, "threads", null, 2))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.writer.throttle-budget")
                .hasMessageContaining("such as 30s or 10m");
        assertThatThrownBy(() -> new TwinsyncProperties.Writer(
                        64, 5, "1", null, TEN_MINUTES, Duration.ofDays(2), 0, "threads", null, 2))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.writer.unreachable-after")
                .hasMessageContaining("at most 24h");
    }

    @Test
    void aSourceUrlThatIsNotJdbcIsRefusedWithoutShowingItsPassword() {
        assertThatThrownBy(() -> new TwinsyncProperties.Source("postgres://h/db?password=s3cr3t!", null, null, 2, 1000))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.source.url")
                .hasMessageNotContaining("s3cr3t!");
    }

    @Test
    void theSourcePasswordNeverShowsInToString() {
        TwinsyncProperties.Source source =
                new TwinsyncProperties.Source("jdbc:postgresql://h/db", "erp", "s3cr3t!", 2, 1000);

        assertThat(source.toString()).doesNotContain("s3cr3t!").contains("****");
    }

    @Test
    void archiveLimitsOutsideTheirRangeAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new TwinsyncProperties.Archive(true, 30, 0))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.archive.keep-batches")
                .hasMessageContaining("always kept");
        assertThatThrownBy(() -> new TwinsyncProperties.Archive(true, -1, 100))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.archive.keep-days");
    }

    @Test
    void archivingIsOnByDefaultKeeping30DaysOrTheNewest100() {
        TwinsyncProperties.Archive archive = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("twinsync.archive", TwinsyncProperties.Archive.class);

        assertThat(archive).isEqualTo(new TwinsyncProperties.Archive(true, 30, 100));
    }

    @Test
    void stagingDefaultsToAFolderInHome() {
        TwinsyncProperties properties = new TwinsyncProperties(
                Path.of("/tmp/h"),
                new TwinsyncProperties.Source(null, null, null, 2, 1000),
                null,
                null,
                new TwinsyncProperties.Target(null, null, "service"),
                new TwinsyncProperties.Writer(8, 5, "1", null, TEN_MINUTES, SIXTY_SECONDS, 0, "threads", null, 2),
                new TwinsyncProperties.Drift(24, false),
                new TwinsyncProperties.Jobs(null, null, null),
                new TwinsyncProperties.Schedule(null, null),
                new TwinsyncProperties.Archive(true, 30, 100),
                new TwinsyncProperties.Progress(Duration.ofSeconds(10), TwinsyncProperties.Progress.AUTO),
                new TwinsyncProperties.Metrics(null, null, null));

        assertThat(properties.stagingLocation())
                .isEqualTo(Path.of("/tmp/h/staging").toString());
    }

    @Test
    void aStagingUrlWithoutAContainerIsRefusedNamingTheSettingButNotItsSas() {
        TwinsyncProperties properties = new TwinsyncProperties(
                Path.of("/tmp/h"),
                new TwinsyncProperties.Source(null, null, null, 2, 1000),
                null,
                "https://acct.blob.core.windows.net/?sv=2023-11-03&sig=c2VjcmV0",
                new TwinsyncProperties.Target(null, null, "service"),
                new TwinsyncProperties.Writer(8, 5, "1", null, TEN_MINUTES, SIXTY_SECONDS, 0, "threads", null, 2),
                new TwinsyncProperties.Drift(24, false),
                new TwinsyncProperties.Jobs(null, null, null),
                new TwinsyncProperties.Schedule(null, null),
                new TwinsyncProperties.Archive(true, 30, 100),
                new TwinsyncProperties.Progress(Duration.ofSeconds(10), TwinsyncProperties.Progress.AUTO),
                new TwinsyncProperties.Metrics(null, null, null));

        assertThatThrownBy(() -> new TwinsyncConfiguration().stagingStore(properties))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.staging")
                .hasMessageContaining("names no container")
                .hasMessageNotContaining("c2VjcmV0");
    }

    @Test
    void aScheduleCronThatIsNotSpringsSixFieldsIsRefusedNamingTheSettingWithAnExample() {
        assertThatThrownBy(() -> new TwinsyncProperties.Schedule("0 * * * *", null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.schedule.cron")
                .hasMessageContaining("'0 * * * *'")
                .hasMessageContaining("\"0 0 * * * *\"")
                .hasMessageContaining("a seconds field first: \"0 0 * * * *\"");
    }

    @Test
    void aScheduleZoneThatIsNotAZoneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new TwinsyncProperties.Schedule("@hourly", "Europe/Pariss"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.schedule.zone")
                .hasMessageContaining("Europe/Paris or America/New_York");
        assertThat(new TwinsyncProperties.Schedule("*/2 * * * * *", "UTC").zone())
                .isEqualTo("UTC");
    }
}
