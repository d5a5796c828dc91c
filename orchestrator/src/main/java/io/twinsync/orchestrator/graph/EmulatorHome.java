package io.twinsync.orchestrator.graph;

import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.TuningOptions;
import io.twinsync.staging.LockHolder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The embedded emulator's folder ({@code home/adt-emulator}): its graph snapshot, TLS material and instance id. One
 * process at a time may use it: two emulators saving one snapshot would silently undo each other's writes, and the
 * writer's record of what it wrote would then claim twins the graph does not have.
 */
public final class EmulatorHome implements AutoCloseable {

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private EmulatorHome(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the folder for this process, or fails saying who holds it and what to do. */
    public static EmulatorHome lock(Path twinsyncHome) {
        Path dir = twinsyncHome.resolve("adt-emulator");
        try {
            Files.createDirectories(dir);
            FileChannel channel =
                    FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                LockHolder holder = LockHolder.readFrom(dir.resolve(".lock")).orElse(null);
                throw new EmulatorInUseException(
                        "The emulator state in " + dir + " is in use by another twinsync process"
                                + (holder == null ? "" : " (" + holder.describe() + ")")
                                + ": a 'twinsync emulator', a 'twinsync schedule' (which keeps it between its"
                                + " batches) or another 'twinsync run'. Wait for it to finish or stop it, point"
                                + " twinsync.target.endpoint at the running emulator, or use another TWINSYNC_HOME.",
                        holder);
            }
            writeHolder(channel);
            return new EmulatorHome(dir, channel, lock);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot open the emulator state in " + dir + ": " + e.getMessage()
                            + "; check that TWINSYNC_HOME is writable",
                    e);
        }
    }

    /**
     * Records this process in the lock file, replacing a holder that died, so that a process it refuses can name it.
     * A failure leaves the folder locked: the record is only for others' messages.
     */
    private static void writeHolder(FileChannel channel) {
        try {
            LockHolder.thisProcess(null).writeTo(channel);
        } catch (IOException e) {
            // Whoever this lock refuses is told "another twinsync process", without naming it.
        }
    }

    /** Starts the emulator on this folder's graph and certificate, with the service's rate limits. */
    public AdtEmulator start(int port) {
        return start(port, new TuningOptions());
    }

    /** Starts the emulator on this folder's graph and certificate, with the given limits and faults. */
    public AdtEmulator start(int port, TuningOptions tuning) {
        return start(port, tuning, null);
    }

    /**
     * Starts the emulator on this folder's graph and certificate, with the given limits and faults, writing event
     * notifications to {@code eventsFile} (none when null).
     */
    public AdtEmulator start(int port, TuningOptions tuning, Path eventsFile) {
        return tuning.applyTo(AdtEmulator.builder())
                .port(port)
                .snapshotFile(snapshot())
                .tlsDirectory(dir.resolve("tls"))
                .eventsFile(eventsFile)
                .start();
    }

    public Path snapshot() {
        return dir.resolve("snapshot.json");
    }

    public Path certificatePem() {
        return dir.resolve("tls").resolve("emulator-cert.pem");
    }

    public Path folder() {
        return dir;
    }

    /**
     * An id that changes whenever the graph starts afresh (no snapshot yet), so that the writer's record of what it
     * wrote to an earlier graph is never trusted for a new one.
     */
    public String instanceId(AdtEmulator running) {
        Path idFile = dir.resolve("instance-id");
        try {
            if (!Files.exists(idFile) || !Files.exists(snapshot())) {
                Files.writeString(idFile, UUID.randomUUID().toString());
                running.saveSnapshot();
            }
            return Files.readString(idFile).trim();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot keep the emulator's instance id in " + idFile + ": " + e.getMessage()
                            + "; check that TWINSYNC_HOME is writable",
                    e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot release the lock on " + dir + ": " + e.getMessage(), e);
        }
    }
}
