package io.twinsync.staging;

import java.io.InputStream;
import java.util.List;

/**
 * One batch in the staging area. Paths are relative to the batch and use {@code /}; see {@link BatchLayout}.
 * Files appear atomically: a reader never sees a half-written file, and a write that fails before it is committed
 * leaves no file (see {@link StagedOutput}).
 */
public interface Batch {

    BatchId id();

    /** Where the batch lives, for messages and reports (a folder or a URL without credentials). */
    String location();

    /**
     * Opens a file for writing. The file becomes visible, replacing any file of that name, only when the stream is
     * committed ({@link StagedOutput#commit()}); closed without a commit it is discarded.
     */
    StagedOutput create(String path);

    /** Opens a file for reading. */
    InputStream open(String path);

    boolean exists(String path);

    /** The paths under a folder prefix such as {@code twins/}, sorted. */
    List<String> list(String prefix);

    void delete(String path);
}
