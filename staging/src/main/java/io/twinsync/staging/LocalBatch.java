package io.twinsync.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A batch in a local folder. */
final class LocalBatch implements Batch {

    private final BatchId id;
    private final Path dir;

    LocalBatch(BatchId id, Path dir) {
        this.id = id;
        this.dir = dir;
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
        Path folder = LocalFiles.resolveInside(dir, prefix);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !LocalFiles.isTemporary(p))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
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
}
