package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.emulator.AdtEmulator;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A target that refuses the credential twinsync signs in with, as ADT answers an identity without a data-plane role
 * (403, empty body: the emulator's {@code refuseAccess}, from the service's recorded answers): every command that
 * reaches the target says so in one plain message, naming the target and the role to assign, and writes nothing.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedCredentialTests {

    static final Path home = CliRun.newHome("refused-credential-");
    static final AdtEmulator refusing = AdtEmulator.builder()
            .port(0)
            .tlsDirectory(home.resolve("standalone-adt/tls"))
            .refuseAccess(true)
            .start();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
        registry.add("twinsync.target.endpoint", () -> refusing.endpoint().toString());
        registry.add(
                "twinsync.target.trust-certificate",
                () -> refusing.certificatePemFile().orElseThrow().toString());
    }

    @Autowired
    TwinsyncCommandLine cli;

    @AfterAll
    void stopEmulator() {
        refusing.close();
    }

    @Test
    void aRunWhoseCredentialTheTargetRefusesSaysWhichRoleToAssignInOnePlainMessage() {
        CliRun run = CliRun.of(cli, "run");

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.err())
                .contains("ADT at " + refusing.endpoint() + " refused")
                .contains("Azure Digital Twins Data Owner");
        PlainMessages.assertPlain(run.err());
        assertThat(refusing.stats().twinWrites()).isZero();
    }

    @Test
    void listingModelsWithARefusedCredentialSaysTheSame() {
        CliRun list = CliRun.of(cli, "models", "list");

        assertThat(list.code()).as(list.toString()).isEqualTo(1);
        assertThat(list.err())
                .contains("ADT at " + refusing.endpoint() + " refused")
                .contains("Azure Digital Twins Data Owner");
        PlainMessages.assertPlain(list.err());
    }
}
