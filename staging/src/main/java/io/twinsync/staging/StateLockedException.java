package io.twinsync.staging;

/** A lock in the state area is held by another process or thread; {@link #location()} names the lock file. */
public class StateLockedException extends StagingException {

    private static final long serialVersionUID = 1L;

    private final String location;

    public StateLockedException(String location) {
        super(location + " is locked by another process or thread");
        this.location = location;
    }

    /** The lock file, for messages: a path or a URL without credentials. */
    public String location() {
        return location;
    }
}
