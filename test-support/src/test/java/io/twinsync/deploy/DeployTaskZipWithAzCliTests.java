package io.twinsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/deploy-task-zip.sh signed in as the az CLI's identity ({@code --auth-mode login}), with a stand-in {@code
 * az} that records its arguments: Azurite takes Microsoft Entra tokens only over HTTPS, so this checks the commands the
 * script gives, not a real upload (the connection-string path is uploaded for real in {@link
 * DeployTaskZipIntegrationTests}).
 */
class DeployTaskZipWithAzCliTests {

    @TempDir
    Path dir;

    private Path calls;
    private Path zip;
    private String sha;
    private Map<String, String> env;

    @BeforeEach
    void standInAz() throws Exception {
        calls = dir.resolve("az-calls.txt");
        zip = Files.write(dir.resolve("twin-writer-task-linux-x64.zip"), new byte[] {1, 2, 3});
        sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path az = bin.resolve("az");
        Files.writeString(
                az,
                """
                #!/bin/sh
                echo "$*" >> "%s"
                case "$*" in
                  "storage blob exists "*) cat "%s" ;;
                  "storage blob metadata show "*) echo "%s" ;;
                esac
                """
                        .formatted(calls, dir.resolve("exists.txt"), sha));
        Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwxr-xr-x"));
        env = new HashMap<>();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("AZURE_STORAGE_CONNECTION_STRING", null);
        env.put("AZURE_STORAGE_ACCOUNT", "twinsyncprod");
        env.put("TWINSYNC_CODE_CONTAINER", null);
        env.put("TWINSYNC_CODE_PREFIX", null);
    }

    @Test
    void uploadsWithTheSignedInIdentityUnderTheHashWhenTheBlobIsNotThere() throws Exception {
        // given no blob under the zip's hash
        Files.writeString(dir.resolve("exists.txt"), "false\n");

        // when the zip is deployed
        ScriptRun run = ScriptRun.run("deploy-task-zip.sh", env, zip.toString());

        // then az uploads it as the signed-in identity, refusing to overwrite, and the folder is printed
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("code/twin-writer-task/" + sha + "\n");
        String where = "--account-name twinsyncprod --container-name code --name twin-writer-task/" + sha
                + "/twin-writer-task-linux-x64.zip --auth-mode login";
        assertThat(Files.readAllLines(calls))
                .containsExactly(
                        "storage blob exists " + where + " --query exists --output tsv",
                        "storage blob upload " + where + " --file " + zip + " --metadata sha256=" + sha
                                + " --content-type application/zip --if-none-match * --only-show-errors --output"
                                + " none");
    }

    @Test
    void uploadsNothingWhenTheBlobIsThereWithTheSameHash() throws Exception {
        // given the blob already there
        Files.writeString(dir.resolve("exists.txt"), "true\n");

        // when the zip is deployed
        ScriptRun run = ScriptRun.run("deploy-task-zip.sh", env, zip.toString());

        // then no upload, same folder
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("code/twin-writer-task/" + sha + "\n");
        assertThat(Files.readAllLines(calls)).noneMatch(call -> call.startsWith("storage blob upload"));
    }

    @Test
    void withoutASignInItSaysWhatToSet() throws Exception {
        // given neither a connection string nor an account
        env.put("AZURE_STORAGE_ACCOUNT", null);

        // when the zip is deployed
        ScriptRun run = ScriptRun.run("deploy-task-zip.sh", env, zip.toString());

        // then it fails naming both ways
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("AZURE_STORAGE_CONNECTION_STRING", "AZURE_STORAGE_ACCOUNT");
    }
}
