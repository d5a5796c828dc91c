package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import io.twinsync.orchestrator.TwinsyncProcesses.Result;
import io.twinsync.sample.erp.SampleErp;
import io.twinsync.sample.erp.SqlDialect;
import io.twinsync.testsupport.Azurite;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets planted in every setting that can carry one (the source password, a JDBC URL with a password in it, a SAS
 * in the staging URL, an account key in the staging connection string), with commands made to fail at each stage,
 * each command run by the packaged CLI in its own process at log level INFO: the exit code is 1, the message says
 * what to fix, there is no stack trace, and no secret appears in what the command printed nor in any file under
 * {@code TWINSYNC_HOME}.
 */
class PlantedSecretsIntegrationTests {

    private static final String H2_OPTIONS =
            ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    private static final String SAMPLE = "io/twinsync/sample/twins/";

    /** Distinct per run of the class, and spelled so that no encoding of them looks like anything else. */
    private static final String RUN =
            UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static final String SOURCE_PASSWORD = "SourcePassword" + RUN;
    private static final String URL_PASSWORD = "UrlPassword" + RUN;
    private static final String SAS_SIGNATURE = "SasSignature" + RUN;
    private static final String ACCOUNT_KEY =
            Base64.getEncoder().encodeToString(("AccountKey" + RUN + "!").getBytes(StandardCharsets.UTF_8));
    private static final List<String> SECRETS = List.of(SOURCE_PASSWORD, URL_PASSWORD, SAS_SIGNATURE, ACCOUNT_KEY);

    @TempDir
    static Path dir;

    /** One home for every command: each failure must also leave nothing behind that an earlier one did not. */
    private static Path home;

    /** The sample ERP, outside the home, whose user {@code sa} has the planted source password. */
    private static String sourceUrl;

    private static Result firstSync;

    /** Made by the first test that needs Blob Storage. */
    private static BlobContainerClient container;

    @BeforeAll
    static void syncOnceFromAPasswordProtectedSource() throws Exception {
        Path erp = dir.resolve("erp").resolve("erp");
        sourceUrl = "jdbc:h2:file:" + erp + H2_OPTIONS;
        try (Connection created = DriverManager.getConnection(sourceUrl, "sa", SOURCE_PASSWORD);
                Statement sql = created.createStatement()) {
            SampleErp.create(created, SqlDialect.H2);
            // a second login, for a URL that carries its password (H2 reads USER and PASSWORD from the URL)
            sql.execute("CREATE USER erp PASSWORD '" + URL_PASSWORD + "' ADMIN");
        }
        home = dir.resolve("home");
        firstSync = TwinsyncProcesses.run(home, passwordProtectedSource(), "run");
    }

    @Test
    void aSuccessfulRunLeavesTheSourcePasswordInNoFile() throws IOException {
        // given a sync from a source that needs the planted password (done once for the class)

        // then it ran, and neither its output nor anything it left in the home holds a secret
        assertThat(firstSync.code()).as(firstSync.output()).isZero();
        assertThat(firstSync.output()).contains("result     OK");
        assertClean(firstSync);
    }

    @Test
    void aSuccessfulRunFromAUrlCarryingItsPasswordLeavesItInNoFile() throws IOException, InterruptedException {
        // given the same source reached with a URL that carries the login's password (and no password setting)
        Map<String, String> environment = planted();
        environment.remove("TWINSYNC_SOURCE_PASSWORD");
        environment.put("TWINSYNC_SOURCE_URL", sourceUrl + ";USER=erp;PASSWORD=" + URL_PASSWORD);

        // when the home syncs from it (the source's origin, kept per entity, changes to this URL)
        Result run = TwinsyncProcesses.run(home, environment, "run");

        // then it ran, and the password is masked wherever the URL was printed or kept
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("result     OK").contains(";PASSWORD=****");
        assertClean(run);
    }

    @Test
    void aSettingRefusedAtStartUpIsNamedWithoutTheSecretsBesideIt() throws IOException, InterruptedException {
        // given a source URL without its 'jdbc:' that carries a password in its user info, and every other secret
        Map<String, String> environment = planted();
        environment.put("TWINSYNC_SOURCE_URL", "postgresql://erp:" + URL_PASSWORD + "@127.0.0.1:5432/erp");
        environment.put("TWINSYNC_STAGING", blobStagingUrl("never-contacted"));

        // when twinsync starts
        Result run = TwinsyncProcesses.run(home, environment, "run");

        // then it stops at once, naming the setting and what it should look like
        assertFailed(run);
        assertThat(run.output()).contains("twinsync.source.url").contains("jdbc:");
        assertClean(run);
    }

