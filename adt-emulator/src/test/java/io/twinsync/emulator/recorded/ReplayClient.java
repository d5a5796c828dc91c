package io.twinsync.emulator.recorded;

import io.twinsync.emulator.AdtEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Sends replayed requests to one emulator over HTTPS, trusting exactly its certificate. */
final class ReplayClient {

    /**
     * Recorded request headers not sent again: the sanitized token (a dummy one is sent instead), headers the JDK
     * client sets itself or refuses to set, and the per-request id.
     */
    private static final Set<String> NOT_REPLAYED = caseInsensitive(
            "Authorization", "Content-Length", "Date", "Host", "Connection", "Expect", "x-ms-client-request-id");

    private final HttpClient http;

    ReplayClient(AdtEmulator emulator) {
        this.http = HttpClient.newBuilder()
                .sslContext(emulator.trustingSslContext())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    ReplayedResponse send(String method, URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer recorded-session")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, value) -> {
            if (!NOT_REPLAYED.contains(name)) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ReplayedResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("The emulator did not answer " + method + " " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying " + method + " " + uri, e);
        }
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return set;
    }
}
