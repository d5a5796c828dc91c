package io.twinsync.staging.rows;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedFolder;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Hands a batch's rows files from the stage that writes them (extract) to the stage that reads them (transform)
 * while they are being written, so that the two stages run at the same time instead of one after the other.
 *
 * <p>The writer still stages every rows file exactly as before, through {@link #tap(Batch)}: the files stay the
 * batch's record, which restarts and replays read. The reader also gets each file's bytes as they are written
 * ({@link #next()}), through a bounded buffer of {@value #CHUNKS} chunks of {@value #CHUNK_BYTES} bytes, so memory
 * does not grow with the rows and a writer that gets ahead waits for the reader. Files come in the order the
 * writer creates them.
 *
 * <p>Either side may stop early. A writer that fails ({@link #fail}) or discards a rows file makes the reader's next
 * read throw. A reader that stops ({@link #abandon()}) never holds the writer up: the writer goes on staging its
 * rows files alone. {@link #overlap} runs both sides with these rules. One writer thread and one reader thread.
 */
public final class RowsHandOff {

    static final int CHUNK_BYTES = 64 * 1024;
    static final int CHUNKS = 32;

    /** How long a failed writer lets the reader end by itself before interrupting it. */
    private static final Duration READER_GRACE = Duration.ofSeconds(2);

    /** What the queue carries besides chunks of bytes ({@code byte[]}) and the starts of files. */
    private enum Marker {
        END_OF_FILE,
        END_OF_BATCH
    }

    private record Start(String path) {}

    /** The writer closed a rows file without publishing it. */
    private record Discarded(String path) {}

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean abandoned;
    /** Set once the writer failed; the reader checks it whenever the queue runs dry, so it never waits for nothing. */
    private volatile RuntimeException writerFailure;

    private HandedOffStream current;

    /** One rows file as it is being written: its batch path ({@code rows/{entity}.ndjson}) and its bytes. */
    public record Rows(String path, InputStream stream) {}

    /**
     * What {@link #overlap} returns: the writer's result, and the reader's result or its failure.
     *
     * @param readFailure why the reader did not complete; null when it did (its result may still be null)
     */
    public record Overlap<W, R>(W written, R read, RuntimeException readFailure) {

        public boolean readCompleted() {
            return readFailure == null;
        }

        /** The reader's result, empty when it failed ({@link #readFailure()} says why) or returned null. */
        public Optional<R> readResult() {
            return readCompleted() ? Optional.ofNullable(read) : Optional.empty();
        }
    }

    /**
     * Runs {@code writer} on a tapped batch in the calling thread and {@code reader} on this hand-off in a second
     * thread, and waits for both: no thread of the reader's is left running when this returns or throws.
     *
     * <p>A writer's failure is thrown, after the reader has stopped (its reads fail, and its thread is interrupted).
     * A reader's failure does not stop the writer: it is returned in {@link Overlap#readFailure()}, so the caller can
     * fall back to reading the staged files once the writer is done. Interrupting the calling thread stops both.
     */
    public static <W, R> Overlap<W, R> overlap(
            Batch batch, Function<Batch, W> writer, Function<RowsHandOff, R> reader, String readerName) {
        RowsHandOff handOff = new RowsHandOff();
        ReaderThread<R> thread = new ReaderThread<>(handOff, reader, readerName);
        thread.start();
        W written;
        try {
            written = writer.apply(handOff.tap(batch));
            handOff.finish();
        } catch (RuntimeException | Error e) {
            handOff.fail(
                    e instanceof RuntimeException r ? r : new StagingException("The writing stage failed: " + e, e));
            // A reader waiting for rows sees the failure within a poll and ends with its cause; only one held up
            // elsewhere (its own writes, a sleep) is interrupted, after a grace period.
            thread.awaitEnd(READER_GRACE);
            if (thread.isAlive()) {
                thread.interrupt();
            }
            thread.awaitEnd();
            throw e;
        }
        thread.awaitEnd();
        return new Overlap<>(written, thread.result, thread.completed ? null : thread.failure);
    }

    /**
     * The batch as the writer should see it: creating a rows file ({@code rows/*.ndjson}) with {@link Batch#create}
     * also hands its bytes to the reader; everything else goes straight to {@code batch}.
     */
    public Batch tap(Batch batch) {
        return new TappedBatch(batch);
    }

    /**
     * The reader's next rows file, as soon as the writer starts it; empty once the writer has finished. Whatever the
     * reader left unread of the previous file is skipped.
     *
     * @throws StagingException when the writer failed
     */
    public Optional<Rows> next() {
        if (current != null) {
            current.skipRest();
            current = null;
        }
        Object item = take();
        if (item == Marker.END_OF_BATCH) {
            return Optional.empty();
        }
        if (!(item instanceof Start start)) {
            throw new IllegalStateException(
                    "Rows hand-off out of step: expected the start of a file, got " + describe(item));
        }
        current = new HandedOffStream(start.path());
        return Optional.of(new Rows(start.path(), current));
    }

    /** The writer has staged every rows file; the reader's {@link #next()} then returns empty. */
    public void finish() {
        put(Marker.END_OF_BATCH);
    }

    /** The writer failed: the reader's reads fail too, naming {@code failure}, as soon as it has read what came before. */
    public void fail(RuntimeException failure) {
        if (writerFailure == null) {
            writerFailure = failure;
        }
    }

    /**
     * The reader stops reading: the writer's rows files are still staged whole, but no longer handed off, and a
     * writer waiting for room goes on at once.
     */
    public void abandon() {
        abandoned = true;
        queue.clear();
    }

    private void put(Object item) {
        try {
            while (!abandoned) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StagingException("Interrupted while handing rows over to the next stage", e);
        }
    }

    /** The next item, or a failure once the writer failed and everything it put before is read. */
    private Object take() {
        try {
            while (true) {
                Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                RuntimeException failure = writerFailure;
                if (failure != null) {
                    throw new StagingException(
                            "The rows being handed over stopped: the stage writing them failed (" + failure.getMessage()
                                    + ")",
                            failure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StagingException("Interrupted while waiting for rows from the previous stage", e);
        }
    }

    private static String describe(Object item) {
        return item instanceof byte[] bytes ? bytes.length + " bytes of rows" : String.valueOf(item);
    }

    /** The reader's side of one rows file: the chunks the writer puts, up to its end. */
    private final class HandedOffStream extends InputStream {

        private final String path;
        private byte[] chunk = new byte[0];
        private int position;
        private boolean ended;
        private IOException failure;

        HandedOffStream(String path) {
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return chunk[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }

        /** True when bytes are available in {@code chunk}, false at the end of the file. */
        private boolean fill() throws IOException {
            if (failure != null) {
                throw failure; // every read after a failure fails: a cut-off file must never look complete
            }
            while (!ended && position == chunk.length) {
                Object item;
                try {
                    item = take();
                } catch (StagingException e) {
                    failure =
                            new IOException("the rows of " + path + " stopped before their end: " + e.getMessage(), e);
                    throw failure;
                }
                if (item instanceof byte[] bytes) {
                    chunk = bytes;
                    position = 0;
                } else if (item == Marker.END_OF_FILE) {
                    ended = true;
                } else if (item instanceof Discarded) {
                    failure = new IOException(path + " was discarded by the stage writing it, before its last row");
                    throw failure;
                } else {
                    throw new IllegalStateException("Rows hand-off out of step in " + path + ": got " + describe(item));
                }
            }
            return !ended;
        }

        void skipRest() {
            try {
                while (fill()) {
                    position = chunk.length;
                }
            } catch (IOException e) {
                throw new StagingException("Cannot hand over the rows after " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /** The batch the writer sees: rows files are written to the batch and handed off; the rest passes through. */
    private final class TappedBatch implements Batch {

        private final Batch batch;

        TappedBatch(Batch batch) {
            this.batch = batch;
        }

        @Override
        public BatchId id() {
            return batch.id();
        }

        @Override
        public String location() {
            return batch.location();
        }

        @Override
        public StagedOutput create(String path) {
            StagedOutput out = batch.create(path);
            if (abandoned || !path.startsWith(BatchLayout.ROWS) || !path.endsWith(".ndjson")) {
                return out;
            }
            try {
                put(new Start(path));
            } catch (RuntimeException e) {
                out.close();
                throw e;
            }
            return new HandingOffOutput(path, out);
        }

        @Override
        public StagedFolder createFolder(String folder) {
            return batch.createFolder(folder);
        }

        @Override
        public InputStream open(String path) {
            return batch.open(path);
        }

        @Override
        public boolean exists(String path) {
            return batch.exists(path);
        }

        @Override
        public List<String> list(String prefix) {
            return batch.list(prefix);
        }

        @Override
        public void delete(String path) {
            batch.delete(path);
        }
    }

    /** A rows file being staged that also hands its bytes over, in chunks, and its end once it is published. */
    private final class HandingOffOutput extends StagedOutput {

        private final String path;
        private final StagedOutput out;
        private byte[] chunk = new byte[CHUNK_BYTES];
        private int size;
        private boolean done;

        HandingOffOutput(String path, StagedOutput out) {
            this.path = path;
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (!abandoned) {
                if (size == chunk.length) {
                    handOver();
                }
                chunk[size++] = (byte) b;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            while (len > 0 && !abandoned) {
                if (size == chunk.length) {
                    handOver();
                }
                int n = Math.min(len, chunk.length - size);
                System.arraycopy(b, off, chunk, size, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void commit() {
            out.commit();
            if (size > 0) {
                handOver();
            }
            done = true;
            put(Marker.END_OF_FILE);
        }

        @Override
        public void close() {
            try {
                out.close();
            } finally {
                if (!done) {
                    done = true;
                    put(new Discarded(path));
                }
            }
        }

        private void handOver() {
            byte[] full = size == chunk.length ? chunk : Arrays.copyOf(chunk, size);
            put(full);
            chunk = new byte[CHUNK_BYTES];
            size = 0;
        }
    }

    /** Runs the reader and keeps its result or failure; the hand-off is abandoned when it returns, however it ends. */
    private static final class ReaderThread<R> extends Thread {

        private final RowsHandOff handOff;
        private final Function<RowsHandOff, R> reader;
        private R result;
        private boolean completed;
        private RuntimeException failure;

        ReaderThread(RowsHandOff handOff, Function<RowsHandOff, R> reader, String name) {
            super(name);
            this.handOff = handOff;
            this.reader = reader;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                result = reader.apply(handOff);
                completed = true;
            } catch (RuntimeException e) {
                failure = e;
            } catch (Throwable e) {
                failure = new StagingException("The reading stage failed: " + e, e);
            } finally {
                handOff.abandon();
            }
        }

        /**
         * Waits for the reader to end, interrupts or not (an interrupt is kept for the caller): returning while it
         * still runs would let it publish output beside whatever the caller does next.
         */
        /** Waits up to {@code limit} for the reader to end; an interrupt is kept for the caller. */
        void awaitEnd(Duration limit) {
            try {
                join(limit.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitEnd() {
            boolean interrupted = false;
            while (true) {
                try {
                    join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    handOff.fail(new StagingException("Interrupted while the rows were being handed over", e));
                    interrupt();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (!completed && failure == null) {
                failure = new StagingException("The reading stage ended without a result or a failure");
            }
        }
    }
}
