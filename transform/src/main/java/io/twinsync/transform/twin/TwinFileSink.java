package io.twinsync.transform.twin;

import io.twinsync.staging.StagedFolder;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import io.twinsync.staging.twin.TwinFileNames;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes twin files into the batch's new {@code twins/} folder and keeps each twin id to the first row that produced
 * it. Nothing is kept in memory per twin: a twin id always gives the same file name, so a file that is already there
 * is an earlier row's, and its key for the duplicate's message is read back from it.
 *
 * <p>Creating a million small files is mostly kernel work, so the files are written by writer threads while the
 * caller builds the next twins. Each file name always goes to the same writer, in the order submitted, so the first
 * row of a twin id always wins, as it would one at a time. A duplicate is therefore known only later: {@link #flush()}
 * waits for every file submitted so far and returns the duplicates found. With no writer threads every write
 * happens in the caller's thread. A writer's failure is thrown to the caller at its next call. Used from one thread.
 */
final class TwinFileSink implements AutoCloseable {

    /** A row whose twin id an earlier row already produced; its file was not written. */
    record Duplicate(TwinFile file, long rowNumber, RowProblem problem) {}

    private static final int QUEUE_PER_WRITER = 256;
    private static final Task STOP = new Task(null, null, 0, null);

    private record Task(String name, TwinFile file, long rowNumber, CountDownLatch barrier) {}

    private final StagedFolder twins;
    private final List<Writer> writers = new ArrayList<>();
    private final ConcurrentLinkedQueue<Duplicate> duplicates = new ConcurrentLinkedQueue<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    /** @param writerThreads 0 to write in the caller's thread */
    TwinFileSink(StagedFolder twins, int writerThreads) {
        this.twins = twins;
        for (int i = 0; i < writerThreads; i++) {
            Writer writer = new Writer("twinsync-twin-files-" + (i + 1));
            writers.add(writer);
            writer.thread.start();
        }
    }

    /** The writer threads for this machine: enough to overlap file creation with building twins. */
    static int defaultWriterThreads() {
        return Math.min(4, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Writes the file, now or soon; a duplicate twin id shows up in a later {@link #flush()}. */
    void write(TwinFile file, long rowNumber) {
        rethrow();
        String name = TwinFileNames.pathFor(file.twinId()); // a SHA-256 of the id: once per twin, not per use
        if (writers.isEmpty()) {
            writeNow(name, file, rowNumber);
            return;
        }
        Writer writer = writers.get(Math.floorMod(name.hashCode(), writers.size()));
        put(writer, new Task(name, file, rowNumber, null));
    }

    /** Waits until every file submitted so far is written, and returns the duplicates found since the last flush. */
    List<Duplicate> flush() {
        CountDownLatch done = new CountDownLatch(writers.size());
        for (Writer writer : writers) {
            put(writer, new Task(null, null, 0, done));
        }
        await(done);
        rethrow();
        List<Duplicate> found = new ArrayList<>();
        for (Duplicate d = duplicates.poll(); d != null; d = duplicates.poll()) {
            found.add(d);
        }
        found.sort((a, b) -> Long.compare(a.rowNumber(), b.rowNumber()));
        return found;
    }

    /** Stops the writer threads; files not flushed may or may not be written (the folder is then discarded). */
    @Override
    public void close() {
        for (Writer writer : writers) {
            writer.queue.clear();
            writer.queue.offer(STOP);
        }
        for (Writer writer : writers) {
            try {
                writer.thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeNow(String name, TwinFile file, long rowNumber) {
        var created = twins.createNew(name);
        if (created.isEmpty()) {
            TwinFile first = read(name);
            if (!first.twinId().equals(file.twinId())) {
                // Two ids with one 64-bit name hash: never seen, but it must not pass for a duplicate row.
                throw new StagingException("Twin ids '" + first.twinId() + "' and '" + file.twinId()
                        + "' map to one file name " + name + "; please report this");
            }
            duplicates.add(new Duplicate(
                    file,
                    rowNumber,
                    RowProblem.duplicateTwinId(
                            file.twinId(),
                            first.entity(),
                            first.sourceKey(),
                            file.sourceKey().toString())));
            return;
        }
        try (StagedOutput out = created.get()) {
            TwinFileCodec.write(file, out);
            out.commit();
        }
    }

    private TwinFile read(String name) {
        try (InputStream in = twins.open(name)) {
            return TwinFileCodec.read(in, twins.path() + name);
        } catch (IOException e) {
            throw new StagingException("Cannot read back " + twins.path() + name + ": " + e.getMessage(), e);
        }
    }

    private void put(Writer writer, Task task) {
        try {
            while (!writer.queue.offer(task, 100, TimeUnit.MILLISECONDS)) {
                rethrow(); // a writer that died would never take it
                checkAlive(writer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StagingException("Interrupted while writing twin files", e);
        }
    }

    private void await(CountDownLatch done) {
        try {
            while (!done.await(100, TimeUnit.MILLISECONDS)) {
                rethrow();
                writers.forEach(this::checkAlive);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StagingException("Interrupted while writing twin files", e);
        }
    }

    private void checkAlive(Writer writer) {
        if (!writer.thread.isAlive()) {
            throw new StagingException("Twin file writer " + writer.thread.getName() + " stopped unexpectedly;"
                    + " the transform is abandoned, run it again");
        }
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /** One writer thread and its queue. */
    private final class Writer implements Runnable {

        final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(QUEUE_PER_WRITER);
        final Thread thread;

        Writer(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Task task = queue.take();
                    if (task == STOP) {
                        return;
                    }
                    if (task.barrier() != null) {
                        task.barrier().countDown(); // also after a failure, so the caller learns of it
                    } else if (failure.get() == null) {
                        write(task);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void write(Task task) {
            try {
                writeNow(task.name(), task.file(), task.rowNumber());
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } catch (Error e) {
                // an OutOfMemoryError must fail the transform, not end this thread and leave the caller waiting
                failure.compareAndSet(null, new StagingException("Writing twin files failed: " + e, e));
            }
        }
    }
}
