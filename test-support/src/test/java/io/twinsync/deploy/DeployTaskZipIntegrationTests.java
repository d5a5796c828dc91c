package io.twinsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobProperties;
import io.twinsync.testsupport.Azurite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/deploy-task-zip.sh signed in by connection string, against Azurite's Blob service. */
class DeployTaskZipIntegrationTests {

    @TempDir
    Path dir;

    private BlobContainerClient container;
    private Map<String, String> env;

    @BeforeEach
    void createCodeContainer() {
        Azurite.assumeRunning();
        container = Azurite.newContainer("code");
        env = new HashMap<>();
        env.put("AZURE_STORAGE_CONNECTION_STRING", Azurite.CONNECTION_STRING);
        env.put("AZURE_STORAGE_ACCOUNT", null);
        env.put("TWINSYNC_CODE_CONTAINER", container.getBlobContainerName());
        env.put("TWINSYNC_CODE_PREFIX", null);
    }

    @AfterEach
    void deleteCodeContainer() {
        if (container != null) {
            container.delete();
        }
    }

    @Test
    void uploadsTheZipUnderItsHashAndPrintsTheFolderThatNamesIt() throws Exception {
        // given a zip
        Path zip = zip("twin-writer-task-linux-x64.zip", 1);

        // when it is deployed
        ScriptRun run = ScriptRun.run("deploy-task-zip.sh", env, zip.toString());

        // then the printed folderPath is container/twin-writer-task/<sha256>, holding the zip as it was built
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String sha = sha256(zip);
        String folderPath = container.getBlobContainerName() + "/twin-writer-task/" + sha;
        assertThat(run.stdout()).isEqualTo(folderPath + "\n");
        BlobClient blob = blobIn(folderPath, "twin-writer-task-linux-x64.zip");
        assertThat(blob.downloadContent().toBytes()).isEqualTo(Files.readAllBytes(zip));
        BlobProperties properties = blob.getProperties();
        assertThat(properties.getMetadata()).containsEntry("sha256", sha);
        assertThat(properties.getContentType()).isEqualTo("application/zip");
    }

    @Test
    void deployingTheSameZipAgainUploadsNothingAndPrintsTheSameFolder() throws Exception {
        // given a zip deployed once
        Path zip = zip("twin-writer-task-linux-x64.zip", 2);
        ScriptRun first = ScriptRun.run("deploy-task-zip.sh", env, zip.toString());
        BlobClient blob = blobIn(first.stdout().strip(), "twin-writer-task-linux-x64.zip");
        String etag = blob.getProperties().getETag();

        // when it is deployed again
        ScriptRun second = ScriptRun.run("deploy-task-zip.sh", env, zip.toString());

        // then the blob is untouched and the folder is the same
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).isEqualTo(first.stdout());
        assertThat(second.stderr()).contains("already there; nothing uploaded");
        assertThat(blob.getProperties().getETag()).isEqualTo(etag);
        assertThat(container.listBlobs()).hasSize(1);
    }

    @Test
    void aChangedZipGoesToANewFolderAndLeavesTheDeployedOneAsItWas() throws Exception {
        // given a zip deployed once
        Path zip = zip("twin-writer-task-linux-x64.zip", 3);
        byte[] deployed = Files.readAllBytes(zip);
        String firstFolder = ScriptRun.run("deploy-task-zip.sh", env, zip.toString())
                .stdout()
                .strip();

        // when a rebuilt zip of the same name is deployed
        zip("twin-writer-task-linux-x64.zip", 4);
        ScriptRun run = ScriptRun.run("deploy-task-zip.sh", env, zip.toString());

        // then it has its own folder, and the folder a pipeline may be running from still holds the old zip
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().strip()).isNotEqualTo(firstFolder).endsWith(sha256(zip));
        assertThat(blobIn(firstFolder, "twin-writer-task-linux-x64.zip")
                        .downloadContent()
                        .toBytes())
                .isEqualTo(deployed);
        assertThat(blobIn(run.stdout().strip(), "twin-writer-task-linux-x64.zip")
                        .downloadContent()
                        .toBytes())
                .isEqualTo(Files.readAllBytes(zip));
    }

    @Test
    void signsInWithASasConnectionStringOrTheDevelopmentStorageShortcut() throws Exception {
        // given a connection string with a SAS for the container, and the emulator's shortcut
        Path zip = zip("twin-writer-task-linux-x64.zip", 6);
        env.put(
                "AZURE_STORAGE_CONNECTION_STRING",
                "BlobEndpoint=" + Azurite.ACCOUNT_URL + ";SharedAccessSignature=" + Azurite.sas(container));

        // when the zip is deployed with the SAS, then again with UseDevelopmentStorage=true
        ScriptRun withSas = ScriptRun.run("deploy-task-zip.sh", env, zip.toString());
        env.put("AZURE_STORAGE_CONNECTION_STRING", "UseDevelopmentStorage=true");
        ScriptRun withShortcut = ScriptRun.run("deploy-task-zip.sh", env, zip.toString());

        // then the SAS uploads it and the shortcut finds it there
        assertThat(withSas.exitCode()).as(withSas.stderr()).isZero();
        assertThat(withSas.stderr()).contains("uploaded");
        assertThat(withShortcut.exitCode()).as(withShortcut.stderr()).isZero();
        assertThat(withShortcut.stderr()).contains("nothing uploaded");
        assertThat(blobIn(withSas.stdout().strip(), "twin-writer-task-linux-x64.zip")
                        .downloadContent()
                        .toBytes())
                .isEqualTo(Files.readAllBytes(zip));
    }

    @Test
    void aMissingContainerFailsWithTheContainerNamed() throws Exception {
        // given a container that does not exist
        env.put("TWINSYNC_CODE_CONTAINER", container.getBlobContainerName() + "-missing");

        // when a zip is deployed to it
        ScriptRun run =
                ScriptRun.run("deploy-task-zip.sh", env, zip("task.zip", 5).toString());

        // then it fails saying which container, and prints no folder
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("ContainerNotFound", container.getBlobContainerName() + "-missing");
    }

    private BlobClient blobIn(String folderPath, String name) {
        String prefix = container.getBlobContainerName() + "/";
        assertThat(folderPath).startsWith(prefix);
        return container.getBlobClient(folderPath.substring(prefix.length()) + "/" + name);
    }

    /** A stand-in for the task zip: 200 KB of seeded random bytes (the script treats it as opaque). */
    private Path zip(String name, long seed) throws IOException {
        byte[] bytes = new byte[200_000];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
