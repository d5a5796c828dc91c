package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.staging.LocalStagingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Settings a user could give by mistake, or an attacker on purpose, each through {@code twinsync run} as a user starts
 * it: every one stops with exit code 1 and a message that names the setting at fault, shows no stack trace, never
 * shows the secret the case plants, and leaves no batch behind.
 */
class HostileSettingsTests {

    static final String PASSWORD = "hunter2-Secret";
    static final String SIGNATURE = "c2VjcmV0LXNpZ25hdHVyZQ";
    static final String SAS = "sv=2023-11-03&sr=c&sp=racwdl&sig=" + SIGNATURE + "%3D%3D";

    /**
     * One hostile case: where the settings go, what the message must name, and the secret it must not show.
     *
     * @param variables environment variables, besides TWINSYNC_HOME
     * @param properties system properties
     * @param settingsFile the twinsync.yaml, or null for none
     */
    record Case(
            String name,
            Map<String, String> variables,
            Map<String, String> properties,
            String settingsFile,
            String names,
            String secret) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                file(
                        "a typo in twinsync.yaml",
                        "twinsync:\n  writer:\n    concurency: 8\n",
                        "twinsync.writer.concurency"),
                variable("a typo in a variable", "TWINSYNC_WRITER_CONCURENCY", "8", "TWINSYNC_WRITER_CONCURENCY"),
                property("a typo in a system property", "twinsync.target.endpont", "https://adt.example", "endpont"),
                secretVariable("a mistyped password variable", "TWINSYNC_SOURCE_PASWORD", PASSWORD, "PASWORD"),
                new Case(
                        "a mistyped staging setting holding a SAS",
                        Map.of(),
                        Map.of("twinsync.stagin", "https://acct.blob.core.windows.net/staging/twinsync?" + SAS),
                        null,
                        "twinsync.stagin",
                        SIGNATURE),
                variable("a word for a number", "TWINSYNC_WRITER_CONCURRENCY", "lots", "twinsync.writer.concurrency"),
                variable("a negative number", "TWINSYNC_WRITER_CONCURRENCY", "-1", "twinsync.writer.concurrency"),
                property("zero connections", "twinsync.source.maximum-pool-size", "0", "maximum-pool-size"),
                variable(
                        "a number too big for its type",
                        "TWINSYNC_WRITER_CONCURRENCY",
                        "99999999999",
                        "twinsync.writer.concurrency"),
                property("a number too big for its use", "twinsync.writer.max-retries", "1000", "max-retries"),
                variable("a huge fetch size", "TWINSYNC_SOURCE_FETCH_SIZE", "1000000", "twinsync.source.fetch-size"),
                variable("an empty number", "TWINSYNC_WRITER_CONCURRENCY", "", "twinsync.writer.concurrency"),
                variable("an empty rate share", "TWINSYNC_WRITER_RATE_SHARE", "", "twinsync.writer.rate-share"),
                property("a rate share of nothing", "twinsync.writer.rate-share", "1/0", "twinsync.writer.rate-share"),
                property("a rate limit class that does not exist", "twinsync.writer.limits.writes", "5", "limits"),
                file(
                        "a negative rate limit",
                        "twinsync:\n  writer:\n    limits:\n      patches: -5\n",
                        "twinsync.writer.limits"),
                variable("a rate limit that is not a number", "TWINSYNC_WRITER_LIMITS_PATCHES", "NaN", "limits"),
                variable("a group given a value", "TWINSYNC_WRITER", "fast", "TWINSYNC_WRITER is a group of settings"),
                file("malformed YAML", "twinsync:\n  writer:\n    concurrency: 8\n   maxRetries: 3\n", "twinsync.yaml"),
                file("a tab in YAML", "twinsync:\n\twriter:\n    concurrency: 8\n", "twinsync.yaml"),
                secretVariable(
                        "a source URL that is not JDBC, with a password",
                        "TWINSYNC_SOURCE_URL",
                        "postgres://erp:" + PASSWORD + "@db.example/erp",
                        "twinsync.source.url"),
                secretVariable(
                        "a JDBC URL no driver accepts, with a password",
                        "TWINSYNC_SOURCE_URL",
                        "jdbc:oracle:thin:erp/" + PASSWORD + "@db.example:1521/erp",
                        "twinsync.source.url"),
                new Case(
                        "an unreachable source, with a password in the URL and in its setting",
                        Map.of(
                                "TWINSYNC_SOURCE_URL",
                                "jdbc:postgresql://127.0.0.1:1/erp?password=" + PASSWORD,
                                "TWINSYNC_SOURCE_PASSWORD",
                                PASSWORD),
                        Map.of(),
                        null,
                        "twinsync.source.url",
                        PASSWORD),
                variable("a plain HTTP endpoint", "TWINSYNC_TARGET_ENDPOINT", "http://adt.example", "endpoint"),
                property("emulator limits that do not exist", "twinsync.target.emulator-limits", "fast", "limits"),
                new Case(
                        "a certificate file that is not there",
                        Map.of(
                                "TWINSYNC_TARGET_ENDPOINT", "https://adt.example.invalid",
                                "TWINSYNC_TARGET_TRUST_CERTIFICATE", "/no/such/emulator-cert.pem"),
                        Map.of(),
                        null,
                        "twinsync.target.trust-certificate",
                        null),
                new Case(
                        "a staging URL without a container, with a SAS",
                        Map.of("TWINSYNC_STAGING", "https://acct.blob.core.windows.net/?" + SAS),
                        Map.of(),
                        null,
                        "twinsync.staging",
                        SIGNATURE),
                property("a mapping file that is not there", "twinsync.mapping", "/no/such/mapping.yaml", "mapping"),
                variable("an empty home", "TWINSYNC_HOME", "", "twinsync.home"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithOneMessageNamingTheSettingAndNoSecretOrStackTrace(Case hostile) throws IOException {
        // given a fresh home and the case's settings
        Path home = CliRun.newHome("hostile-");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("TWINSYNC_HOME", home.toString());
        variables.putAll(hostile.variables());

        // when a run starts
        StartedTwinsync run = hostile.settingsFile() == null
                ? StartedTwinsync.run(variables, hostile.properties(), "run")
                : StartedTwinsync.withSettingsFile(
                        Files.writeString(home.resolve("twinsync.yaml"), hostile.settingsFile()),
                        variables,
                        hostile.properties(),
                        "run");

        Files.writeString(home.resolve("output.txt"), hostile.name() + "\n" + run.output());

        // then it stops with one message naming the setting, and nothing it must not show
        assertThat(run.code()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).as(run.output()).contains(hostile.names());
        assertThat(run.output()).containsPattern("^twinsync (could not start|run failed): ");
        assertThat(run.output())
                .doesNotContain("\tat ")
                .doesNotContain("at io.")
                .doesNotContain("Exception")
                .doesNotContain("twinsync run: batch");
        if (hostile.secret() != null) {
            assertThat(run.output()).doesNotContain(hostile.secret());
        }
        assertThat(batches(home)).as("batches left behind").isEmpty();
    }

    private static List<?> batches(Path home) {
        try {
            return Files.isDirectory(home.resolve("staging"))
                    ? new LocalStagingStore(home.resolve("staging")).listBatches()
                    : List.of();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot list the batches of " + home, e));
        }
    }

    private static Case variable(String name, String variable, String value, String names) {
        return new Case(name, Map.of(variable, value), Map.of(), null, names, null);
    }

    private static Case secretVariable(String name, String variable, String value, String names) {
        return new Case(name, Map.of(variable, value), Map.of(), null, names, PASSWORD);
    }

    private static Case property(String name, String property, String value, String names) {
        return new Case(name, Map.of(), Map.of(property, value), null, names, null);
    }

    private static Case file(String name, String yaml, String names) {
        return new Case(name, Map.of(), Map.of(), yaml, names, null);
    }
}
