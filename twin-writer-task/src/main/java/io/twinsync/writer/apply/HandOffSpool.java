package io.twinsync.writer.apply;

import io.twinsync.staging.StagingException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hand-off of a write that does both phases in one call ({@code WritePhase.ALL}): the twin phase's outcomes wait
 * for the relationship phase in a local temporary file, not in the batch (nothing runs the relationship phase later)
 * and not in memory (a partition of a million twins would hold them all). Deleted when closed.
 */
public final class HandOffSpool implements AutoCloseable {

    private final Path file;

    private HandOffSpool(Path file) {
        this.file = file;
    }

    public static HandOffSpool create() {
        try {
            return new HandOffSpool(Files.createTempFile("twinsync-handoff-", ".ndjson"));
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot create the temporary file where the twin phase's outcomes wait for the relationship"
                            + " phase (in " + System.getProperty("java.io.tmpdir") + "; set java.io.tmpdir to a"
                            + " writable folder): " + e.getMessage(),
                    e);
        }
    }

    /** Appends the twin phase's outcomes, replacing what an earlier writer appended. */
    public HandOffWriter writer() {
        try {
            return new HandOffWriter(
                    new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), file.toString(), () -> {});
        } catch (IOException e) {
            throw new StagingException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** What {@link #writer()} appended, line by line. */
    public HandOffLines lines() {
        try {
            InputStream in = Files.newInputStream(file);
            return new HandOffLines(in, file.toString());
        } catch (IOException e) {
            throw new StagingException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StagingException("Cannot delete the temporary file " + file + ": " + e.getMessage(), e);
        }
    }
}
