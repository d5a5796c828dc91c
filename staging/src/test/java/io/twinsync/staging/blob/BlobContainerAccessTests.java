package io.twinsync.staging.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlobContainerAccessTests {

    private static final BlobStagingUrl URL = BlobStagingUrl.parse("https://acct.blob.core.windows.net/staging");

    @Test
    void aConnectionStringForAnotherAccountIsRefusedWithoutShowingItsKey() {
        String other = "DefaultEndpointsProtocol=https;AccountName=other;AccountKey=c2VjcmV0LWtleQ==";
        assertThatThrownBy(() -> BlobContainerAccess.connect(URL, Optional.of(other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'other'")
                .hasMessageContaining("'acct'")
                .hasMessageNotContaining("c2VjcmV0LWtleQ");
    }

    @Test
    void aConnectionStringWithNeitherKeyNorSasSaysWhatItNeeds() {
        assertThatThrownBy(() -> BlobContainerAccess.connect(URL, Optional.of("AccountName=acct")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AccountKey")
                .hasMessageContaining("SharedAccessSignature");
    }

    @Test
    void aMatchingConnectionStringBuildsAClientForTheUrlsContainer() {
        String own = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0LWtleQ==";
        assertThat(BlobContainerAccess.connect(URL, Optional.of(own)).getBlobContainerUrl())
                .isEqualTo("https://acct.blob.core.windows.net/staging");
    }
}
