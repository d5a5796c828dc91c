package io.twinsync.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.twinsync.emulator.error.AdtError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adapts the JDK's HTTP server to the pipeline: parses the exchange, routes it, writes the answer. */
public final class EmulatorHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(EmulatorHttpHandler.class);

    private final RequestHandler pipeline;
    private final String fallbackBaseUrl;

    public EmulatorHttpHandler(RequestHandler pipeline, String fallbackBaseUrl) {
        this.pipeline = pipeline;
        this.fallbackBaseUrl = fallbackBaseUrl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiResponse response;
            try {
                response = pipeline.handle(read(exchange));
            } catch (RuntimeException e) {
                log.error("ADT emulator: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = ErrorResponses.of(AdtError.INTERNAL_ERROR, "The emulator failed: " + e);
            }
            write(exchange, response);
        }
    }

    private ApiRequest read(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(PercentDecoding.decode(raw, false));
            }
        }
        if (!segments.isEmpty()) {
            // The service's own next links say /Models and /EventRoutes, and it answers them (the SDK's recorded
            // sessions); collection names are matched without case, ids keep theirs.
            segments.set(0, segments.get(0).toLowerCase(Locale.ROOT));
        }
        Router.Route route = Router.route(method, segments);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        byte[] body = readBody(exchange);
        String host = exchange.getRequestHeaders().getFirst("Host");
        String baseUrl = host == null || host.isBlank() ? fallbackBaseUrl : "https://" + host;
        return new ApiRequest(
                method,
                rawPath,
                route.operation(),
                route.parameters(),
                query(exchange.getRequestURI().getRawQuery()),
                headers,
                body,
                baseUrl);
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exchange.getRequestBody().transferTo(out);
        return out.toByteArray();
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentDecoding.decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : PercentDecoding.decode(pair.substring(equals + 1), true);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body();
        if (body == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Percent-decoding for path segments ({@code +} stays) and query parts ({@code +} is a space). */
    static final class PercentDecoding {
        private PercentDecoding() {}

        static String decode(String text, boolean plusIsSpace) {
            String prepared = plusIsSpace ? text : text.replace("+", "%2B");
            try {
                return java.net.URLDecoder.decode(prepared, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
    }
}
