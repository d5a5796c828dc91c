package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A run whose target answers nothing: the write step fails with the writer's one message, about
 * {@code twinsync.writer.unreachable-after} after it started, and leaves the watermarks and presence lists as they
 * were, so that the next run, once the target is back, reads and writes everything again. The models commands and
 * {@code validate} say the same about the target, naming it.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnreachableTargetRunTests {

    static final Path home = CliRun.newHome("unreachable-target-");
    static final Path tls = home.resolve("standalone-adt/tls");

    /** A port and a certificate of an emulator that is then stopped: nothing listens there until test 2. */
    static final AdtEmulator stopped =
            AdtEmulator.builder().port(0).tlsDirectory(tls).start();

    static {
        stopped.close();
    }

    private AdtEmulator emulator;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
        registry.add("twinsync.target.endpoint", () -> stopped.endpoint().toString());
        registry.add(
                "twinsync.target.trust-certificate",
                () -> stopped.certificatePemFile().orElseThrow().toString());
        registry.add("twinsync.writer.unreachable-after", () -> "2s");
    }

    @Autowired
    TwinsyncCommandLine cli;

    @AfterAll
    void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    @Order(1)
    void listingModelsOfATargetThatAnswersNothingSaysSoNamingIt() {
        // when
        CliRun list = CliRun.of(cli, "models", "list");

        // then it says the target did not answer, where, and what to do; not that the listing went wrong
        assertThat(list.code()).as(list.toString()).isEqualTo(1);
        assertThat(list.err())
                .contains("twinsync models list failed: ADT at " + stopped.endpoint() + " did not answer for 2 s")
                .contains("the last one LIST models with connection refused")
                .contains("Check that the instance is up and reachable from here")
                .doesNotContain("Cannot list the models")
                .doesNotContain("caused by");
    }

    @Test
    @Order(2)
    void validatingAgainstATargetThatAnswersNothingSaysSoNamingIt() {
        // when
        CliRun validate = CliRun.of(cli, "validate");

        // then
        assertThat(validate.code()).as(validate.toString()).isEqualTo(1);
        assertThat(validate.err())
                .contains("could not check the models against " + stopped.endpoint() + ": ADT at " + stopped.endpoint()
                        + " did not answer for 2 s")
                .contains("--no-target");
    }

    @Test
    @Order(3)
    void aRunAgainstATargetThatAnswersNothingFailsInTheWriteStepWithOneMessage() throws Exception {
        // when
        long start = System.nanoTime();
        CliRun run = CliRun.of(cli, "run");

        // then it says what happened, where, and that nothing is lost, once, without a stack trace or raw causes
        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.err())
                .contains("twinsync run failed in the write step (twins, partitions 1/2, 2/2): ADT at "
                        + stopped.endpoint() + " did not answer for 2 s")
                .contains("the last one LIST models with connection refused")
                .contains("Nothing is lost")
                .doesNotContain("caused by");
        PlainMessages.assertPlain(run.err());
        assertThat(run.err().lines().filter(line -> line.contains("did not answer")))
                .hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        // and the batch was extracted and transformed, but nothing says it was written
        BatchManifest manifest = CliRun.latestManifest(home);
        assertThat(manifest.extract().rowsByEntity().get("equipment")).isPositive();
        assertThat(manifest.write()).isNull();
        // and its report, written as the job ended, stays with it in batches/ and says what run says
        Path folder = home.resolve("staging").resolve("batches").resolve(manifest.batchId());
        JsonNode report =
                StagingJson.mapper().readTree(folder.resolve("report.json").toFile());
        assertThat(report.path("result").asText()).isEqualTo("FAILED");
        assertThat(report.path("job").asText()).isEqualTo("FAILED");
        assertThat(report.path("transform").path("twinFiles").asLong()).isPositive();
        assertThat(run.out()).contains("  result     FAILED").contains("  report     ");
        assertThat(folder.resolve("report.html")).exists();
    }

    @Test
    @Order(4)
    void theNextRunOnceTheTargetIsBackReadsTheSameRowsAgainAndWritesThem() {
        // given the target back, on the same endpoint
        long equipmentBefore =
                CliRun.latestManifest(home).extract().rowsByEntity().get("equipment");
        emulator = AdtEmulator.builder()
                .port(stopped.endpoint().getPort())
                .tlsDirectory(tls)
                .start();

        // when
        CliRun run = CliRun.of(cli, "run");

        // then the watermark did not move on the failed run: the equipment rows are read and written again
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = CliRun.latestManifest(home);
        assertThat(manifest.extract().rowsByEntity()).containsEntry("equipment", equipmentBefore);
        assertThat(manifest.write().twins().created())
                .isEqualTo(manifest.transform().twinFiles());
        assertThat(manifest.write().twins().failed()).isZero();
    }
}
