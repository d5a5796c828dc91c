package io.twinsync.writer;

import static io.twinsync.writer.support.TestBatches.batch;
import static io.twinsync.writer.support.TestBatches.pump;
import static io.twinsync.writer.support.TestBatches.site;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.faults.Faults;
import io.twinsync.emulator.limits.ApiClass;
import io.twinsync.staging.Batch;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.writer.limit.RateLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's rate limits and its retry of ADT's eventual consistency, against the emulator's service limits. */
class RateLimitedWriterTests {

    private static final int PUMPS = 25;

    @TempDir
    Path root;

    private AdtEmulator emulator;

    @AfterEach
    void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aTwinWithManyRelationshipsIsWrittenWithinItsTenWritesPerSecondWithoutBeingThrottled() {
        // given an emulator with ADT's limits and a site with 25 relationships (25 writes on one twin)
        emulator = AdtEmulator.builder().port(0).start();
        Batch batch = batch(new LocalStagingStore(root), siteWithPumps());

        // when the writer writes them with its default limits
        WriteReport report = writer(WriterSettings.defaults()).write(batch, Partition.ALL);

        // then every twin and relationship is created and the service never had to throttle
        assertThat(report.summary().twins()).isEqualTo(new OutcomeCounts(PUMPS + 1, 0, 0, 0, 0));
        assertThat(report.summary().relationships()).isEqualTo(new OutcomeCounts(PUMPS, 0, 0, 0, 0));
        assertThat(report.summary().throttled()).isZero();
        assertThat(emulator.stats().throttled()).isZero();
    }

    @Test
    void withoutThePerTwinLimitTheServiceThrottlesAndRetriesStillWriteEverything() {
        // given the same graph, and a writer told that one twin may take 1,000 writes per second
        emulator = AdtEmulator.builder().port(0).start();
        Batch batch = batch(new LocalStagingStore(root), siteWithPumps());
        WriterSettings unlimitedTwins = WriterSettings.defaults()
                .withRetries(8, Duration.ofMillis(100), Duration.ofSeconds(2))
                .withRateLimits(RateLimits.serviceDefaults().withPerTwinWrites(1_000));

        // when it writes them
        WriteReport report = writer(unlimitedTwins).write(batch, Partition.ALL);

        // then the service throttled the site's relationships, and the retries still wrote every one
        assertThat(report.summary().throttled()).isPositive();
        assertThat(report.summary().relationships()).isEqualTo(new OutcomeCounts(PUMPS, 0, 0, 0, 0));
    }

    @Test
    void sustainedThrottlingSlowsTheWriteButFailsNoTwinEvenWithoutRetries() {
        // given an instance that takes 10 creates per second while the writer believes ADT's 500, and a writer
        // with no retries at all: before throttles were waited out within a time budget, a 429 spent a retry
        emulator = AdtEmulator.builder()
                .port(0)
                .rateLimits(io.twinsync.emulator.limits.RateLimits.defaults().with(ApiClass.CREATES_DELETES, 10))
                .start();
        Batch batch = batch(new LocalStagingStore(root), siteWithPumps());
        WriterSettings noRetries =
                WriterSettings.defaults().withRetries(0, Duration.ofMillis(100), Duration.ofSeconds(2));

        // when it writes 26 twins and 25 relationships, 51 creates, most of them at once
        WriteReport report = writer(noRetries).write(batch, Partition.ALL);

        // then the service throttled many of them, and every twin and relationship was still created
        assertThat(emulator.stats().throttled()).isGreaterThanOrEqualTo(10);
        assertThat(report.summary().throttled()).isEqualTo(emulator.stats().throttled());
        assertThat(report.failures()).isEmpty();
        assertThat(report.summary().twins()).isEqualTo(new OutcomeCounts(PUMPS + 1, 0, 0, 0, 0));
        assertThat(report.summary().relationships()).isEqualTo(new OutcomeCounts(PUMPS, 0, 0, 0, 0));
    }

