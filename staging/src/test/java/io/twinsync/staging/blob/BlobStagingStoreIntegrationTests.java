package io.twinsync.staging.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LockHolder;
import io.twinsync.staging.StagedFolder;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StagingStoreContract;
import io.twinsync.staging.StateLock;
import io.twinsync.testsupport.Azurite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The {@link StagingStoreContract} against a real Blob service (Azurite), and what only Blob Storage does. */
class BlobStagingStoreIntegrationTests extends StagingStoreContract {

    private static BlobContainerClient container;

    @BeforeAll
    static void createContainer() {
        Azurite.assumeRunning();
        container = Azurite.newContainer("staging");
    }

    @AfterAll
    static void deleteContainer() {
        if (container != null) {
            container.delete();
        }
    }

    /** A store at a fresh path of the container, connected the way a user would, by URL. */
    @Override
    protected StagingStore newStore() {
        String url = Azurite.ACCOUNT_URL + "/" + container.getBlobContainerName() + "/runs/" + UUID.randomUUID();
        return BlobStagingStore.connect(BlobStagingUrl.parse(url), Optional.of(Azurite.CONNECTION_STRING));
    }

    @Override
    protected StagingStore sameStoreAgain(StagingStore store) {
        return BlobStagingStore.connect(BlobStagingUrl.parse(store.location()), Optional.of(Azurite.CONNECTION_STRING));
    }

