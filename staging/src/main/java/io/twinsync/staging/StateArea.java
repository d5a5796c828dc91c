package io.twinsync.staging;

import java.io.InputStream;
import java.util.Optional;

/**
 * Named files that outlive a batch, such as the writer's record of what it last wrote. Names are relative paths
 * using {@code /}. Writes are atomic: a file is replaced whole when its {@link StagedOutput} is committed.
 */
public interface StateArea {

    /** Opens a file for reading, or empty when there is none. */
    Optional<InputStream> open(String name);

    /** Opens a file for writing; it replaces {@code name} on {@link StagedOutput#commit()}, never before. */
    StagedOutput create(String name);

    /**
     * Takes the exclusive lock called {@code name} (a file of that name serves as the lock), or fails at once.
     * The lock is held until the returned {@link StateLock} is closed; a process that dies releases its locks (a
     * local store at once, Blob Storage when the lease runs out, within a minute), so a lock file left behind
     * never blocks anyone.
     *
     * @param holder who takes it, recorded in the lock so that whoever it refuses can name the holder
     * @throws StateLockedException when another process or thread holds the lock, with its holder when recorded
     */
    StateLock lock(String name, LockHolder holder);

    /** {@link #lock(String, LockHolder)} for this process, running no batch. */
    default StateLock lock(String name) {
        return lock(name, LockHolder.thisProcess(null));
    }

    /**
     * This area seen from inside {@code folder} ({@code targets/emulator-1/}, say): every name is taken relative to
     * it. For state that belongs to one target, kept apart from every other target's.
     *
     * @param folder a relative folder path ending in {@code /}
     */
    default StateArea scoped(String folder) {
        return new ScopedStateArea(this, folder);
    }
}
