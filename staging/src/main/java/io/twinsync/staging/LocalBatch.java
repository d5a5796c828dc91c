package io.twinsync.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A batch in a local folder. A handle on a batch in {@code batches/} follows it into the archive: a file that is
 * missing because the batch was moved meanwhile is read from {@code archive/{id}/}.
 */
final class LocalBatch implements Batch {

    private final BatchId id;
    private final Path archived;
    private volatile Path dir;

    /**
     * @param dir where the batch is now
     * @param archived where it is once archived (the same as {@code dir} for a batch opened from the archive)
     */
    LocalBatch(BatchId id, Path dir, Path archived) {
        this.id = id;
        this.dir = dir;
        this.archived = archived;
    }

    @Override
    public BatchId id() {
        return id;
    }

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public StagedOutput create(String path) {
        return LocalFiles.createAtomically(LocalFiles.resolveInside(dir, path));
    }

    @Override
    public StagedFolder createFolder(String folder) {
        return new LocalStagedFolder(dir, folder);
    }

    @Override
    public InputStream open(String path) {
        Path file = LocalFiles.resolveInside(dir, path);
        if (!Files.isRegularFile(file) && followedIntoArchive()) {
            file = LocalFiles.resolveInside(dir, path);
        }
        if (!Files.isRegularFile(file)) {
            throw new StagingException("Batch " + id + " has no file " + path + " (looked in " + dir + ")");
        }
        return LocalFiles.open(file);
    }

    @Override
    public boolean exists(String path) {
        return Files.isRegularFile(LocalFiles.resolveInside(dir, path));
    }

    @Override
    public List<String> list(String prefix) {
        Path base = dir;
        Path folder = LocalFiles.resolveInside(base, prefix);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !LocalFiles.isTemporary(p))
                    .map(p -> base.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    @Override
    public void delete(String path) {
        try {
            Files.deleteIfExists(LocalFiles.resolveInside(dir, path));
        } catch (IOException e) {
            throw new StagingException("Cannot delete " + path + " in batch " + id + ": " + e.getMessage(), e);
        }
    }

    /** True when the batch has moved to the archive since this handle was opened; the handle then reads there. */
    private boolean followedIntoArchive() {
        if (dir.equals(archived) || !LocalStagingStore.isArchived(archived)) {
            return false;
        }
        dir = archived;
        return true;
    }
}
