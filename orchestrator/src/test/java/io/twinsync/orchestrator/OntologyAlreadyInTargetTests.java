package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The target already holds the ontology, uploaded by someone else with one model changed under the same DTMI: ADT
 * models cannot change, so twinsync says so before it writes anything. The steps build on each other, so they run in
 * order against one home folder.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OntologyAlreadyInTargetTests {

    private static final String PUMP = "dtmi:digitaltwins:rec_3_3:asset:Pump;1";

    static final Path home = RecHome.create("rec-held-");
    static final String sourceUrl = RecHome.createDatabase(home);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RecHome.register(registry, home, sourceUrl);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Test
    @Order(1)
    void anotherRevisionOfTheOntologyUploadsFolderAndAll() throws IOException {
        // given another revision of the ontology, in which Pump's flowCapacity is an integer
        Path upstream = home.resolve("upstream");
        RecHome.copyOntology(upstream);
        Path pump = upstream.resolve("Asset/Component/Pump/Pump.json");
        String text = Files.readString(pump);
        String changed = text.replaceFirst("(\"name\": \"flowCapacity\",\\s*\"schema\": )\"double\"", "$1\"integer\"");
        assertThat(changed).as("the revision differs").isNotEqualTo(text);
        Files.writeString(pump, changed);

        // when it is uploaded as a folder
        CliRun upload = cli("models", "upload", upstream.toString());

        // then all 767 went up
        assertThat(upload.code()).as(upload.toString()).isZero();
        assertThat(upload.out()).contains("767 uploaded, 0 already there");
    }

    @Test
    @Order(2)
    void validateAndDiffNameTheModelTheTargetHoldsWithOtherContent() {
        // when
        CliRun validate = cli("validate");
        CliRun diff = cli("models", "diff");

        // then
        assertThat(validate.code()).as(validate.toString()).isEqualTo(3);
        assertThat(validate.out())
                .contains("766 the same, 1 differing")
                .contains(
                        PUMP
                                + ": the target holds this model with other content (it differs at /contents/flowCapacity/schema)")
                .contains("give the changed model a new version");
        assertThat(diff.code()).isEqualTo(3);
        assertThat(diff.out())
                .contains("differ (1)")
                .contains(PUMP + " at /contents/flowCapacity/schema")
                .contains("same (766)");
    }

    @Test
    @Order(3)
    void aRunStopsBeforeWritingAnythingAndUploadRefusesToo() {
        // when
        CliRun run = cli("run");
        CliRun upload = cli("models", "upload");

        // then
        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains(PUMP).contains("with other content").contains("Nothing was written");
        PlainMessages.assertPlain(run.err());
        assertThat(cli("twin", "pump-P1").code()).isEqualTo(1);
        assertThat(upload.code()).as(upload.toString()).isEqualTo(1);
        assertThat(upload.err()).contains("nothing was uploaded").contains(PUMP);
    }

    private CliRun cli(String... args) {
        return CliRun.of(cli, args);
    }
}
