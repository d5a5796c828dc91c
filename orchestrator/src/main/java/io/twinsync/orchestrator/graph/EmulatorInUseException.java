package io.twinsync.orchestrator.graph;

import io.twinsync.staging.LockHolder;
import java.util.Optional;

/**
 * The embedded emulator's folder is locked by another twinsync process (a {@code twinsync emulator}, or a command
 * using the embedded emulator); {@link #holder()} names it when its lock says. Nothing needs fixing: the command can
 * run once that process ends.
 */
public class EmulatorInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient LockHolder holder;

    EmulatorInUseException(String message, LockHolder holder) {
        super(message);
        this.holder = holder;
    }

    /** The process holding the folder, as it wrote itself into the lock; empty when it wrote nothing readable. */
    public Optional<LockHolder> holder() {
        return Optional.ofNullable(holder);
    }
}
