package io.twinsync.staging;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StagedFolder} in a local batch: files go straight into a hidden working folder beside the target
 * ({@code .twins-{uuid}.partial}), which commit renames onto the target. Listing the target never sees the working
 * folder, and the random name keeps overlapping runs apart.
 */
final class LocalStagedFolder implements StagedFolder {

    private static final Logger log = LoggerFactory.getLogger(LocalStagedFolder.class);

    private final String path;
    private final Path target;
    private final Path work;
    private boolean open = true;

    LocalStagedFolder(Path batchDir, String path) {
        this.path = path;
        this.target = LocalFiles.resolveInside(batchDir, path);
        if (target.equals(batchDir)) {
            throw new IllegalArgumentException("A staged folder needs a name inside the batch, such as twins/");
        }
        String name = target.getFileName().toString();
        this.work = target.resolveSibling("." + name + "-" + UUID.randomUUID() + LocalFiles.TEMP_SUFFIX);
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new StagingException("Cannot create the working folder " + work + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Optional<StagedOutput> createNew(String name) {
        checkOpen();
        Path file = LocalFiles.resolveInside(work, name);
        try {
            return Optional.of(LocalStagedOutput.inPlace(
                    file, new BufferedOutputStream(LocalFiles.openNew(file), LocalFiles.BUFFER_SIZE)));
        } catch (FileAlreadyExistsException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StagingException("Cannot write " + path + name + " (in " + work + "): " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String name) {
        checkOpen();
        return Files.isRegularFile(LocalFiles.resolveInside(work, name));
    }

    @Override
    public InputStream open(String name) {
        checkOpen();
        return LocalFiles.open(LocalFiles.resolveInside(work, name));
    }

    @Override
    public void commit() {
        checkOpen();
        Path old = null;
        try {
            if (Files.exists(target)) {
                old = work.resolveSibling(work.getFileName().toString().replace(LocalFiles.TEMP_SUFFIX, ".old"));
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            open = false;
        } catch (IOException e) {
            StagingException failure = new StagingException(
                    "Cannot publish " + target + ": " + e.getMessage() + "; the folder is left as it was", e);
            restore(old, failure);
            close();
            throw failure;
        }
        if (old != null) {
            removeQuietly(old);
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            deleteTree(work);
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot remove the unfinished folder " + work + ": " + e.getMessage()
                            + "; readers ignore it, delete it by hand",
                    e);
        }
    }

    private void restore(Path old, StagingException failure) {
        if (old == null || Files.exists(target)) {
            return;
        }
        try {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            failure.addSuppressed(new StagingException(
                    "Cannot move the earlier folder back from " + old + " to " + target + "; move it by hand", e));
        }
    }

    /** The new folder is already published; failing to remove the one it replaced only leaves a hidden folder. */
    private static void removeQuietly(Path old) {
        try {
            deleteTree(old);
        } catch (IOException e) {
            log.warn("Cannot remove the replaced folder {} ({}); it is hidden and ignored, delete it by hand", old, e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException(path + " was already committed or closed");
        }
    }
}
