package io.twinsync.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain {@code java.net.http} client for an emulator, to see exactly what goes over the wire. */
final class RawHttp {

    static final String API_VERSION = "api-version=2023-10-31";

    private final AdtEmulator emulator;
    private final HttpClient http;

    RawHttp(AdtEmulator emulator) {
        this.emulator = emulator;
        this.http = HttpClient.newBuilder()
                .sslContext(emulator.trustingSslContext())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    HttpResponse<String> patch(String path, String jsonPatch) throws IOException, InterruptedException {
        return send("PATCH", path, jsonPatch, "application/json-patch+json");
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, json, "application/json");
    }

    /** Sends to {@code path} with {@code api-version} added. */
    HttpResponse<String> send(String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        String separator = path.contains("?") ? "&" : "?";
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(emulator.endpoint() + path + separator + API_VERSION))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer emulator")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
