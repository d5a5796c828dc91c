package io.twinsync.staging.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.StagingStores;
import org.junit.jupiter.api.Test;

class BlobStagingUrlTests {

    @Test
    void anAccountUrlSplitsIntoAccountContainerAndPath() {
        BlobStagingUrl url = BlobStagingUrl.parse("https://acct.blob.core.windows.net/staging/twinsync/batches/b1/");

        assertThat(url.accountUrl()).isEqualTo("https://acct.blob.core.windows.net");
        assertThat(url.accountName()).isEqualTo("acct");
        assertThat(url.container()).isEqualTo("staging");
        assertThat(url.path()).isEqualTo("twinsync/batches/b1");
        assertThat(url.name()).isEqualTo("b1");
        assertThat(url.sasToken()).isEmpty();
    }

    @Test
    void anAzuriteUrlKeepsTheAccountInItsPath() {
        BlobStagingUrl url = BlobStagingUrl.parse("http://127.0.0.1:10000/devstoreaccount1/staging");

        assertThat(url.accountUrl()).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
        assertThat(url.accountName()).isEqualTo("devstoreaccount1");
        assertThat(url.container()).isEqualTo("staging");
        assertThat(url.path()).isEmpty();
        assertThat(url.display()).isEqualTo("http://127.0.0.1:10000/devstoreaccount1/staging");
    }

    @Test
    void aSasTokenIsKeptButNeverDisplayed() {
        BlobStagingUrl url = BlobStagingUrl.parse(
                "https://acct.blob.core.windows.net/staging/run?sv=2023-11-03&sr=c&sp=racwdl&sig=c2VjcmV0%3D");

        assertThat(url.sasToken()).hasValueSatisfying(sas -> assertThat(sas).contains("sig=c2VjcmV0"));
        assertThat(url.display()).isEqualTo("https://acct.blob.core.windows.net/staging/run");
        assertThat(url.toString()).doesNotContain("sig");
        assertThat(url.resolve("state").sasToken()).isEqualTo(url.sasToken());
    }

    @Test
    void pathsResolveAndClimb() {
        BlobStagingUrl batch = BlobStagingUrl.parse("https://acct.blob.core.windows.net/c/a/batches/b1");

        assertThat(batch.parent(2).display()).isEqualTo("https://acct.blob.core.windows.net/c/a");
        assertThat(batch.parent(3).display()).isEqualTo("https://acct.blob.core.windows.net/c");
        assertThat(batch.parent(3).resolve("/x/").path()).isEqualTo("x");
        assertThatThrownBy(() -> batch.parent(4)).hasMessageContaining("fewer than 4");
    }

    @Test
    void aUrlWithoutAContainerIsRefusedWithoutRepeatingItsQuery() {
        assertThatThrownBy(() -> BlobStagingUrl.parse("https://acct.blob.core.windows.net/?sig=c2VjcmV0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no container")
                .hasMessageNotContaining("c2VjcmV0");
    }

    @Test
    void urlsAndFoldersAreToldApart() {
        assertThat(StagingStores.isUrl("https://acct.blob.core.windows.net/c")).isTrue();
        assertThat(StagingStores.isUrl(" HTTP://127.0.0.1:10000/devstoreaccount1/c"))
                .isTrue();
        assertThat(StagingStores.isUrl("/var/twinsync/staging")).isFalse();
        assertThat(StagingStores.isUrl("staging")).isFalse();
    }

    @Test
    void aMalformedUrlIsRefusedWithoutRepeatingItsSas() {
        assertThatThrownBy(() -> BlobStagingUrl.parse("https://acct.blob.core.windows.net:44x/c/p?sv=1&sig=SECRETSIG"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid Blob Storage URL")
                .hasMessageNotContaining("SECRETSIG");
    }
}
