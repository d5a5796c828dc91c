package io.twinsync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends many calls at once from several threads, released together, and measures how long the whole burst took
 * from before the first call to after the last answer (an upper bound on the time the server saw it).
 */
final class Burst {

    /** The answers in submission order and the elapsed time in nanoseconds. */
    record Result<T>(List<T> answers, long elapsedNanos) {

        double elapsedSeconds() {
            return elapsedNanos / 1e9;
        }
    }

    private Burst() {}

    static <T> Result<T> run(int threads, int calls, Callable<T> call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return new Result<>(answers, System.nanoTime() - start);
        } catch (ExecutionException e) {
            throw new AssertionError("A call of the burst failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
