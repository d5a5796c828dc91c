package io.twinsync.writer;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import io.twinsync.writer.support.ScriptedHttpClient;
import io.twinsync.writer.support.StubHttpResponse;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * What the writer holds between the twin phase and the relationship phase: measured as the live heap when the first
 * relationship is sent, every twin written by then. Twin files of 50 KB each make a writer that keeps its partition's
 * parsed files (as it once did, 2 GB at 100,000 rows) hold 100 MB there; one that keeps the window holds a few.
 */
class BoundedMemoryWriterTests {

    private static final int TWINS = 2_000;
    private static final int NOTE_CHARS = 50_000;
    private static final long MB = 1024 * 1024;

    @TempDir
    Path root;

    @Test
    void holdsNoParsedTwinFilesOfThePartitionBetweenThePhases() {
        // given 2,000 twin files of 50 KB, each with a relationship, and an ADT that takes every write
        LocalStagingStore store = new LocalStagingStore(root);
        Batch batch = store.createBatch(BatchId.newId(Instant.parse("2026-11-22T10:00:00Z")));
        String note = "n".repeat(NOTE_CHARS);
        for (int i = 0; i < TWINS; i++) {
            write(batch, pump("pump-" + i, note));
        }
        AtomicLong heldAtRelationships = new AtomicLong(-1);
        ScriptedHttpClient adt = new ScriptedHttpClient(request -> answer(request, heldAtRelationships));
        TwinWriter writer = new TwinWriter(
                client(adt), store, "adt.test", WriterSettings.defaults().withConcurrency(4));
        long before = liveHeap();

        // when
        WriteReport report = writer.write(batch, Partition.ALL);

        // then every twin and relationship was written, and the heap held less than a tenth of the files' 100 MB
        assertThat(report.summary().twins().created()).isEqualTo(TWINS);
        assertThat(report.summary().relationships().created()).isEqualTo(TWINS);
        assertThat(heldAtRelationships.get()).isNotNegative();
        assertThat((heldAtRelationships.get() - before) / MB)
                .as("MB held when the relationship phase began")
                .isLessThan(10);
    }

    /** Creates every twin and relationship; at the first relationship, measures the live heap. */
    private static HttpResponse answer(HttpRequest request, AtomicLong heldAtRelationships) {
        String path = request.getUrl().getPath();
        if (request.getHttpMethod() != HttpMethod.PUT) {
            return StubHttpResponse.json(request, 200, "{\"value\":[]}");
        }
        if (path.contains("/relationships/") && heldAtRelationships.get() < 0) {
            heldAtRelationships.compareAndSet(-1, liveHeap());
        }
        String id = path.substring(path.lastIndexOf('/') + 1);
        String body = path.contains("/relationships/")
                ? "{\"$relationshipId\":\"" + id + "\",\"$etag\":\"W/\\\"1\\\"\"}"
                : "{\"$dtId\":\"" + id + "\",\"$etag\":\"W/\\\"1\\\"\",\"$metadata\":{\"$model\":\"dtmi:x:Pump;1\"}}";
        return new StubHttpResponse(
                request,
                200,
                new HttpHeaders()
                        .set(HttpHeaderName.CONTENT_TYPE, "application/json")
                        .set(HttpHeaderName.ETAG, "W/\"1\""),
                body);
    }

    /** The heap in use after full collections: what is still referenced. */
    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static TwinFile pump(String id, String note) {
        ObjectNode twin =
                StagingJson.mapper().createObjectNode().put("$dtId", id).put("note", note);
        twin.putObject("$metadata").put("$model", "dtmi:x:Pump;1");
        ObjectNode relationship = StagingJson.mapper()
                .createObjectNode()
                .put("$relationshipId", id + "-in-site")
                .put("$targetId", "site-1")
                .put("$relationshipName", "in");
        return TwinFile.of(
                "Pump",
                StagingJson.mapper().createObjectNode().put("id", id),
                false,
                twin,
                List.of(relationship),
                List.of());
    }

    private static void write(Batch batch, TwinFile twin) {
        try (StagedOutput out = batch.create(BatchLayout.twinFile(twin.twinId()))) {
            TwinFileCodec.write(twin, out);
            out.commit();
        }
    }

    private static DigitalTwinsClient client(ScriptedHttpClient http) {
        return AdtClients.builder(AdtTarget.azure(URI.create("https://adt.test")), WriterSettings.defaults())
                .httpClient(http)
                .credential(request ->
                        Mono.just(new AccessToken("token", OffsetDateTime.now().plusHours(1))))
                .buildClient();
    }
}