    @Test
    void theProgressOfAThrottledWriteCountsEveryRequestThrottleAndRetryAsTheServiceSawThem() {
        // given an instance that takes 10 creates per second while the writer believes ADT's 500
        emulator = AdtEmulator.builder()
                .port(0)
                .rateLimits(io.twinsync.emulator.limits.RateLimits.defaults().with(ApiClass.CREATES_DELETES, 10))
                .start();
        Batch batch = batch(new LocalStagingStore(root), siteWithPumps());
        WriterSettings settings = WriterSettings.defaults();
        WriteProgress progress = new WriteProgress();
        List<String> metrics = new java.util.concurrent.CopyOnWriteArrayList<>();

        // when it writes, with the progress (and a second listener, as metrics would be) shared by the write
        TwinWriter writer = writer(settings);
        WriteReport report = writer.write(
                batch,
                Partition.ALL,
                SharedWrite.of(settings, progress, (apiClass, outcome, retry, nanos) -> metrics.add(outcome.name())),
                WritePhase.ALL);

        // then the progress saw each request as it ended: as many as the service answered, its 429s, the retries
        WriteProgress.Snapshot seen = progress.snapshot();
        assertThat(emulator.stats().throttled()).isPositive();
        assertThat(seen.requests())
                .isEqualTo(emulator.stats().total())
                .isEqualTo(report.summary().requests());
        assertThat(seen.throttled()).isEqualTo(emulator.stats().throttled());
        assertThat(seen.retried()).isEqualTo(report.summary().retried()).isGreaterThanOrEqualTo(seen.throttled());
        assertThat(metrics).hasSize((int) seen.requests());
        assertThat(metrics.stream().filter("THROTTLED"::equals).count()).isEqualTo(seen.throttled());
    }

    @Test
    void aRelationshipToATwinJustCreatedIsRetriedWhileADTStillReportsItMissing() {
        // given an emulator that, like ADT, reports a new twin missing as a relationship target for 600 ms
        emulator = AdtEmulator.builder()
                .port(0)
                .faults(Faults.none().withConsistencyDelay(Duration.ofMillis(600)))
                .start();
        Batch batch = batch(new LocalStagingStore(root), site("site-1", "pump-1"), pump("pump-1", 1200));

        // when the writer creates both twins and then the relationship
        WriteReport report = writer(WriterSettings.defaults()).write(batch, Partition.ALL);

        // then the relationship was created after a short retry (ADT refused the first PUT), not failed
        assertThat(report.summary().relationships()).isEqualTo(new OutcomeCounts(1, 0, 0, 0, 0));
        assertThat(report.failures()).isEmpty();
        assertThat(emulator.stats().countStatus(404)).isGreaterThanOrEqualTo(1); // the refused PUT(s)
        assertThat(emulator.stats().count("relationships.put")).isGreaterThan(1);
    }

    @Test
    void aRelationshipToATwinThisRunDidNotCreateFailsAtOnceWhenItsTargetIsMissing() {
        // given the same lagging emulator, and a site whose pump is in no file (its row was rejected, say)
        emulator = AdtEmulator.builder()
                .port(0)
                .faults(Faults.none().withConsistencyDelay(Duration.ofMillis(600)))
                .start();
        Batch batch = batch(new LocalStagingStore(root), site("site-1", "pump-404"));

        // when the writer writes it
        WriteReport report = writer(WriterSettings.defaults()).write(batch, Partition.ALL);

        // then the relationship fails with the service's code after one attempt: no waiting for a twin nobody made
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.errorCode()).isEqualTo("TargetTwinNotFound");
            assertThat(failure.attempts()).isEqualTo(1); // one PUT: the site is new, so nothing is read first
        });
    }

    private TwinFile[] siteWithPumps() {
        List<TwinFile> files = new ArrayList<>();
        String[] pumpIds = new String[PUMPS];
        for (int i = 0; i < PUMPS; i++) {
            pumpIds[i] = "pump-" + i;
            files.add(pump(pumpIds[i], 1000 + i));
        }
        files.add(site("site-1", pumpIds));
        return files.toArray(TwinFile[]::new);
    }

    private TwinWriter writer(WriterSettings settings) {
        DigitalTwinsClient client =
                AdtClients.create(AdtTarget.emulator(emulator.endpoint(), emulator.certificate()), settings);
        return new TwinWriter(client, new LocalStagingStore(root), "emulator", settings);
    }
}
