package io.twinsync.bench;

import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.models.JsonPatchDocument;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.EmulatorStats;
import io.twinsync.emulator.faults.Faults;
import io.twinsync.emulator.limits.ApiClass;
import io.twinsync.emulator.limits.RateLimits;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagedFolder;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StagingStores;
import io.twinsync.staging.blob.BlobStagingStore;
import io.twinsync.staging.blob.BlobStagingUrl;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import io.twinsync.staging.twin.TwinFileNames;
import io.twinsync.writer.AdtClients;
import io.twinsync.writer.AdtTarget;
import io.twinsync.writer.Partition;
import io.twinsync.writer.TwinWriter;
import io.twinsync.writer.WriteReport;
import io.twinsync.writer.WriterSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The twin writer against the ADT emulator with ADT's limits and 20-50 ms added to every request (see
 * {@code scripts/bench-writer.sh}): a first load, a patch run and a steady-state run of twinsync's writer, the same
 * first load and patch run by a writer shaped like the reference sample (the SDK's default retries, 50 requests at
 * once, no client-side limit, a GET before each write), and twinsync's first load under faults (5 % of requests
 * answered 503 and an instance that throttles creates at half the documented limit). Prints one
 * {@code key: value} line per figure.
 *
 * <p>{@code staging} compares the staging area in a local folder with one in Blob Storage (Azurite), side by side:
 * staging the twin files (as transform does), then twinsync's first load and patch run reading them.
 *
 * <pre>
 * run {twins} {work folder}
 * staging {twins} {work folder} {blob account url} {container}    (connection string in TWINSYNC_STAGING_CONNECTION_STRING)
 * </pre>
 */
public final class WriterBenchmark {

    private static final String MODEL = "dtmi:twinsync:bench:Meter;1";
    private static final int BASELINE_CONCURRENCY = 50;

    private final int twins;
    private final Path work;
    private int batches;

