package io.twinsync.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A staging area in a local folder: {@code batches/{id}/...} and {@code state/...}. */
public final class LocalStagingStore implements StagingStore {

    private final Path root;

    public LocalStagingStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Batch createBatch(BatchId id) {
        Path dir = batchDir(id);
        if (Files.exists(dir)) {
            throw new StagingException("Batch " + id + " already exists at " + dir + "; batch ids must be new");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StagingException("Cannot create batch folder " + dir + ": " + e.getMessage(), e);
        }
        return new LocalBatch(id, dir);
    }

    @Override
    public Batch openBatch(BatchId id) {
        Path dir = batchDir(id);
        if (!Files.isDirectory(dir)) {
            throw new StagingException(
                    "No batch " + id + " in " + root + "; 'twinsync batches' lists the batches there");
        }
        return new LocalBatch(id, dir);
    }

    @Override
    public List<BatchId> listBatches() {
        Path batches = root.resolve("batches");
        if (!Files.isDirectory(batches)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(batches)) {
            return dirs.map(p -> p.getFileName().toString())
                    .filter(BatchId::isBatchId)
                    .map(BatchId::new)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list batches in " + batches, e);
        }
    }

    @Override
    public StateArea state() {
        return new LocalStateArea(root.resolve("state"));
    }

    @Override
    public String location() {
        return root.toString();
    }

    private Path batchDir(BatchId id) {
        return root.resolve("batches").resolve(id.value());
    }
}
