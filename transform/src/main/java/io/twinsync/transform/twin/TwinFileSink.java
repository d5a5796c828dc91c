package io.twinsync.transform.twin;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes twin files as they are built, and keeps each twin id to the first row that produced it. Only the ids are
 * kept in memory, never the documents; the first row's key for a duplicate's message is read back from its file.
 */
final class TwinFileSink {

    private final Batch batch;
    private final Set<String> written = new HashSet<>();

    TwinFileSink(Batch batch) {
        this.batch = batch;
    }

    /** Writes the file, or returns the duplicate problem when an earlier row already produced this twin id. */
    Optional<RowProblem> write(TwinFile file, Supplier<String> rowKey) {
        String path = BatchLayout.twinFile(file.twinId());
        if (!written.add(file.twinId())) {
            TwinFile first = read(path);
            return Optional.of(
                    RowProblem.duplicateTwinId(file.twinId(), first.entity(), first.sourceKey(), rowKey.get()));
        }
        try (StagedOutput out = batch.create(path)) {
            TwinFileCodec.write(file, out);
            out.commit();
        }
        return Optional.empty();
    }

    private TwinFile read(String path) {
        try (InputStream in = batch.open(path)) {
            return TwinFileCodec.read(in, batch.location() + "/" + path);
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot read back " + path + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }
}
