package io.twinsync.orchestrator.job;

import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StagingStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The archive step's work ({@code twinsync.archive}): moves a done batch from {@code batches/} to the archive, then
 * deletes the archived batches beyond the retention. The move is the step's own: when it fails the step fails, and
 * resuming the batch finishes it. Retention is housekeeping: a batch it cannot delete is left for the next run.
 */
@Component
public class BatchArchive {

    private static final Logger log = LoggerFactory.getLogger(BatchArchive.class);

    private final StagingStore staging;
    private final TwinsyncProperties.Archive settings;
    private final Clock clock;

    @Autowired
    public BatchArchive(StagingStore staging, TwinsyncProperties properties) {
        this(staging, properties.archive(), Clock.systemUTC());
    }

    BatchArchive(StagingStore staging, TwinsyncProperties.Archive settings, Clock clock) {
        this.staging = staging;
        this.settings = settings;
        this.clock = clock;
    }

    /** Archives {@code batch} and applies the retention; does nothing when {@code twinsync.archive.enabled} is off. */
    public void archive(BatchId batch) {
        if (!settings.enabled()) {
            log.debug("Batch {} stays in batches/: twinsync.archive.enabled is false", batch);
            return;
        }
        staging.archiveBatch(batch);
        log.info("Batch {} moved to the archive of {}", batch, staging.location());
        List<BatchId> expired = settings.retention().toDelete(staging.archivedBatches(), clock.instant());
        int deleted = 0;
        for (BatchId old : expired) {
            try {
                staging.deleteArchivedBatch(old);
                deleted++;
            } catch (StagingException e) {
                log.warn("Cannot delete the archived batch {} ({}); the next run tries again", old, e.getMessage());
            }
        }
        if (deleted > 0) {
            log.info(
                    "Deleted {} archived batches older than {} days beyond the newest {}",
                    deleted,
                    settings.keepDays(),
                    settings.keepBatches());
        }
    }
}
