package io.twinsync.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Runs a function over items on a fixed number of threads and returns the results in the items' order. */
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
        try {
            List<Callable<R>> tasks = new ArrayList<>(items.size());
            items.forEach(item -> tasks.add(() -> work.apply(item)));
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwinWriteException("Interrupted while writing twins; the results so far are not recorded", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new TwinWriteException("A writer thread failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
