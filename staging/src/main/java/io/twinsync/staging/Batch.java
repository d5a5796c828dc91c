package io.twinsync.staging;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * One batch in the staging area. Paths are relative to the batch and use {@code /}; see {@link BatchLayout}.
 * Files appear atomically: a reader never sees a half-written file.
 */
public interface Batch {

    BatchId id();

    /** Where the batch lives, for messages and reports (a folder or a URL without credentials). */
    String location();

    /** Opens a file for writing; the file becomes visible when the stream is closed. */
    OutputStream create(String path);

    /** Opens a file for reading. */
    InputStream open(String path);

    boolean exists(String path);

    /** The paths under a folder prefix such as {@code twins/}, sorted. */
    List<String> list(String prefix);

    void delete(String path);
}
