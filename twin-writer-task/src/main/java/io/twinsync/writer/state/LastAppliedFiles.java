package io.twinsync.writer.state;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twin files the writer last applied, read back from the batches that hold them: what a twin looked like after
 * the writer's last write, so that a change can be planned without reading the twin from ADT. Empty whenever that
 * file is gone (a batch removed by retention), unreadable, or not the one recorded (its content hash differs):
 * the writer then reads the twin as before. Thread-safe.
 */
public final class LastAppliedFiles {

    private static final Logger log = LoggerFactory.getLogger(LastAppliedFiles.class);

    private final StagingStore staging;
    private final Map<String, Optional<Batch>> batches = new ConcurrentHashMap<>();

    public LastAppliedFiles(StagingStore staging) {
        this.staging = staging;
    }

    /** The twin file {@code known} says was applied, when it can still be read and is that file. */
    public Optional<TwinFile> of(KnownTwin known) {
        if (known.batchId() == null) {
            return Optional.empty();
        }
        Optional<Batch> batch = batches.computeIfAbsent(known.batchId(), this::open);
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        String path = BatchLayout.twinFile(known.twinId());
        try {
            // no exists() first: a missing file fails the open, which the catch below takes as "read the twin"
            TwinFile file;
            try (InputStream in = batch.get().open(path)) {
                file = TwinFileCodec.read(in, batch.get().location() + "/" + path);
            }
            return known.contentHash().equals(file.contentHash()) ? Optional.of(file) : Optional.empty();
        } catch (Exception e) {
            log.debug("Cannot read back the last applied file of twin {}: {}", known.twinId(), e.toString());
            return Optional.empty();
        }
    }

    private Optional<Batch> open(String batchId) {
        try {
            return Optional.of(staging.openBatch(new BatchId(batchId)));
        } catch (RuntimeException e) {
            log.debug("Batch {} of the known state is gone ({}); its twins are read from ADT", batchId, e.toString());
            return Optional.empty();
        }
    }
}
