package io.twinsync.emulator.jobs;

import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.store.EmulatorStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one import job on the jobs thread: reads the input blob, applies it, writes the log to the output blob (after
 * each section and at the end) and reports the final state to the {@link ImportJobService}.
 */
final class ImportJobRunner implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ImportJobRunner.class);

    private final ImportJobService jobs;
    private final EmulatorStore store;
    private final BlobTransport blobs;
    private final String jobId;

    ImportJobRunner(ImportJobService jobs, EmulatorStore store, BlobTransport blobs, String jobId) {
        this.jobs = jobs;
        this.store = store;
        this.blobs = blobs;
        this.jobId = jobId;
    }

    @Override
    public void run() {
        Optional<ImportJob> started = jobs.start(jobId);
        if (started.isEmpty()) {
            return;
        }
        ImportJob job = started.get();
        URI output = URI.create(job.outputBlobUri());
        ImportLog entries = new ImportLog(jobId);
        entries.jobStatus("Started", false);
        Optional<ImportJob.ImportJobError> failure;
        boolean cancelled = false;
        try (InputStream input = blobs.open(URI.create(job.inputBlobUri()))) {
            ImportRun run =
                    new ImportRun(store, entries, () -> jobs.cancelRequested(jobId), () -> publish(output, entries));
            ImportRun.Outcome outcome = run.apply(new ImportFileReader(input));
            cancelled = outcome.cancelled();
            failure = outcome.anyRefused() ? Optional.of(summary(outcome)) : Optional.empty();
        } catch (ImportAbortedException e) {
            if (!e.logged()) {
                entries.lineError(e.section(), e.line(), e.code(), e.getMessage());
            }
            failure = Optional.of(new ImportJob.ImportJobError(e.code(), e.getMessage()));
        } catch (IOException e) {
            String message = "Could not read the input blob " + BlobTransport.redact(URI.create(job.inputBlobUri()))
                    + ": " + e.getMessage();
            entries.lineError(null, null, AdtError.VALIDATION_FAILED.code(), message);
            failure = Optional.of(new ImportJob.ImportJobError(AdtError.VALIDATION_FAILED.code(), message));
        } catch (RuntimeException e) {
            log.error("ADT emulator: import job '{}' failed unexpectedly", jobId, e);
            String message = "The emulator failed while importing: " + e;
            entries.lineError(null, null, AdtError.INTERNAL_ERROR.code(), message);
            failure = Optional.of(new ImportJob.ImportJobError(AdtError.INTERNAL_ERROR.code(), message));
        }
        if (cancelled) {
            entries.jobStatus("Cancelled", false);
        } else {
            entries.jobStatus(failure.isPresent() ? "Failed" : "Succeeded", failure.isPresent());
        }
        Optional<String> unwritten = publish(output, entries);
        if (unwritten.isPresent()) {
            String message = "Could not write the log to " + BlobTransport.redact(output) + ": " + unwritten.get();
            failure = Optional.of(new ImportJob.ImportJobError(
                    AdtError.VALIDATION_FAILED.code(),
                    failure.map(f -> f.message() + ". Also: " + message).orElse(message)));
            cancelled = false;
        }
        jobs.finish(jobId, cancelled, failure);
        log.info(
                "ADT emulator: import job '{}' ended {}",
                jobId,
                cancelled
                        ? "cancelled"
                        : failure.map(ImportJob.ImportJobError::code).orElse("succeeded"));
    }

    /** Writes the log so far; answers why it could not, if it could not. */
    private Optional<String> publish(URI output, ImportLog entries) {
        try {
            blobs.write(output, entries.bytes());
            return Optional.empty();
        } catch (IOException e) {
            log.warn("ADT emulator: import job '{}' could not write its log: {}", jobId, e.getMessage());
            return Optional.of(e.getMessage());
        }
    }

    private static ImportJob.ImportJobError summary(ImportRun.Outcome outcome) {
        return new ImportJob.ImportJobError(
                outcome.firstRefusal(),
                outcome.twinsRefused() + " of " + (outcome.twins() + outcome.twinsRefused()) + " twins and "
                        + outcome.relationshipsRefused() + " of "
                        + (outcome.relationships() + outcome.relationshipsRefused())
                        + " relationships were refused; the output log names each refused line");
    }
}
