package io.twinsync.emulator.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One import job as {@code GET /jobs/imports/{id}} shows it. Immutable: every change of state makes a new one.
 *
 * @param inputBlobUri the NDJSON file to import, exactly as the client sent it (it may carry a SAS token)
 * @param outputBlobUri where the NDJSON log goes, exactly as the client sent it
 * @param finished when the job reached succeeded, failed or cancelled
 * @param error why the job failed, when it did
 */
public record ImportJob(
        String id,
        String inputBlobUri,
        String outputBlobUri,
        ImportJobStatus status,
        Instant created,
        Instant lastAction,
        Optional<Instant> finished,
        Optional<ImportJobError> error) {

    /** ADT's example responses show the purge time 30 days after the last action. */
    static final Duration RETENTION = Duration.ofDays(30);

    public ImportJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    static ImportJob created(String id, String inputBlobUri, String outputBlobUri, Instant now) {
        return new ImportJob(
                id,
                inputBlobUri,
                outputBlobUri,
                ImportJobStatus.NOT_STARTED,
                now,
                now,
                Optional.empty(),
                Optional.empty());
    }

    /** When ADT would forget the job. The emulator keeps jobs until they are deleted. */
    public Instant purge() {
        return lastAction.plus(RETENTION);
    }

    ImportJob withStatus(ImportJobStatus next, Instant now) {
        Optional<Instant> end = next.isActive() ? Optional.empty() : Optional.of(now);
        return new ImportJob(id, inputBlobUri, outputBlobUri, next, created, now, end, error);
    }

    ImportJob failed(ImportJobError failure, Instant now) {
        return new ImportJob(
                id,
                inputBlobUri,
                outputBlobUri,
                ImportJobStatus.FAILED,
                created,
                now,
                Optional.of(now),
                Optional.of(failure));
    }

    /** Why a job failed: an error code and a message, as in ADT's {@code error} object. */
    public record ImportJobError(String code, String message) {}
}
