package io.twinsync.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs a function over items on a fixed number of threads and returns the results in the items' order. The first
 * item whose function throws stops the rest (queued items never start, running ones are interrupted) and its
 * exception is thrown: the functions report an item's own trouble in their result, so a throw means the whole run
 * cannot go on (the target unreachable, say), and waiting for the other items would only delay saying so.
 */
final class BoundedPool {

    private final int threads;

    BoundedPool(int threads) {
        this.threads = threads;
    }

    <T, R> List<R> map(List<T> items, Function<T, R> work) {
        if (items.isEmpty()) {
            return List.of();
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), task -> {
            Thread thread = new Thread(task, "twin-writer-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<FutureTask<R>> tasks = new ArrayList<>(items.size());
        for (T item : items) {
            tasks.add(new FutureTask<>(() -> {
                try {
                    return work.apply(item);
                } catch (RuntimeException | Error e) {
                    if (firstFailure.compareAndSet(null, e)) {
                        // last first: the queued ones are cancelled before an interrupt frees a thread to take one
                        for (int i = tasks.size() - 1; i >= 0; i--) {
                            tasks.get(i).cancel(true);
                        }
                    }
                    throw e;
                }
            }));
        }
        try {
            tasks.forEach(pool::execute);
            List<R> results = new ArrayList<>(items.size());
            for (FutureTask<R> task : tasks) {
                results.add(task.get());
            }
            return results;
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
