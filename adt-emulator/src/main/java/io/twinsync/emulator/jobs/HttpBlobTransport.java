package io.twinsync.emulator.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Blob Storage over its REST API with the JDK's HTTP client (no Azure SDK): {@code Get Blob} to read and
 * {@code Put Blob} with {@code x-ms-blob-type: BlockBlob} to write. Authorisation is whatever the URL carries (a
 * SAS token); the emulator holds no storage keys.
 */
final class HttpBlobTransport implements BlobTransport {

    /** A Blob service version that Azure and Azurite 3.x both accept. */
    static final String STORAGE_VERSION = "2021-12-02";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public InputStream open(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("x-ms-version", STORAGE_VERSION)
                .GET()
                .build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("Get Blob " + BlobTransport.redact(uri) + " answered " + describe(response));
        }
        return response.body();
    }

    @Override
    public void write(URI uri, byte[] content) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("x-ms-version", STORAGE_VERSION)
                .header("x-ms-blob-type", "BlockBlob")
                .header("Content-Type", "application/x-ndjson")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        HttpResponse<Void> response = send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 201) {
            throw new IOException("Put Blob " + BlobTransport.redact(uri) + " answered " + describe(response));
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while calling " + BlobTransport.redact(request.uri()));
        }
    }

    /** Status and storage error code only: error bodies can echo parts of the signed request. */
    private static String describe(HttpResponse<?> response) {
        String code = response.headers().firstValue("x-ms-error-code").orElse("no x-ms-error-code");
        return "HTTP " + response.statusCode() + " (" + code + ")";
    }
}