    private WriterBenchmark(int twins, Path work) {
        this.twins = twins;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("run")) {
            new WriterBenchmark(Integer.parseInt(args[1]), Path.of(args[2])).run();
        } else if (args.length == 5 && args[0].equals("staging")) {
            new WriterBenchmark(Integer.parseInt(args[1]), Path.of(args[2])).staging(args[3], args[4]);
        } else {
            System.err.println("usage: run {twins} {work folder}\n"
                    + "       staging {twins} {work folder} {blob account url} {container}");
            System.exit(2);
        }
    }

    /** The same twin files staged and written with a local staging area, then with Blob Storage. */
    private void staging(String accountUrl, String containerName) throws Exception {
        Optional<String> connection = StagingStores.connectionStringFromEnvironment();
        new BlobServiceClientBuilder()
                .connectionString(connection.orElseThrow(() -> new IllegalStateException(
                        "set " + StagingStores.CONNECTION_STRING_VARIABLE + " to the account's connection string")))
                .buildClient()
                .createBlobContainerIfNotExists(containerName);
        StagingStore local = new LocalStagingStore(work.resolve("local"));
        StagingStore blob = BlobStagingStore.connect(
                BlobStagingUrl.parse(accountUrl + "/" + containerName + "/bench-"
                        + Instant.now().toEpochMilli()),
                connection);
        for (var store : List.of(java.util.Map.entry("local", local), java.util.Map.entry("blob", blob))) {
            String kind = store.getKey();
            try (AdtEmulator emulator = emulator(RateLimits.defaults(), Faults.none())) {
                Batch first = timedBatch(kind + "_stage_first", store.getValue(), 1);
                ours(kind + "_first_load", emulator, store.getValue(), first, twins, "created");
                Batch second = timedBatch(kind + "_stage_second", store.getValue(), 2);
                ours(kind + "_patch_run", emulator, store.getValue(), second, twins, "patched");
                verify(kind, emulator, 2, 0);
            }
        }
    }

    private Batch timedBatch(String name, StagingStore staging, int version) {
        long start = System.nanoTime();
        Batch batch = batch(staging, version, 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        print(name + "_seconds", seconds);
        print(name + "_files_per_second", twins / seconds);
        return batch;
    }

    private void run() throws Exception {
        // twinsync's writer: a first load, a patch run of every twin, then 1 % changed
        try (AdtEmulator emulator = emulator(RateLimits.defaults(), Faults.none())) {
            LocalStagingStore staging = new LocalStagingStore(work.resolve("ours"));
            ours("ours_first_load", emulator, staging, batch(staging, 1, 0), twins, "created");
            ours("ours_patch_run", emulator, staging, batch(staging, 2, 0), twins, "patched");
            int changed = Math.max(1, twins / 100);
            ours("ours_steady_state", emulator, staging, batch(staging, 2, changed), changed, "patched");
            verify("ours", emulator, 2, changed);
        }
        // the reference sample's shape on the same data, on a fresh instance
        try (AdtEmulator emulator = emulator(RateLimits.defaults(), Faults.none())) {
            LocalStagingStore staging = new LocalStagingStore(work.resolve("baseline"));
            baseline("baseline_first_load", emulator, batch(staging, 1, 0));
            baseline("baseline_patch_run", emulator, batch(staging, 2, 0));
            verify("baseline", emulator, 2, 0);
        }
        // twinsync's first load when 5 % of requests fail with 503 and the instance throttles creates at 250/s
        Faults faults = Faults.none()
                .withFailures(0.05, 503)
                .withLatency(Duration.ofMillis(20), Duration.ofMillis(30))
                .withSeed(42);
        try (AdtEmulator emulator = AdtEmulator.builder()
                .port(0)
                .workerThreads(256)
                .rateLimits(RateLimits.defaults().with(ApiClass.CREATES_DELETES, 250))
                .faults(faults)
                .start()) {
            LocalStagingStore staging = new LocalStagingStore(work.resolve("faults"));
            ours("faults_first_load", emulator, staging, batch(staging, 1, 0), twins, "created");
            verify("faults", emulator, 1, 0);
        }
    }

    private static AdtEmulator emulator(RateLimits limits, Faults faults) {
        return AdtEmulator.builder()
                .port(0)
                .workerThreads(256) // 20-50 ms per request: enough threads that the emulator never queues
                .rateLimits(limits)
                .faults(faults.withLatency(Duration.ofMillis(20), Duration.ofMillis(30)))
                .start();
    }

    private void ours(
            String name, AdtEmulator emulator, StagingStore staging, Batch batch, long expected, String action) {
        WriterSettings settings = WriterSettings.defaults();
        DigitalTwinsClient client =
                AdtClients.create(AdtTarget.emulator(emulator.endpoint(), emulator.certificate()), settings);
        EmulatorStats before = emulator.stats();
        long start = System.nanoTime();
        WriteReport report = new TwinWriter(client, staging, "bench", settings).write(batch, Partition.ALL);
        double seconds = (System.nanoTime() - start) / 1e9;
        EmulatorStats during = emulator.stats().since(before);
        var counts = report.summary().twins();
        long done = action.equals("created") ? counts.created() : counts.patched();
        print(name + "_seconds", seconds);
        print(name + "_" + action, done);
        print(name + "_expected_" + action, expected);
        print(name + "_" + action + "_per_second", done / seconds);
        print(name + "_unchanged", counts.unchanged());
        print(name + "_failed", counts.failed());
        print(name + "_requests", during.total());
        print(name + "_requests_429", during.throttled());
        print(name + "_requests_503", during.countStatus(503));
        print(name + "_share_429_percent", 100.0 * during.throttled() / Math.max(1, during.total()));
        print(name + "_writer_retried", report.summary().retried());
        print(name + "_requests_per_" + action + "_twin", (double) during.total() / Math.max(1, done));
    }

    /** The reference sample's shape: default SDK retries, 50 at once, no limit, a GET before each write. */
    private void baseline(String name, AdtEmulator emulator, Batch batch) throws Exception {
        AdtTarget target = AdtTarget.emulator(emulator.endpoint(), emulator.certificate());
        DigitalTwinsClient client = AdtClients.builder(target, WriterSettings.defaults())
                .retryOptions(null)
                .retryPolicy(new RetryPolicy()) // the SDK's default: 3 retries, 0.8 s to 8 s, honours Retry-After
                .buildClient();
        ensureModel(client);
        List<TwinFile> files = new ArrayList<>();
        for (String path : batch.list(BatchLayout.TWINS)) {
            try (var in = batch.open(path)) {
                files.add(TwinFileCodec.read(in, path));
            }
        }
        AtomicLong created = new AtomicLong();
        AtomicLong patched = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        EmulatorStats before = emulator.stats();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(BASELINE_CONCURRENCY);
        List<Future<?>> futures = new ArrayList<>();
        for (TwinFile file : files) {
            futures.add(pool.submit(() -> {
                try {
                    boolean exists;
                    try {
                        client.getDigitalTwin(file.twinId(), String.class);
                        exists = true;
                    } catch (com.azure.core.exception.HttpResponseException e) {
                        if (e.getResponse() == null || e.getResponse().getStatusCode() != 404) {
                            throw e;
                        }
                        exists = false;
                    }
                    if (exists) {
                        JsonPatchDocument patch = new JsonPatchDocument();
                        file.twin().fields().forEachRemaining(field -> {
                            if (!field.getKey().startsWith("$")) {
                                patch.appendAdd("/" + field.getKey(), field.getValue());
                            }
                        });
                        client.updateDigitalTwin(file.twinId(), patch);
                        patched.incrementAndGet();
                    } else {
                        client.createOrReplaceDigitalTwin(file.twinId(), (Object) file.twin(), Object.class);
                        created.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        EmulatorStats during = emulator.stats().since(before);
        long done = created.get() + patched.get();
        print(name + "_seconds", seconds);
        print(name + "_created", created.get());
        print(name + "_patched", patched.get());
        print(name + "_failed", failed.get());
        print(name + "_written_per_second", done / seconds);
        print(name + "_requests", during.total());
        print(name + "_requests_429", during.throttled());
        print(name + "_share_429_percent", 100.0 * during.throttled() / Math.max(1, during.total()));
    }

    private static void ensureModel(DigitalTwinsClient client) {
        try {
            client.createModels(List.of(StagingJson.mapper().writeValueAsString(model())));
        } catch (com.azure.core.exception.HttpResponseException e) {
            if (e.getResponse() == null || e.getResponse().getStatusCode() != 409) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every twin as the emulator holds it must carry the values of the last batch written. */
    private void verify(String name, AdtEmulator emulator, int version, int changed) throws IOException {
        // the SDK's own retries: the emulator may be injecting 503s into the reads too
        DigitalTwinsClient client = AdtClients.builder(
                        AdtTarget.emulator(emulator.endpoint(), emulator.certificate()), WriterSettings.defaults())
                .retryOptions(null)
                .retryPolicy(new RetryPolicy())
                .buildClient();
        long correct = 0;
        long wrong = 0;
        for (String json : client.query("SELECT * FROM digitaltwins", String.class)) {
            JsonNode twin = StagingJson.mapper().readTree(json);
            int i = Integer.parseInt(twin.path("$dtId").asText().substring("meter-".length()));
            ObjectNode expected = document(i, version, i < changed);
            boolean same = twin.path("reading").asLong()
                            == expected.path("reading").asLong()
                    && twin.path("label").asText().equals(expected.path("label").asText());
            if (same) {
                correct++;
            } else {
                wrong++;
            }
        }
        print(name + "_twins_correct", correct);
        print(name + "_twins_wrong", wrong);
        print(name + "_twins_missing", twins - correct - wrong);
    }

    /** A batch of every twin at {@code version}, the first {@code changed} of them one step further. */
    private Batch batch(StagingStore staging, int version, int changed) {
        Batch batch = staging.createBatch(BatchId.newId(Instant.now().plusSeconds(batches++)));
        try (StagedOutput out = batch.create(BatchLayout.MODELS)) {
            ArrayNode models = StagingJson.mapper().createArrayNode().add(model());
            StagingJson.mapper().writeValue(out, models);
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (StagedFolder folder = batch.createFolder(BatchLayout.TWINS)) {
            for (int i = 0; i < twins; i++) {
                ObjectNode twin = document(i, version, i < changed);
                TwinFile file = TwinFile.of(
                        "meter",
                        StagingJson.mapper().createObjectNode().put("Id", i),
                        false,
                        twin,
                        List.of(),
                        List.of());
                try (StagedOutput out =
                        folder.createNew(TwinFileNames.pathFor(file.twinId())).orElseThrow()) {
                    TwinFileCodec.write(file, out);
                    out.commit();
                }
            }
            folder.commit();
        }
        return batch;
    }

    private static ObjectNode document(int i, int version, boolean changed) {
        int v = changed ? version + 1 : version;
        ObjectNode twin = StagingJson.mapper().createObjectNode().put("$dtId", "meter-" + i);
        twin.putObject("$metadata").put("$model", MODEL);
        twin.put("label", "Meter " + i + " v" + v);
        twin.put("reading", (long) i * 10 + v);
        twin.put("site", "site-" + (i % 100));
        return twin;
    }

    private static ObjectNode model() {
        ObjectNode model = StagingJson.mapper().createObjectNode();
        model.put("@id", MODEL).put("@type", "Interface").put("@context", "dtmi:dtdl:context;3");
        ArrayNode contents = model.putArray("contents");
        contents.addObject().put("@type", "Property").put("name", "label").put("schema", "string");
        contents.addObject().put("@type", "Property").put("name", "reading").put("schema", "long");
        contents.addObject().put("@type", "Property").put("name", "site").put("schema", "string");
        return model;
    }

    private static void print(String key, long value) {
        System.out.println(key + ": " + value);
    }

    private static void print(String key, double value) {
        System.out.printf(Locale.ROOT, "%s: %.2f%n", key, value);
    }
}
