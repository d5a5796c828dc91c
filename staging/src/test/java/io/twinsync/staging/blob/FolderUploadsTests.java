package io.twinsync.staging.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.StagingException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FolderUploadsTests {

    @Test
    void everyUploadIsDoneWhenAwaitAllReturns() {
        AtomicInteger done = new AtomicInteger();
        try (FolderUploads uploads = new FolderUploads(4)) {
            for (int i = 0; i < 100; i++) {
                uploads.submit("f" + i, done::incrementAndGet);
            }
            uploads.awaitAll();
        }
        assertThat(done).hasValue(100);
    }

    @Test
    void aFailedUploadFailsAwaitAllAndTheNextSubmit() {
        try (FolderUploads uploads = new FolderUploads(2)) {
            uploads.submit("bad.json", () -> {
                throw new StagingException("Cannot publish bad.json: HTTP 500");
            });
            assertThatThrownBy(uploads::awaitAll).hasMessageContaining("bad.json");
            assertThatThrownBy(() -> uploads.submit("next.json", () -> {})).hasMessageContaining("bad.json");
        }
    }

    @Test
    void anErrorInAnUploadFailsTheFolderInsteadOfVanishing() {
        try (FolderUploads uploads = new FolderUploads(2)) {
            uploads.submit("big.json", () -> {
                throw new OutOfMemoryError("Java heap space");
            });
            assertThatThrownBy(uploads::awaitAll)
                    .isInstanceOf(StagingException.class)
                    .hasMessageContaining("big.json")
                    .hasMessageContaining("Java heap space");
        }
    }

    @Test
    void awaitingOneFileWaitsForItsUpload() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        try (FolderUploads uploads = new FolderUploads(2)) {
            uploads.submit("slow.json", () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.incrementAndGet();
            });
            assertThat(uploads.isPending("slow.json")).isTrue();
            release.countDown();
            uploads.await("slow.json");
            assertThat(done).hasValue(1);
            uploads.awaitAll();
        }
    }
}
