package io.twinsync.staging;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** File helpers for the local store: paths that cannot escape their folder, and writes that appear atomically. */
final class LocalFiles {

    static final String TEMP_SUFFIX = ".partial";
    // Most staged files are twin files of about a kilobyte; a 64 KB buffer each was 40 % of all allocation.
    static final int BUFFER_SIZE = 1 << 13;

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
            return new LocalStagedOutput(target, temp, new BufferedOutputStream(openNew(temp), BUFFER_SIZE));
        } catch (IOException e) {
            throw new StagingException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Opens a new file, creating its folders only when they are missing (not a mkdir and stat per file). */
    static OutputStream openNew(Path file) throws IOException {
        try {
            return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            Files.createDirectories(file.getParent());
            return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /**
     * Deletes a folder and everything in it, deepest first, the file {@code last} (if it is inside) after every
     * other: a deletion cut short leaves {@code last} in place. Nothing to do when the folder is missing.
     */
    static void deleteTree(Path dir, Path last) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(dir)) {
            entries = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path entry : entries) {
            if (!entry.equals(last) && !entry.equals(dir)) {
                Files.deleteIfExists(entry);
            }
        }
        if (last != null) {
            Files.deleteIfExists(last);
        }
        Files.deleteIfExists(dir);
    }

    /**
     * Copies every file under {@code from} but {@code skip} to the same place under {@code to}, replacing what is
     * there.
     */
    static void copyTree(Path from, Path to, Path skip) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.equals(skip))
                    .toList();
        }
        for (Path file : files) {
            Path copy = to.resolve(from.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