    @Override
    protected void copyIntoArchiveWithoutDeleting(StagingStore store, BatchId id) {
        String root = BlobStagingUrl.parse(store.location()).path() + "/";
        String from = root + "batches/" + id.value() + "/";
        String to = root + "archive/" + id.value() + "/";
        for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(from), null)) {
            container
                    .getBlobClient(to + item.getName().substring(from.length()))
                    .upload(container.getBlobClient(item.getName()).downloadContent(), true);
        }
        container.getBlobClient(to + BatchLayout.ARCHIVED).upload(BinaryData.fromString("{}"), true);
    }

    @Override
    protected boolean originalExists(StagingStore store, BatchId id) {
        String from = BlobStagingUrl.parse(store.location()).path() + "/batches/" + id.value() + "/";
        return container
                .listBlobs(new ListBlobsOptions().setPrefix(from), null)
                .iterator()
                .hasNext();
    }

    /** Blobs of generations that are not current: the working or replaced data of staged folders. */
    @Override
    protected List<String> leftovers(Batch batch) {
        BlobBatch blobBatch = (BlobBatch) batch;
        List<String> names = new ArrayList<>();
        for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(blobBatch.prefix()), null)) {
            names.add(item.getName().substring(blobBatch.prefix().length()));
        }
        List<String> current = names.stream()
                .filter(name -> name.endsWith(".published"))
                .map(marker -> {
                    String folder = marker.substring(1, marker.length() - ".published".length());
                    String generation = container
                            .getBlobClient(blobBatch.prefix() + marker)
                            .downloadContent()
                            .toString();
                    return "." + folder + "-" + generation + "/";
                })
                .toList();
        return names.stream()
                .filter(name -> name.startsWith("."))
                .filter(name -> !name.equals(BlobStagingStore.BATCH_MARKER))
                .filter(name -> !name.endsWith(".published"))
                .filter(name -> current.stream().noneMatch(name::startsWith))
                .toList();
    }

    @Test
    void aFolderIsPublishedByItsMarkerAndItsFilesLiveUnderTheGeneration() throws Exception {
        // given a folder written and committed
        Batch batch = newBatch();
        try (StagedFolder twins = batch.createFolder("twins/")) {
            write(twins, "ab/a.json", "a");
            twins.commit();
        }

        // then the marker names the generation that holds the file
        BlobBatch blobBatch = (BlobBatch) batch;
        String generation = blobBatch.markerOf("twins").downloadContent().toString();
        assertThat(container
                        .getBlobClient(blobBatch.generationPrefix("twins", generation) + "ab/a.json")
                        .exists())
                .isTrue();
    }

    @Test
    void aBatchCopiedAsPlainBlobsIsReadWithoutAMarker() throws Exception {
        // given a batch whose twin files were copied in as plain blobs (azcopy of a local batch)
        Batch batch = newBatch();
        write(batch, "twins/ab/a.json", "plain");

        // when it is listed and read / then the plain files are the folder
        assertThat(batch.list("twins/")).containsExactly("twins/ab/a.json");
        assertThat(read(batch, "twins/ab/a.json")).isEqualTo("plain");

        // and a folder committed over it replaces them
        try (StagedFolder twins = batch.createFolder("twins/")) {
            write(twins, "cd/b.json", "staged");
            twins.commit();
        }
        assertThat(batch.list("twins/")).containsExactly("twins/cd/b.json");
        assertThat(container
                        .getBlobClient(((BlobBatch) batch).prefix() + "twins/ab/a.json")
                        .exists())
                .isFalse();
    }

    @Test
    void theLockIsALeaseThatEndsWhenReleased() {
        // given a lock held through one handle
        StagingStore store = newStore();
        StateLock held = store.state().lock("writer/t/writer.lock");

        // when it is released / then another handle takes it at once
        held.close();
        try (StateLock again = sameStoreAgain(store).state().lock("writer/t/writer.lock")) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void aLockWhoseLeaseWasTakenAwayFailsOnCloseSayingSo() {
        // given a held lock whose lease someone else broke (as after the lease ran out unrenewed)
        StagingStore store = newStore();
        BlobLeaseLock held = (BlobLeaseLock) store.state().lock("writer/t/writer.lock");
        String lockBlob = BlobStagingUrl.parse(store.location()).path() + "/state/writer/t/writer.lock";
        new BlobLeaseClientBuilder()
                .blobClient(container.getBlobClient(lockBlob))
                .buildClient()
                .breakLease();

        // when it is renewed and then closed
        held.renew();

        // then closing says the lock was lost and what to do
        assertThatThrownBy(held::close)
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("was lost")
                .hasMessageContaining("--full-compare");
    }

    @Test
    void aLockNotRenewedForALeasesLengthCountsAsLostOnClose() {
        // given a held lock whose renewals stopped (a hung call, or none scheduled) for longer than the lease
        StagingStore store = newStore();
        String lockBlob = BlobStagingUrl.parse(store.location()).path() + "/state/writer/t/writer.lock";
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(start);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        BlobLeaseLock held = BlobLeaseLock.acquire(
                container.getBlobClient(lockBlob), "state/writer/t/writer.lock", LockHolder.thisProcess(null), clock);

        // when a lease's length passes without a renewal and the lock is closed
        now.set(start.plusSeconds(BlobLeaseLock.LEASE_SECONDS + 1));

        // then closing says the lock was lost, rather than releasing it as if it had been held throughout
        assertThatThrownBy(held::close)
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("was lost")
                .hasMessageContaining("not renewed for 61 s");
    }

    @Test
    void aSasInTheUrlIsUsedAndNeverShownInMessages() {
        // given a SAS for the container, and the same SAS with a forged signature
        String sas = Azurite.sas(container);
        String base = Azurite.ACCOUNT_URL + "/" + container.getBlobContainerName() + "/sas-" + UUID.randomUUID();

        // when a store is opened with the SAS alone / then it works, and its location hides the SAS
        BlobStagingStore store = BlobStagingStore.connect(BlobStagingUrl.parse(base + "?" + sas), Optional.empty());
        store.createBatch(new BatchId("20260101T000000000Z-aaaaaa"));
        assertThat(store.listBatches()).hasSize(1);
        assertThat(store.location()).isEqualTo(base).doesNotContain("sig=");

        // and a forged signature is refused with a message and causes that never contain it
        String forged = sas.replaceAll("sig=[^&]+", "sig=Zm9yZ2VkLXNpZ25hdHVyZS12YWx1ZQ%3D%3D");
        Throwable failure = catchThrowable(
                () -> BlobStagingStore.connect(BlobStagingUrl.parse(base + "?" + forged), Optional.empty())
                        .listBatches());
        assertThat(failure)
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("the SAS token was refused, not the URL");
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString())
                .doesNotContain("Zm9yZ2VkLXNpZ25hdHVyZS12YWx1ZQ")
                .doesNotContain(sas.replaceAll(".*sig=([^&]+).*", "$1"));
    }

    @Test
    void readingASmallFileIsOneRequestAndAFolderOfFilesIsOneUploadEachPlusTheMarker() throws Exception {
        // given a store whose requests are counted
        AtomicInteger requests = new AtomicInteger();
        BlobContainerClient counted = new BlobContainerClientBuilder()
                .connectionString(Azurite.CONNECTION_STRING)
                .containerName(container.getBlobContainerName())
                .addPolicy((context, next) -> {
                    requests.incrementAndGet();
                    return next.process();
                })
                .buildClient();
        BlobStagingUrl url = BlobStagingUrl.parse(
                Azurite.ACCOUNT_URL + "/" + container.getBlobContainerName() + "/counted-" + UUID.randomUUID());
        Batch batch = new BlobStagingStore(counted, url).createBatch(new BatchId("20260101T000000000Z-aaaaaa"));

        // when 20 files are written to a folder and committed
        requests.set(0);
        try (StagedFolder twins = batch.createFolder("twins/")) {
            for (int i = 0; i < 20; i++) {
                write(twins, "ab/twin-" + i + ".json", "{\"i\":" + i + "}");
            }
            twins.commit();
        }

        // then that is 20 uploads, the marker's read and write, and one listing for the replaced folder
        assertThat(requests).hasValue(20 + 2 + 1);

        // when one file is read / then that is one request
        requests.set(0);
        assertThat(read(batch, "twins/ab/twin-7.json")).isEqualTo("{\"i\":7}");
        assertThat(requests).hasValue(1);
    }

    @Test
    void aFolderWhoseMarkerWriteLostItsAnswerIsStillPublishedWithItsFiles() throws Exception {
        // given a store whose marker writes reach the service but whose answers are lost, on every retry
        BlobContainerClient lossy = new BlobContainerClientBuilder()
                .connectionString(Azurite.CONNECTION_STRING)
                .containerName(container.getBlobContainerName())
                .addPolicy(new HttpPipelinePolicy() {
                    @Override
                    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
                        return isMarkerWrite(context)
                                ? next.process().then(Mono.error(new IOException("Connection reset")))
                                : next.process();
                    }

                    @Override
                    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
                        HttpResponse response = next.processSync();
                        if (isMarkerWrite(context)) {
                            response.close();
                            throw new UncheckedIOException(new IOException("Connection reset"));
                        }
                        return response;
                    }

                    private boolean isMarkerWrite(HttpPipelineCallContext context) {
                        return context.getHttpRequest().getHttpMethod() == HttpMethod.PUT
                                && context.getHttpRequest().getUrl().getPath().endsWith(".published");
                    }

                    @Override
                    public HttpPipelinePosition getPipelinePosition() {
                        return HttpPipelinePosition.PER_CALL; // outside the SDK's retries: every attempt "fails"
                    }
                })
                .buildClient();
        BlobStagingUrl url = BlobStagingUrl.parse(
                Azurite.ACCOUNT_URL + "/" + container.getBlobContainerName() + "/lossy-" + UUID.randomUUID());
        Batch batch = new BlobStagingStore(lossy, url).createBatch(new BatchId("20260101T000000000Z-aaaaaa"));

        // when a folder is committed / then the commit succeeds, having read the marker back
        try (StagedFolder twins = batch.createFolder("twins/")) {
            write(twins, "ab/a.json", "a");
            twins.commit();
        }

        // and its file is there, not deleted as if the publish had failed
        assertThat(batch.list("twins/")).containsExactly("twins/ab/a.json");
        assertThat(read(batch, "twins/ab/a.json")).isEqualTo("a");
    }

    @Test
    void aMissingContainerIsReportedAtFirstUseWithTheCommandThatCreatesIt() {
        String url = Azurite.ACCOUNT_URL + "/no-such-container/staging";
        assertThatThrownBy(() -> BlobStagingStore.connect(
                                BlobStagingUrl.parse(url), Optional.of(Azurite.CONNECTION_STRING))
                        .listBatches())
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("no-such-container")
                .hasMessageContaining("az storage container create");
    }
}
