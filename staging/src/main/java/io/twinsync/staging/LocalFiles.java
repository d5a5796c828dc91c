package io.twinsync.staging;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** File helpers for the local store: paths that cannot escape their folder, and writes that appear atomically. */
final class LocalFiles {

    private static final String TEMP_SUFFIX = ".partial";
    private static final int BUFFER_SIZE = 1 << 16;

    private LocalFiles() {}

    static Path resolveInside(Path dir, String relative) {
        Path resolved = dir.resolve(relative).normalize();
        if (!resolved.startsWith(dir)) {
            throw new StagingException(
                    "Path '" + relative + "' points outside " + dir + "; staging paths are relative");
        }
        return resolved;
    }

    static boolean isTemporary(Path file) {
        return file.getFileName().toString().endsWith(TEMP_SUFFIX);
    }

    static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new StagingException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A stream to a temporary file beside {@code target}, renamed onto it on commit. The temporary name carries a
     * random UUID, so writers in different processes (overlapping runs) or threads never share one.
     */
    static StagedOutput createAtomically(Path target) {
        Path temp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            Files.createDirectories(target.getParent());
            return new LocalStagedOutput(
                    target,
                    temp,
                    new BufferedOutputStream(
                            Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            BUFFER_SIZE));
        } catch (IOException e) {
            throw new StagingException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
