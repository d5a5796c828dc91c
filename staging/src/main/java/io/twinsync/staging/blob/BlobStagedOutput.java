package io.twinsync.staging.blob;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.specialized.BlockBlobClient;
import io.twinsync.staging.StagedOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A {@link StagedOutput} to a block blob. A block blob changes only when it is uploaded whole or its block list is
 * committed, so nothing is visible before {@link #commit()}: content up to {@value #BLOCK_SIZE} bytes is kept in
 * memory and put in one request; larger content is staged in blocks of that size as it is written, and commit
 * commits the list. Blocks of a discarded stream are never committed; the service drops them after a week.
 */
final class BlobStagedOutput extends StagedOutput {

    static final int BLOCK_SIZE = 4 * 1024 * 1024;
    private static final int INITIAL_BUFFER = 8 * 1024;

    /** How a finished file is published: now, or handed to a folder's uploads (see {@link BlobStagedFolder}). */
    interface Publisher {
        void publish(Runnable upload);

        /** Called once when the stream is discarded or its upload is handed over or done. */
        default void closed(boolean committed) {}
    }

    private enum State {
        OPEN,
        COMMITTED,
        DISCARDED
    }

    private final BlockBlobClient blob;
    private final String display;
    private final Publisher publisher;
    private final String blockPrefix = UUID.randomUUID().toString();
    private final List<String> blocks = new ArrayList<>();
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int length;
    private State state = State.OPEN;

    /**
     * A stream whose commit replaces any blob of that name.
     *
     * @param display the file, for messages (a URL without credentials)
     */
    BlobStagedOutput(BlockBlobClient blob, String display, Publisher publisher) {
        this.blob = blob;
        this.display = display;
        this.publisher = publisher;
    }

    static BlobStagedOutput replacing(BlockBlobClient blob, String display) {
        return new BlobStagedOutput(blob, display, Runnable::run);
    }

    @Override
    public void write(int b) throws IOException {
        checkOpen();
        if (length == buffer.length) {
            makeRoom();
        }
        buffer[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkOpen();
        while (len > 0) {
            if (length == buffer.length) {
                makeRoom();
            }
            int chunk = Math.min(len, buffer.length - length);
            System.arraycopy(b, off, buffer, length, chunk);
            length += chunk;
            off += chunk;
            len -= chunk;
        }
    }

    @Override
    public void flush() {
        // Blocks are staged when full; a partial block cannot be staged and then extended.
    }

    @Override
    public void commit() {
        if (state != State.OPEN) {
            throw new IllegalStateException(display + " was already "
                    + state.name().toLowerCase(Locale.ROOT) + "; commit before closing, and only once");
        }
        state = State.COMMITTED;
        byte[] content = Arrays.copyOf(buffer, length);
        List<String> staged = List.copyOf(blocks);
        buffer = null;
        try {
            publisher.publish(() -> upload(content, staged));
        } finally {
            publisher.closed(true);
        }
    }

    @Override
    public void close() {
        if (state != State.OPEN) {
            return;
        }
        state = State.DISCARDED;
        buffer = null;
        publisher.closed(false);
    }

    private void upload(byte[] content, List<String> staged) {
        try {
            if (staged.isEmpty()) {
                blob.upload(BinaryData.fromBytes(content), true);
                return;
            }
            List<String> all = new ArrayList<>(staged);
            if (content.length > 0) {
                all.add(stage(content, content.length, staged.size()));
            }
            blob.commitBlockList(all, true);
        } catch (RuntimeException e) {
            throw BlobErrors.failure("Cannot publish " + display + "; nothing was written", display, e);
        }
    }

    /** Grows the buffer up to a block; a full block is staged, so memory stays at one block per stream. */
    private void makeRoom() throws IOException {
        if (buffer.length < BLOCK_SIZE) {
            buffer = Arrays.copyOf(buffer, Math.min(BLOCK_SIZE, buffer.length * 4));
            return;
        }
        try {
            blocks.add(stage(buffer, length, blocks.size()));
        } catch (RuntimeException e) {
            close();
            throw new IOException(BlobErrors.message("Cannot write " + display, display, e), e);
        }
        length = 0;
    }

    private String stage(byte[] data, int size, int index) {
        // Block ids of one blob must all have the same length; the random prefix keeps two writers' blocks apart.
        String id = Base64.getEncoder()
                .encodeToString(String.format(Locale.ROOT, "%s-%07d", blockPrefix, index)
                        .getBytes(StandardCharsets.US_ASCII));
        blob.stageBlock(id, BinaryData.fromBytes(size == data.length ? data : Arrays.copyOf(data, size)));
        return id;
    }

    private void checkOpen() throws IOException {
        if (state != State.OPEN) {
            throw new IOException(display + " was already " + state.name().toLowerCase(Locale.ROOT));
        }
    }
}
