package io.twinsync.writer;

import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a function over items on a fixed number of threads and hands the results over in the items' order. At most
 * a window of items is taken and not yet handed over at any time, so that what a partition holds in memory is
 * bounded by the window, not by the partition's size: the items are taken from an iterator only as the window
 * frees up. The first item whose function throws stops the rest (queued items never start, running ones are
 * interrupted) and its exception is thrown: the functions report an item's own trouble in their result, so a throw
 * means the whole run cannot go on (the target unreachable, say), and waiting for the other items would only delay
 * saying so.
 */
final class BoundedPool {

    /**
     * Items per thread the window holds. Results are handed over in order, so an item that takes long (retries after
     * a 429, say) holds the window's head while the threads go on with the items behind it; a window many times the
     * threads keeps them busy through such an item, and costs a few MB (a twin file and its outcome are a few KB).
     */
    static final int WINDOW_PER_THREAD = 16;

    private final int threads;
    private final int window;

    BoundedPool(int threads) {
        this(threads, threads * WINDOW_PER_THREAD);
    }

    /**
     * @param window the most items taken and not yet handed over at a time; at least {@code threads}
     */
    BoundedPool(int threads, int window) {
        if (threads < 1 || window < threads) {
            throw new IllegalArgumentException(
                    "A pool needs at least one thread and a window of at least its threads; was " + threads
                            + " threads, window " + window);
        }
        this.threads = threads;
        this.window = window;
    }

    /** The results of {@code work} over every item, in the items' order. */
    <T, R> List<R> map(List<T> items, Function<T, R> work) {
        List<R> results = new ArrayList<>(items.size());
        forEach(items.iterator(), work, results::add);
        return results;
    }

    /**
     * Runs {@code work} over the items and hands each result to {@code done}, on the calling thread, in the items'
     * order. Takes the next item only while fewer than the window are taken and not yet handed over.
     */
    <T, R> void forEach(Iterator<T> items, Function<T, R> work, Consumer<R> done) {
        if (!items.hasNext()) {
            return;
        }
        AtomicInteger number = new AtomicInteger();
        // threads start as tasks come (a fixed pool adds one per task up to its size): a few items, a few threads
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "twin-writer-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        Deque<FutureTask<R>> inWindow = new ConcurrentLinkedDeque<>();
        int taken = 0; // inWindow's size, which the deque counts only by walking it
        try {
            while (true) {
                while (taken < window && firstFailure.get() == null && items.hasNext()) {
                    T item = items.next();
                    FutureTask<R> task = new FutureTask<>(() -> {
                        try {
                            return work.apply(item);
                        } catch (RuntimeException | Error e) {
                            if (firstFailure.compareAndSet(null, e)) {
                                // last first: the queued ones are cancelled before an interrupt frees a thread to
                                // take one
                                inWindow.descendingIterator().forEachRemaining(queued -> queued.cancel(true));
                            }
                            throw e;
                        }
                    });
                    inWindow.addLast(task);
                    taken++;
                    pool.execute(task);
                }
                FutureTask<R> head = inWindow.peekFirst();
                if (head == null) {
                    return;
                }
                R result = head.get();
                inWindow.removeFirst();
                taken--;
                done.accept(result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwinWriteException("Interrupted while writing twins; the results so far are not recorded", e);
        } catch (ExecutionException | CancellationException e) {
            Throwable failure = firstFailure.get() != null ? firstFailure.get() : e.getCause();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new TwinWriteException("A writer thread failed: " + failure, failure);
        } finally {
            pool.shutdownNow();
        }
    }
}
