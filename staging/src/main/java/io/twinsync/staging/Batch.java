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

    /**
     * Starts writing a whole folder, such as {@code twins/}, that replaces the batch's folder of that name only when
     * committed (see {@link StagedFolder}): for folders of many files, where a publish per file would cost more
     * than the writing.
     */
    StagedFolder createFolder(String folder);

    /** Opens a file for reading. */
    InputStream open(String path);

    boolean exists(String path);

    /** The paths under a folder prefix such as {@code twins/}, sorted. */
    List<String> list(String prefix);

    void delete(String path);
}
