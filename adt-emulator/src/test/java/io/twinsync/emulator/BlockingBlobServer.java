package io.twinsync.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in Blob endpoint over plain HTTP whose reads wait until {@link #release()}: an import job reading from
 * it stays running for as long as a test needs, without timing. Writes ({@code PUT}) are kept by path.
 */
final class BlockingBlobServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "blocking-blob-server");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch reading = new CountDownLatch(1);
    private final Map<String, byte[]> written = new ConcurrentHashMap<>();

    BlockingBlobServer(byte[] content) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestMethod().equals("PUT")) {
                    written.put(
                            exchange.getRequestURI().getPath(),
                            exchange.getRequestBody().readAllBytes());
                    exchange.sendResponseHeaders(201, -1);
                    return;
                }
                reading.countDown();
                awaitRelease();
                exchange.sendResponseHeaders(200, content.length);
                exchange.getResponseBody().write(content);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Waits until a client has asked for the blob (and is now held). */
    void awaitReader() throws InterruptedException {
        if (!reading.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("Nobody read the blob within 30 s");
        }
    }

    void release() {
        released.countDown();
    }

    byte[] written(String path) {
        return written.get(path);
    }

    private void awaitRelease() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
