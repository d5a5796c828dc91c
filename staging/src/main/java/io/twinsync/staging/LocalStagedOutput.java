package io.twinsync.staging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * A {@link StagedOutput} to a temporary file that commit renames onto the target and close deletes; or, for a file
 * in a {@link LocalStagedFolder}'s private working folder, written in place, so that commit only closes it.
 */
final class LocalStagedOutput extends StagedOutput {

    private enum State {
        OPEN,
        COMMITTED,
        DISCARDED
    }

    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private State state = State.OPEN;

    /** Writes {@code temp}; commit renames it onto {@code target}, or keeps it where it is when target is null. */
    LocalStagedOutput(Path target, Path temp, OutputStream out) {
        this.target = target;
        this.temp = temp;
        this.out = out;
    }

    static LocalStagedOutput inPlace(Path file, OutputStream out) {
        return new LocalStagedOutput(null, file, out);
    }

    @Override
    public void write(int b) throws IOException {
        checkOpen();
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkOpen();
        out.write(b, off, len);
    }

    /** Flushes to the temporary file; after commit or close there is nothing left to flush. */
    @Override
    public void flush() throws IOException {
        if (state == State.OPEN) {
            out.flush();
        }
    }

    @Override
    public void commit() {
        if (state != State.OPEN) {
            throw new IllegalStateException(name() + " was already "
                    + state.name().toLowerCase(Locale.ROOT) + "; commit before closing, and only once");
        }
        try {
            out.close();
            if (target != null) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            state = State.COMMITTED;
        } catch (IOException e) {
            StagingException failure = new StagingException(
                    "Cannot publish " + name() + ": " + e.getMessage() + "; nothing was written", e);
            discard(failure);
            throw failure;
        }
    }

    @Override
    public void close() {
        if (state != State.OPEN) {
            return;
        }
        discard(null);
    }

    /** Throws away the temporary file; a failure to remove it is added to {@code pending}, or thrown without one. */
    private void discard(StagingException pending) {
        state = State.DISCARDED;
        try {
            out.close();
        } catch (IOException e) {
            // The content is thrown away anyway; only the temporary file's removal matters.
            if (pending != null) {
                pending.addSuppressed(e);
            }
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            StagingException cannotDelete = new StagingException(
                    "Cannot remove the unfinished file " + temp + ": " + e.getMessage()
                            + "; readers ignore it, delete it by hand",
                    e);
            if (pending == null) {
                throw cannotDelete;
            }
            pending.addSuppressed(cannotDelete);
        }
    }

    private Path name() {
        return target != null ? target : temp;
    }

    private void checkOpen() throws IOException {
        if (state != State.OPEN) {
            throw new IOException(name() + " was already " + state.name().toLowerCase(Locale.ROOT));
        }
    }
}
