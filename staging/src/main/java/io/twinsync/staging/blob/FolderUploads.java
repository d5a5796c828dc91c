package io.twinsync.staging.blob;

import io.twinsync.staging.StagingException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The uploads of one {@link BlobStagedFolder}: a file committed to the folder is uploaded in the background, so that
 * writing many small files costs the service's throughput rather than its latency per file. At most
 * {@code 2 × threads} uploads wait or run at once (writers block beyond that), which bounds the memory held. The
 * first failure is kept and thrown by {@link #awaitAll()}, and by the next {@link #submit}, so a folder that cannot
 * be written stops early.
 */
final class FolderUploads implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService pool;
    private final Semaphore permits;
    private final int capacity;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    FolderUploads(int threads) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "staging-upload-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.capacity = threads * 2;
        this.permits = new Semaphore(capacity);
    }

    /** Starts uploading the file {@code name}; blocks while {@code 2 × threads} uploads are under way. */
    void submit(String name, Runnable upload) {
        throwIfFailed();
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StagingException("Interrupted while waiting to upload " + name + "; nothing was published", e);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.put(name, done);
        try {
            pool.execute(() -> run(name, upload, done));
        } catch (RuntimeException e) {
            pending.remove(name, done);
            permits.release();
            throw new StagingException("Cannot start uploading " + name + ": " + e.getMessage(), e);
        }
    }

    /** True while {@code name} is committed but still uploading. */
    boolean isPending(String name) {
        return pending.containsKey(name);
    }

    /** Waits for the upload of {@code name}, if one is under way; its failure is thrown. */
    void await(String name) {
        CompletableFuture<Void> upload = pending.get(name);
        if (upload != null) {
            try {
                upload.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    /** Waits for every upload; throws the first failure. */
    void awaitAll() {
        try {
            permits.acquire(capacity);
            permits.release(capacity);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StagingException("Interrupted while waiting for uploads to finish; nothing was published", e);
        }
        throwIfFailed();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(String name, Runnable upload, CompletableFuture<Void> done) {
        try {
            upload.run();
            done.complete(null);
        } catch (RuntimeException e) {
            fail(e, done);
        } catch (Error e) {
            // An OutOfMemoryError must fail the folder too: its file was never written.
            fail(new StagingException("Uploading " + name + " failed: " + e, e), done);
            throw e;
        } finally {
            pending.remove(name, done);
            permits.release();
        }
    }

    private void fail(RuntimeException e, CompletableFuture<Void> done) {
        failure.compareAndSet(null, e);
        done.completeExceptionally(e);
    }

    private void throwIfFailed() {
        RuntimeException first = failure.get();
        if (first != null) {
            throw first instanceof StagingException staging
                    ? new StagingException(staging.getMessage(), staging)
                    : new StagingException(first.getMessage(), first);
        }
    }
}