    @Test
    void anUnreachableSourceFailsTheRunNamingItWithoutItsPasswords() throws IOException, InterruptedException {
        // given a source where nothing listens, with a password in its URL and another in the password setting
        int port = TwinsyncProcesses.freePort();

        // when a run reads it
        Result run = TwinsyncProcesses.run(home, unreachableSource(port), "run");

        // then the run fails naming the source, with the password masked
        assertFailed(run);
        assertThat(run.output()).contains("jdbc:postgresql://127.0.0.1:" + port + "/erp");
        assertClean(run);
    }

    @Test
    void validateWithAnUnreachableSourceFailsNamingItWithoutItsPasswords() throws IOException, InterruptedException {
        // given the same unreachable source
        int port = TwinsyncProcesses.freePort();

        // when the mapping is validated against it
        Result validate = TwinsyncProcesses.run(home, unreachableSource(port), "validate");

        // then validate fails naming the source, with the password masked
        assertFailed(validate);
        assertThat(validate.output()).contains("jdbc:postgresql://127.0.0.1:" + port + "/erp");
        assertClean(validate);
    }

    @Test
    void aMappingThatDoesNotFitTheRowsNamesTheColumnWithoutTheSecrets() throws IOException, InterruptedException {
        // given the sample mapping with a property mapped from a column the source does not have
        Map<String, String> environment = passwordProtectedSource();
        environment.put(
                "TWINSYNC_MAPPING",
                sampleMappingCopy("serialNumber: SerialNumber", "serialNumber: SerialNo")
                        .toString());

        // when a run transforms the rows with it
        Result run = TwinsyncProcesses.run(home, environment, "run");

        // then it fails naming the column and asking for the mapping or the query to be fixed
        assertFailed(run);
        assertThat(run.output()).contains("'SerialNo'").contains("fix");
        assertClean(run);
    }

    @Test
    void anUnreachableTargetFailsTheWriteWithoutTheSecrets() throws IOException, InterruptedException {
        // given a target endpoint where nothing listens
        // when a run writes to it
        Result run = TwinsyncProcesses.run(home, unreachableTarget(), "run");

        // then the write fails saying what to check
        assertFailed(run);
        assertThat(run.output()).contains("write").contains("endpoint").contains("network");
        assertClean(run);
    }

    @Test
    void driftWithAnUnreachableTargetSaysWhatToCheckWithoutTheSecrets() throws IOException, InterruptedException {
        // given a target endpoint where nothing listens
        // when the graph is checked for drift
        Result drift = TwinsyncProcesses.run(home, unreachableTarget(), "drift");

        // then the check fails saying which target it could not query and what to check
        assertFailed(drift);
        assertThat(drift.output()).contains("drift check").contains("endpoint").contains("network");
        assertClean(drift);
    }

    @Test
    void modelsListWithAnUnreachableTargetSaysWhatToCheckWithoutTheSecrets() throws IOException, InterruptedException {
        // given a target endpoint where nothing listens
        // when its models are listed
        Result models = TwinsyncProcesses.run(home, unreachableTarget(), "models", "list");

        // then the command fails saying what to check
        assertFailed(models);
        assertThat(models.output()).contains("models").contains("endpoint").contains("network");
        assertClean(models);
    }

    @Test
    void aRefusedSasIsBlamedOnTheSasWithoutShowingIt() throws IOException, InterruptedException {
        // given staging in a Blob container that exists, with a SAS whose signature is wrong
        Map<String, String> environment = passwordProtectedSource();
        environment.put("TWINSYNC_STAGING", blobStagingUrl(container().getBlobContainerName()));

        // when a run stages its batch there
        Result run = TwinsyncProcesses.run(home, environment, "run");

        // then it fails saying that the SAS was refused
        assertFailed(run);
        assertThat(run.output()).contains("SAS").contains("refused");
        assertClean(run);
    }

    @Test
    void aRefusedAccountKeyIsReportedWithoutShowingIt() throws IOException, InterruptedException {
        // given staging in a Blob container that exists, signed in with a connection string whose key is wrong
        Map<String, String> environment = passwordProtectedSource();
        environment.put(
                "TWINSYNC_STAGING", Azurite.ACCOUNT_URL + "/" + container().getBlobContainerName() + "/twinsync");

        // when a run stages its batch there
        Result run = TwinsyncProcesses.run(home, environment, "run");

        // then it fails saying that the credential was refused
        assertFailed(run);
        assertThat(run.output()).contains("credential was refused");
        assertClean(run);
    }

