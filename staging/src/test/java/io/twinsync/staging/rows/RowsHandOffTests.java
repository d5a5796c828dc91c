package io.twinsync.staging.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowsHandOffTests {

    /** Several chunks' worth, not a multiple of the chunk size. */
    private static final int LARGE = RowsHandOff.CHUNK_BYTES * 5 + 123;

    @TempDir
    Path root;

    @Test
    void theReaderGetsEachRowsFileAsWrittenAndTheWriterStagesItWhole() throws Exception {
        // given a writer that stages two large rows files and a manifest, written in small pieces
        Batch batch = newBatch();
        String machines = text('m', LARGE);
        String lines = text('l', 10);

        // when it runs overlapped with a reader that keeps every rows file it is handed
        RowsHandOff.Overlap<String, Map<String, String>> done = RowsHandOff.overlap(
                batch,
                tapped -> {
                    writeInPieces(tapped, "rows/machine.ndjson", machines);
                    writeInPieces(tapped, "manifest.json", "{}");
                    writeInPieces(tapped, "rows/line.ndjson", lines);
                    return "written";
                },
                RowsHandOffTests::readAll,
                "test-reader");

        // then the reader got both rows files, whole and in order, and nothing else
        assertThat(done.written()).isEqualTo("written");
        assertThat(done.readFailure()).isNull();
        assertThat(done.readResult().orElseThrow())
                .containsExactly(Map.entry("rows/machine.ndjson", machines), Map.entry("rows/line.ndjson", lines));
        // and the batch holds every file as if nothing had been handed over
        assertThat(read(batch, "rows/machine.ndjson")).isEqualTo(machines);
        assertThat(read(batch, "rows/line.ndjson")).isEqualTo(lines);
        assertThat(read(batch, "manifest.json")).isEqualTo("{}");
    }

    @Test
    void aReaderThatFailsDoesNotStopTheWriter() throws Exception {
        // given a reader that gives up after the first bytes of the first file
        Batch batch = newBatch();
        String machines = text('m', LARGE * 4); // more than the hand-off buffer holds

        // when the writer stages more than the buffer holds
        RowsHandOff.Overlap<String, String> done = RowsHandOff.overlap(
                batch,
                tapped -> {
                    writeInPieces(tapped, "rows/machine.ndjson", machines);
                    writeInPieces(tapped, "rows/line.ndjson", "l");
                    return "written";
                },
                handOff -> {
                    InputStream first = handOff.next().orElseThrow().stream();
                    try {
                        first.read();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    throw new IllegalStateException("mapping problem");
                },
                "test-reader");

        // then the writer finished and staged every file, and the reader's failure is returned
        assertThat(done.written()).isEqualTo("written");
        assertThat(done.readResult()).isEmpty();
        assertThat(done.readFailure()).hasMessage("mapping problem");
        assertThat(read(batch, "rows/machine.ndjson")).isEqualTo(machines);
        assertThat(read(batch, "rows/line.ndjson")).isEqualTo("l");
    }

    @Test
    void aWriterThatFailsMakesTheReaderFailAndIsThrown() throws Exception {
        // given a writer that fails half-way through a rows file, leaving it uncommitted
        Batch batch = newBatch();
        AtomicReference<Throwable> readerSaw = new AtomicReference<>();

        // when it runs overlapped with a reader
        assertThatThrownBy(() -> RowsHandOff.overlap(
                        batch,
                        tapped -> {
                            try (StagedOutput out = tapped.create("rows/machine.ndjson")) {
                                out.write(text('m', LARGE).getBytes(StandardCharsets.UTF_8));
                                throw new IllegalStateException("source connection lost");
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        handOff -> {
                            try {
                                return readAll(handOff);
                            } catch (RuntimeException e) {
                                readerSaw.set(e);
                                throw e;
                            }
                        },
                        "test-reader"))
                // then the writer's own failure is what the caller gets
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("source connection lost");

        // and the reader failed too, knowing the rows stopped before their end, and no rows file was staged
        assertThat(readerSaw.get())
                .hasMessageContaining("rows/machine.ndjson")
                .hasMessageContaining("discarded by the stage writing it");
        assertThat(batch.exists("rows/machine.ndjson")).isFalse();
    }

    @Test
    void theNextFileSkipsWhatTheReaderLeftOfTheLastOne() {
        // given a writer that stages two rows files
        Batch batch = newBatch();

        // when the reader takes the first without reading it, then the second
        RowsHandOff.Overlap<String, String> done = RowsHandOff.overlap(
                batch,
                tapped -> {
                    writeInPieces(tapped, "rows/a.ndjson", text('a', LARGE));
                    writeInPieces(tapped, "rows/b.ndjson", "second");
                    return "written";
                },
                handOff -> {
                    handOff.next().orElseThrow();
                    RowsHandOff.Rows second = handOff.next().orElseThrow();
                    String content = readFully(second.stream());
                    assertThat(handOff.next()).isEmpty();
                    return second.path() + "=" + content;
                },
                "test-reader");

        // then it got the second file whole
        assertThat(done.readResult()).contains("rows/b.ndjson=second");
    }

    @Test
    void aWriterAheadOfTheReaderWaitsForIt() throws Exception {
        // given a reader that has not started reading yet
        Batch batch = newBatch();
        RowsHandOff handOff = new RowsHandOff();
        Batch tapped = handOff.tap(batch);
        CountDownLatch written = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            writeInPieces(tapped, "rows/machine.ndjson", text('m', RowsHandOff.CHUNK_BYTES * (RowsHandOff.CHUNKS + 4)));
            written.countDown();
        });

        // when the writer writes more than the hand-off holds
        writer.start();

        // then it waits, holding no more than the buffer, until the reader reads
        assertThat(written.await(300, TimeUnit.MILLISECONDS)).isFalse();
        Optional<RowsHandOff.Rows> rows = handOff.next();
        assertThat(readFully(rows.orElseThrow().stream())).hasSize(RowsHandOff.CHUNK_BYTES * (RowsHandOff.CHUNKS + 4));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        writer.join();
    }

    @Test
    void aReaderThatAbandonsReleasesAWaitingWriter() throws Exception {
        // given a writer waiting for room in the hand-off
        Batch batch = newBatch();
        RowsHandOff handOff = new RowsHandOff();
        Batch tapped = handOff.tap(batch);
        String large = text('m', RowsHandOff.CHUNK_BYTES * (RowsHandOff.CHUNKS + 4));
        Thread writer = new Thread(() -> writeInPieces(tapped, "rows/machine.ndjson", large));
        writer.start();
        handOff.next().orElseThrow();

        // when the reader abandons the hand-off
        handOff.abandon();

        // then the writer finishes and stages the whole file
        writer.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(writer.isAlive()).isFalse();
        assertThat(read(batch, "rows/machine.ndjson")).isEqualTo(large);
    }

    @Test
    void aRowsFileDiscardedByTheWriterFailsTheReader() {
        // given a writer that closes a rows file without committing it, then finishes
        Batch batch = newBatch();

        // when the reader reads it
        RowsHandOff.Overlap<String, String> done = RowsHandOff.overlap(
                batch,
                tapped -> {
                    try (StagedOutput out = tapped.create("rows/machine.ndjson")) {
                        out.write('x');
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return "written";
                },
                handOff -> readFully(handOff.next().orElseThrow().stream()),
                "test-reader");

        // then the reader fails, naming the file, rather than take the partial rows for all of them
        assertThat(done.readFailure())
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("rows/machine.ndjson was discarded");
    }

    @Test
    void interruptingTheCallerStopsBothSidesAndLeavesNoReaderRunning() throws Exception {
        // given a writer blocked on a full hand-off, and a reader that has not read yet
        Batch batch = newBatch();
        CountDownLatch readerStarted = new CountDownLatch(1);
        AtomicReference<Thread> readerThread = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                RowsHandOff.overlap(
                        batch,
                        tapped -> {
                            writeInPieces(tapped, "rows/machine.ndjson", text('m', LARGE * 10));
                            return "written";
                        },
                        handOff -> {
                            readerThread.set(Thread.currentThread());
                            RowsHandOff.Rows rows = handOff.next().orElseThrow();
                            readerStarted.countDown();
                            try {
                                Thread.sleep(60_000); // a slow reader
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException("reader interrupted", e);
                            }
                            return readFully(rows.stream());
                        },
                        "test-reader");
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        caller.start();
        assertThat(readerStarted.await(10, TimeUnit.SECONDS)).isTrue();

        // when the calling thread is interrupted
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(10));

        // then overlap has thrown, and the reader's thread has ended too
        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(StagingException.class).hasMessageContaining("Interrupted");
        assertThat(readerThread.get().isAlive()).isFalse();
        assertThat(batch.exists("rows/machine.ndjson")).isFalse();
    }

    @Test
    void anErrorInTheWriterStopsTheReaderAndIsThrown() {
        // given a writer that stages part of a file and then runs out of memory
        Batch batch = newBatch();
        AtomicReference<Thread> readerThread = new AtomicReference<>();

        // when it runs overlapped with a reader waiting for the rest
        assertThatThrownBy(() -> RowsHandOff.overlap(
                        batch,
                        tapped -> {
                            StagedOutput out = tapped.create("rows/machine.ndjson");
                            try {
                                out.write('x'); // left open: an Error skips the writer's own clean-up
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                            throw new OutOfMemoryError("test");
                        },
                        handOff -> {
                            readerThread.set(Thread.currentThread());
                            return readAll(handOff);
                        },
                        "test-reader"))
                // then the Error is what the caller gets, and the reader has ended rather than wait forever
                .isInstanceOf(OutOfMemoryError.class);
        assertThat(readerThread.get().isAlive()).isFalse();
    }

    @Test
    void aReaderReturningNullCompletedAndAFailedOneDidNot() {
        // given a reader whose result is null
        RowsHandOff.Overlap<String, String> done =
                RowsHandOff.overlap(newBatch(), tapped -> "written", handOff -> null, "test-reader");

        // then it counts as completed, with no result
        assertThat(done.readCompleted()).isTrue();
        assertThat(done.readFailure()).isNull();
        assertThat(done.readResult()).isEmpty();
    }

    private static Map<String, String> readAll(RowsHandOff handOff) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Optional<RowsHandOff.Rows> rows = handOff.next(); rows.isPresent(); rows = handOff.next()) {
            files.put(rows.get().path(), readFully(rows.get().stream()));
        }
        return files;
    }

    private static String readFully(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StagingException("read failed: " + e.getMessage(), e);
        }
    }

    /** Writes in pieces of varied sizes, single bytes among them, as a JSON generator's flushes would. */
    private static void writeInPieces(Batch batch, String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try (StagedOutput out = batch.create(path)) {
            int i = 0;
            int piece = 1;
            while (i < bytes.length) {
                if (piece % 3 == 0) {
                    out.write(bytes[i++]);
                } else {
                    int n = Math.min(bytes.length - i, piece * 997);
                    out.write(bytes, i, n);
                    i += n;
                }
                piece = piece % 17 + 1;
            }
            out.commit();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(char first, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(i % 100 == 99 ? '\n' : (char) (first + i % 7));
        }
        return text.toString();
    }

    private Batch newBatch() {
        return new LocalStagingStore(root).createBatch(BatchId.newId(Instant.parse("2026-11-22T10:00:00Z")));
    }

    private static String read(Batch batch, String path) throws IOException {
        try (InputStream in = batch.open(path)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
