package io.twinsync.staging;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** File helpers for the local store: paths that cannot escape their folder, and writes that appear atomically. */
final class LocalFiles {

    private static final String TEMP_SUFFIX = ".partial";

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

    static OutputStream createAtomically(Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling(
                    target.getFileName() + "." + Thread.currentThread().getId() + TEMP_SUFFIX);
            OutputStream out = Files.newOutputStream(temp);
            return new FilterOutputStream(out) {
                private boolean closed;

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    super.close();
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            };
        } catch (IOException e) {
            throw new StagingException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