    /** An Azurite container for the staging cases (failing, not skipping, in CI without Azurite). */
    private static BlobContainerClient container() {
        Azurite.assumeRunning();
        if (container == null) {
            container = Azurite.newContainer("planted-secrets");
        }
        return container;
    }

    @AfterAll
    static void deleteContainer() {
        if (container != null) {
            container.delete();
        }
    }

    /**
     * The secrets every command gets whatever it is for: the source password, and a connection string with an
     * account key (read only when staging is a Blob URL without a SAS). INFO shows each stage's progress, so more of
     * what twinsync logs is checked.
     */
    private static Map<String, String> planted() {
        Map<String, String> environment = new HashMap<>();
        environment.put("TWINSYNC_SOURCE_PASSWORD", SOURCE_PASSWORD);
        environment.put(
                "TWINSYNC_STAGING_CONNECTION_STRING",
                "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + ACCOUNT_KEY
                        + ";BlobEndpoint=" + Azurite.ACCOUNT_URL + ";");
        environment.put("TWINSYNC_LOG_LEVEL", "INFO");
        return environment;
    }

    /** The sample ERP that needs the planted password. */
    private static Map<String, String> passwordProtectedSource() {
        Map<String, String> environment = planted();
        environment.put("TWINSYNC_SOURCE_URL", sourceUrl);
        environment.put("TWINSYNC_SOURCE_USERNAME", "sa");
        return environment;
    }

    /** A PostgreSQL URL on a port where nothing listens, carrying the planted URL password. */
    private static Map<String, String> unreachableSource(int port) {
        Map<String, String> environment = planted();
        environment.put(
                "TWINSYNC_SOURCE_URL",
                "jdbc:postgresql://127.0.0.1:" + port + "/erp?user=erp&password=" + URL_PASSWORD);
        return environment;
    }

    /**
     * The password-protected source and an ADT endpoint on a port where nothing listens, trusting the certificate of
     * the embedded emulator the first sync made. No retries: the failure is the same after one attempt, and faster.
     */
    private static Map<String, String> unreachableTarget() throws IOException {
        Map<String, String> environment = passwordProtectedSource();
        environment.put("TWINSYNC_TARGET_ENDPOINT", "https://localhost:" + TwinsyncProcesses.freePort());
        environment.put(
                "TWINSYNC_TARGET_TRUST_CERTIFICATE",
                home.resolve("adt-emulator/tls/emulator-cert.pem").toString());
        environment.put("TWINSYNC_WRITER_MAX_RETRIES", "0");
        return environment;
    }

    /** A staging URL into an Azurite container with a well-formed SAS whose signature is the planted one. */
    private static String blobStagingUrl(String containerName) {
        return Azurite.ACCOUNT_URL + "/" + containerName + "/twinsync?sv=2023-11-03&se=2099-01-01T00%3A00%3A00Z"
                + "&sr=c&sp=racwdl&sig=" + SAS_SIGNATURE;
    }

    /** The sample mapping and its models in a folder of their own, with one text replaced in the mapping. */
    private static Path sampleMappingCopy(String text, String replacement) throws IOException {
        Path folder = Files.createTempDirectory(dir, "mapping");
        Path models = Files.createDirectories(folder.resolve("models"));
        for (String model : List.of(
                "Space", "Site", "Building", "ProductionLine", "Nameplate", "Asset", "Equipment", "CostCenter")) {
            Files.writeString(models.resolve(model + ".json"), resource(SAMPLE + "models/" + model + ".json"));
        }
        String mapping = resource(SAMPLE + "mapping.yaml");
        assertThat(mapping).contains(text);
        return Files.writeString(folder.resolve("mapping.yaml"), mapping.replace(text, replacement));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in =
                PlantedSecretsIntegrationTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertFailed(Result result) {
        assertThat(result.code()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).as("no stack trace").doesNotContain("\tat ");
    }

    /** No secret, as it is or URL-encoded, in the output or in any file under the home. */
    private static void assertClean(Result result) throws IOException {
        for (String secret : SECRETS) {
            for (String form : forms(secret)) {
                assertThat(result.output()).as("the output").doesNotContain(form);
            }
        }
        assertThat(filesHoldingASecret())
                .as("files under " + home + " holding a secret")
                .isEmpty();
    }

    private static List<String> filesHoldingASecret() throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.exists(home)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // ISO-8859-1 maps every byte to one char: an ASCII secret is found whatever encoding is around it
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : SECRETS) {
                    for (String form : forms(secret)) {
                        if (bytes.contains(form)) {
                            found.add(home.relativize(file) + " holds " + form);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Set<String> forms(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        return forms;
    }
}
