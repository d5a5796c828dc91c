package io.twinsync.staging;

import java.util.Optional;

/**
 * A lock in the state area is held by another process or thread; {@link #location()} names the lock file and
 * {@link #holder()} the holder, when it recorded itself.
 */
public class StateLockedException extends StagingException {

    private static final long serialVersionUID = 1L;

    private final String location;
    private final transient LockHolder holder;

    /** @param holder what the lock says of its holder, or null when it says nothing readable */
    public StateLockedException(String location, LockHolder holder) {
        super(location + " is locked by " + (holder == null ? "another process or thread" : holder.describe()));
        this.location = location;
        this.holder = holder;
    }

    /** The lock file, for messages: a path or a URL without credentials. */
    public String location() {
        return location;
    }

    /**
     * Who holds the lock, as the holder wrote it when it took the lock; empty when it wrote nothing (an older
     * version), or had not yet written when this process was refused.
     */
    public Optional<LockHolder> holder() {
        return Optional.ofNullable(holder);
    }
}
