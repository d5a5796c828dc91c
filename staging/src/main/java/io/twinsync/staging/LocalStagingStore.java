package io.twinsync.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A staging area in a local folder: {@code batches/{id}/...}, {@code archive/{id}/...} and {@code state/...}. A batch
 * moves to the archive by one rename (the marker written inside it first), so a local archive copy is never partial;
 * where the two folders are on different file systems it is copied, marker last, and the original then deleted.
 */
public final class LocalStagingStore implements StagingStore {

    private final Path root;

    public LocalStagingStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Batch createBatch(BatchId id) {
        Path dir = batchDir(id);
        if (Files.exists(dir) || Files.exists(archiveDir(id))) {
            throw new StagingException("Batch " + id + " already exists at " + dir + "; batch ids must be new");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StagingException("Cannot create batch folder " + dir + ": " + e.getMessage(), e);
        }
        return new LocalBatch(id, dir, archiveDir(id));
    }

    @Override
    public Batch openBatch(BatchId id) {
        Path archived = archiveDir(id);
        if (isArchived(archived)) {
            return new LocalBatch(id, archived, archived);
        }
        Path dir = batchDir(id);
        if (!Files.isDirectory(dir)) {
            throw new StagingException(
                    "No batch " + id + " in " + root + "; 'twinsync batches' lists the batches there");
        }
        return new LocalBatch(id, dir, archived);
    }

    @Override
    public List<BatchId> listBatches() {
        TreeSet<BatchId> ids = new TreeSet<>(ids(root.resolve("batches"), Files::isDirectory));
        ids.addAll(archivedBatches());
        return List.copyOf(ids);
    }

    @Override
    public List<BatchId> archivedBatches() {
        return ids(root.resolve("archive"), LocalStagingStore::isArchived);
    }

    @Override
    public void archiveBatch(BatchId id) {
        Path from = batchDir(id);
        Path to = archiveDir(id);
        try {
            if (isArchived(to)) {
                LocalFiles.deleteTree(from, null); // a copied move cut short before its original was gone
                return;
            }
            if (!Files.isDirectory(from)) {
                throw new StagingException(
                        "No batch " + id + " in " + root + " to archive; 'twinsync batches' lists the batches there");
            }
            writeMarker(id, from);
            LocalFiles.deleteTree(to, null); // an earlier copy that never got its marker
            Files.createDirectories(to.getParent());
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                LocalFiles.copyTree(from, to, from.resolve(BatchLayout.ARCHIVED));
                writeMarker(id, to); // last: only now is the copy whole
                LocalFiles.deleteTree(from, null);
            }
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot move batch " + id + " from " + from + " to " + to + ": " + e.getMessage()
                            + "; check the folders' permissions and space, then run again to finish it",
                    e);
        }
    }

    @Override
    public void deleteArchivedBatch(BatchId id) {
        Path dir = archiveDir(id);
        try {
            if (isArchived(dir)) {
                LocalFiles.deleteTree(batchDir(id), null);
            }
            LocalFiles.deleteTree(dir, dir.resolve(BatchLayout.ARCHIVED));
        } catch (IOException e) {
            throw new StagingException("Cannot delete the archived batch " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public StateArea state() {
        return new LocalStateArea(root.resolve("state"));
    }

    @Override
    public StateArea incoming() {
        return new LocalStateArea(root.resolve("incoming"));
    }

    @Override
    public String location() {
        return root.toString();
    }

    private Path batchDir(BatchId id) {
        return root.resolve("batches").resolve(id.value());
    }

    private Path archiveDir(BatchId id) {
        return root.resolve("archive").resolve(id.value());
    }

    static boolean isArchived(Path archiveDir) {
        return Files.isRegularFile(archiveDir.resolve(BatchLayout.ARCHIVED));
    }

    private static void writeMarker(BatchId id, Path dir) {
        try (StagedOutput out = LocalFiles.createAtomically(dir.resolve(BatchLayout.ARCHIVED))) {
            out.write(new ArchiveMarker(id.value(), Instant.now()).toJson());
            out.commit();
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot write " + BatchLayout.ARCHIVED + " of batch " + id + ": " + e.getMessage(), e);
        }
    }

    private static List<BatchId> ids(Path folder, Predicate<Path> isBatch) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(folder)) {
            return dirs.filter(p -> BatchId.isBatchId(p.getFileName().toString()))
                    .filter(isBatch)
                    .map(p -> new BatchId(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list batches in " + folder, e);
        }
    }
}
