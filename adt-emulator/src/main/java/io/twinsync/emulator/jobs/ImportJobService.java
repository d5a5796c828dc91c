package io.twinsync.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.store.EmulatorStore;
import io.twinsync.emulator.store.Page;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Import jobs: create, read, list, cancel, delete. Like ADT, at most one job is active (not started, running or
 * cancelling) at a time; it runs on one background thread and writes through the store's services, so imported
 * entities pass the same validation as REST writes. Jobs live in memory only (not in the snapshot).
 */
public final class ImportJobService implements AutoCloseable {

    private static final Set<String> SCHEMES = Set.of("file", "http", "https");

    private final EmulatorStore store;
    private final BlobTransport blobs;
    private final ExecutorService runner;
    private final Map<String, ImportJob> jobs = new HashMap<>();
    private final Map<String, Long> sequenceOf = new HashMap<>();
    private final NavigableMap<Long, String> byCreation = new TreeMap<>();
    private long nextSequence;

    public ImportJobService(EmulatorStore store, BlobTransport blobs) {
        this.store = store;
        this.blobs = blobs;
        this.runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "adt-emulator-import-jobs");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code PUT /jobs/imports/{id}}: records the job as notstarted and queues it. */
    public synchronized ImportJob create(String id, JsonNode body) {
        String input = blobUri(body, "inputBlobUri", id);
        String output = blobUri(body, "outputBlobUri", id);
        if (jobs.containsKey(id)) {
            throw new AdtException(
                    AdtError.VALIDATION_FAILED,
                    "Import job '" + id + "' already exists; delete it or choose another id");
        }
        jobs.values().stream()
                .filter(job -> job.status().isActive())
                .findFirst()
                .ifPresent(active -> {
                    throw new AdtException(
                            AdtError.JOB_LIMIT_REACHED,
                            "Import job '" + active.id() + "' is "
                                    + active.status().wireName() + "; ADT runs one job at a"
                                    + " time. Wait for it to end (or cancel it) before creating '" + id + "'");
                });
        ImportJob job = ImportJob.created(id, input, output, Instant.now());
        jobs.put(id, job);
        long sequence = nextSequence++;
        sequenceOf.put(id, sequence);
        byCreation.put(sequence, id);
        runner.execute(new ImportJobRunner(this, store, blobs, id));
        return job;
    }

    public synchronized ImportJob get(String id) {
        ImportJob job = jobs.get(id);
        if (job == null) {
            throw new AdtException(AdtError.IMPORT_JOB_NOT_FOUND, "There is no import job with id '" + id + "'");
        }
        return job;
    }

    /** Jobs in the order they were created. */
    public synchronized Page<ImportJob> list(Optional<String> continuationToken, int pageSize) {
        long after = continuationToken.map(ImportJobService::sequence).orElse(-1L);
        List<ImportJob> items = new ArrayList<>();
        for (Map.Entry<Long, String> entry : byCreation.tailMap(after, false).entrySet()) {
            if (items.size() == pageSize) {
                long last = sequenceOf.get(items.get(items.size() - 1).id());
                return new Page<>(items, Optional.of(Long.toString(last)));
            }
            items.add(jobs.get(entry.getValue()));
        }
        return new Page<>(items, Optional.empty());
    }

    /** {@code POST /jobs/imports/{id}/cancel}: an active job becomes cancelling, then cancelled when it stops. */
    public synchronized ImportJob cancel(String id) {
        ImportJob job = get(id);
        switch (job.status()) {
            case NOT_STARTED, RUNNING -> {
                ImportJob cancelling = job.withStatus(ImportJobStatus.CANCELLING, Instant.now());
                jobs.put(id, cancelling);
                return cancelling;
            }
            case CANCELLING, CANCELLED -> {
                return job;
            }
            default ->
                throw new AdtException(
                        AdtError.VALIDATION_FAILED,
                        "Import job '" + id + "' has already " + job.status().wireName() + "; only a job that has"
                                + " not ended can be cancelled");
        }
    }

    /** {@code DELETE /jobs/imports/{id}}: only a job that has ended (succeeded, failed or cancelled). */
    public synchronized void delete(String id) {
        ImportJob job = get(id);
        if (job.status().isActive()) {
            throw new AdtException(
                    AdtError.VALIDATION_FAILED,
                    "Import job '" + id + "' is " + job.status().wireName() + "; cancel it and wait until it is"
                            + " cancelled before deleting it");
        }
        jobs.remove(id);
        byCreation.remove(sequenceOf.remove(id));
    }

    /** Stops the jobs thread; a running job stops where it is. */
    @Override
    public void close() {
        runner.shutdownNow();
        try {
            runner.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called by the runner: the job starts, or, if it was cancelled while queued, ends as cancelled. */
    synchronized Optional<ImportJob> start(String id) {
        ImportJob job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        ImportJobStatus next =
                job.status() == ImportJobStatus.CANCELLING ? ImportJobStatus.CANCELLED : ImportJobStatus.RUNNING;
        ImportJob updated = job.withStatus(next, Instant.now());
        jobs.put(id, updated);
        return next == ImportJobStatus.RUNNING ? Optional.of(updated) : Optional.empty();
    }

    synchronized boolean cancelRequested(String id) {
        ImportJob job = jobs.get(id);
        return job == null
                || job.status() == ImportJobStatus.CANCELLING
                || Thread.currentThread().isInterrupted();
    }

    /** Called by the runner with the final state. */
    synchronized void finish(String id, boolean cancelled, Optional<ImportJob.ImportJobError> failure) {
        ImportJob job = jobs.get(id);
        if (job == null) {
            return;
        }
        Instant now = Instant.now();
        ImportJob last;
        if (failure.isPresent()) {
            last = job.failed(failure.get(), now);
        } else {
            last = job.withStatus(cancelled ? ImportJobStatus.CANCELLED : ImportJobStatus.SUCCEEDED, now);
        }
        jobs.put(id, last);
    }

    private static String blobUri(JsonNode body, String field, String id) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new AdtException(
                    AdtError.VALIDATION_FAILED,
                    "Import job '" + id + "' needs " + field + ": the URL of a blob (or a file: URI)");
        }
        try {
            URI uri = new URI(value.asText());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.isAbsolute() && SCHEMES.contains(scheme)) {
                return value.asText();
            }
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        throw new AdtException(
                AdtError.VALIDATION_FAILED,
                "Import job '" + id + "': " + field + " must be an absolute https://, http:// or file: URI");
    }

    private static long sequence(String token) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new AdtException(AdtError.INVALID_ARGUMENT, "The continuation token '" + token + "' is not valid");
        }
    }
}
