package io.twinsync.writer.apply;

import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Appends the twin phase's outcomes, one {@link HandedOffTwin} line each, as they come: into the batch's hand-off
 * for a relationship phase run later ({@link TwinHandOff#writer}), or into a local spool read back by the same
 * write ({@link HandOffSpool}). Not thread-safe: the writer appends on one thread, in the twin files' order.
 */
public class HandOffWriter implements AutoCloseable {

    private final OutputStream out;
    private final String name;
    private final Runnable commit;

    HandOffWriter(OutputStream out, String name, Runnable commit) {
        this.out = out;
        this.name = name;
        this.commit = commit;
    }

    public void append(TwinOutcome twin) {
        try {
            out.write(StagingJson.mapper().writeValueAsBytes(HandedOffTwin.of(twin)));
            out.write('\n');
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot write " + name + " (twin file " + twin.path() + "): " + e.getMessage(), e);
        }
    }

    /** Publishes what was appended; closed without it, it is discarded. */
    public void commit() {
        commit.run();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new StagingException("Cannot close " + name + ": " + e.getMessage(), e);
        }
    }
}
