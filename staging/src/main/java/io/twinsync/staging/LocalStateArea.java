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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The state area of a {@link LocalStagingStore}: files under {@code state/}, locks as OS file locks. */
final class LocalStateArea implements StateArea {

    private static final Logger log = LoggerFactory.getLogger(LocalStateArea.class);

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
     * the JDK refuses a second lock on the same file, which covers two writers in one process. The holder is the
     * file's content, written once the lock is taken and read by whoever the lock refuses.
     */
    @Override
    public StateLock lock(String name, LockHolder holder) {
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
            throw new StateLockedException(
                    file.toString(), LockHolder.readFrom(file).orElse(null));
        }
        writeHolder(channel, holder, file);
        return () -> {
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                throw new StagingException("Cannot release the lock " + file + ": " + e.getMessage(), e);
            }
        };
    }

    /**
     * Replaces whatever an earlier holder left (one that died keeps its content) by this holder. A failure leaves
     * the lock held: the holder is only for others' messages, and the lock is what keeps them out.
     */
    private static void writeHolder(FileChannel channel, LockHolder holder, Path file) {
        try {
            holder.writeTo(channel);
        } catch (IOException e) {
            log.warn(
                    "Cannot record the holder of the lock {} ({}); whoever it refuses cannot name it",
                    file,
                    e.toString());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was locked through it; there is nothing to undo.
        }
    }
}
