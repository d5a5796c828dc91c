package io.twinsync.transform.twin;

import io.twinsync.staging.StagedFolder;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import io.twinsync.staging.twin.TwinFileNames;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes twin files as they are built into the batch's new {@code twins/} folder, and keeps each twin id to the first
 * row that produced it. Nothing is kept in memory: a twin id always gives the same file name, so a file that is
 * already there is the earlier row's, and its key for the duplicate's message is read back from it.
 */
final class TwinFileSink {

    private final StagedFolder twins;

    TwinFileSink(StagedFolder twins) {
        this.twins = twins;
    }

    /** Writes the file, or returns the duplicate problem when an earlier row already produced this twin id. */
    Optional<RowProblem> write(TwinFile file, Supplier<String> rowKey) {
        String name = TwinFileNames.pathFor(file.twinId());
        Optional<StagedOutput> created = twins.createNew(name);
        if (created.isEmpty()) {
            TwinFile first = read(name);
            if (!first.twinId().equals(file.twinId())) {
                // Two ids with one 64-bit name hash: never seen, but it must not pass for a duplicate row.
                throw new StagingException("Twin ids '" + first.twinId() + "' and '" + file.twinId()
                        + "' map to one file name " + name + "; please report this");
            }
            return Optional.of(
                    RowProblem.duplicateTwinId(file.twinId(), first.entity(), first.sourceKey(), rowKey.get()));
        }
        try (StagedOutput out = created.get()) {
            TwinFileCodec.write(file, out);
            out.commit();
        }
        return Optional.empty();
    }

    private TwinFile read(String name) {
        try (InputStream in = twins.open(name)) {
            return TwinFileCodec.read(in, twins.path() + name);
        } catch (IOException e) {
            throw new StagingException("Cannot read back " + twins.path() + name + ": " + e.getMessage(), e);
        }
    }
}
