package io.twinsync.staging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** The state area of a {@link LocalStagingStore}: files under {@code state/}, locks as OS file locks. */
final class LocalStateArea implements StateArea {

    private final Path dir;

    LocalStateArea(Path dir) {
        this.dir = dir;
    }

    @Override
    public Optional<InputStream> open(String name) {
        Path file = LocalFiles.resolveInside(dir, name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(LocalFiles.open(file));
    }

    @Override
    public StagedOutput create(String name) {
        return LocalFiles.createAtomically(LocalFiles.resolveInside(dir, name));
    }

    /**
     * A {@link FileLock} on the file: the OS releases it when the process ends, however it ends. Within this JVM
     * the JDK refuses a second lock on the same file, which covers two writers in one process.
     */
    @Override
    public StateLock lock(String name) {
        Path file = LocalFiles.resolveInside(dir, name);
        FileChannel channel;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StagingException("Cannot open the lock file " + file + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another thread of this process
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StagingException("Cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new StateLockedException(file.toString());
        }
        return () -> {
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                throw new StagingException("Cannot release the lock " + file + ": " + e.getMessage(), e);
            }
        };
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was locked through it; there is nothing to undo.
        }
    }
}
