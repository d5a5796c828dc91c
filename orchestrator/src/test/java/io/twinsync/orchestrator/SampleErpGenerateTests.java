package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.staging.manifest.BatchManifest;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code twinsync sample-erp generate} through the CLI: a generated sample ERP syncs like the seed, and the same seed
 * and size give the same data, so a sync of a regenerated ERP finds nothing to change.
 */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleErpGenerateTests {

    static final Path home = CliRun.newHome("sample-erp-generate-");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Test
    @Order(1)
    void aGeneratedErpOfNRowsSyncsIntoNTwins() {
        // when
        CliRun generated = CliRun.of(cli, "sample-erp", "generate", "--rows", "600");
        CliRun run = CliRun.of(cli, "run");

        // then
        assertThat(generated.code()).as(generated.toString()).isZero();
        assertThat(generated.out())
                .contains("Generated 600 rows")
                .contains("12 cost centres, 5 sites, 14 buildings, 42 production lines, 527 equipment")
                .contains("It replaced 347 rows");
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = CliRun.latestManifest(home);
        assertThat(manifest.extract().totalRows()).isEqualTo(600);
        assertThat(manifest.write().twins().created()).isEqualTo(600);
        assertThat(manifest.write().twins().failed()).isZero();
        assertThat(manifest.write().relationships().created()).isGreaterThan(1_000);
    }

    @Test
    @Order(2)
    void theSameSeedAndSizeAgainChangeNothingInTheGraph() {
        // when the ERP is generated again alike and read whole
        CliRun generated = CliRun.of(cli, "sample-erp", "generate", "--rows", "600");
        CliRun run = CliRun.of(cli, "run", "--full-compare");

        // then the full compare finds every twin and relationship as it is
        assertThat(generated.code()).as(generated.toString()).isZero();
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = CliRun.latestManifest(home);
        assertThat(manifest.extract().totalRows()).isEqualTo(600);
        assertThat(manifest.write().twins().created()).isZero();
        assertThat(manifest.write().twins().patched()).isZero();
        assertThat(manifest.write().twins().deleted()).isZero();
        assertThat(manifest.write().relationships().created()).isZero();
        assertThat(manifest.write().relationships().deleted()).isZero();
    }

    @Test
    @Order(3)
    void aSizeOutsideTheRangeIsRefusedWithTheRange() {
        CliRun run = CliRun.of(cli, "sample-erp", "generate", "--rows", "5");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--rows takes a number from 16 to 100000000; got 5");
    }
}
