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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts the JDK's HTTP server to the pipeline: parses the exchange, routes it, writes the answer, at once or, with a
 * {@link ResponseDelay}, when a timer says so. A delayed answer is written by the timer's thread: the JDK's server
 * lets an exchange be finished after its handler returned, so the worker is free for the next request meanwhile.
 */
public final class EmulatorHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(EmulatorHttpHandler.class);

    private final RequestHandler pipeline;
    private final String fallbackBaseUrl;
    private final ResponseDelay delay;
    private final ScheduledExecutorService timer;

    /** Answers at once. */
    public EmulatorHttpHandler(RequestHandler pipeline, String fallbackBaseUrl) {
        this(pipeline, fallbackBaseUrl, ResponseDelay.NONE, null);
    }

    /**
     * @param delay how long each answer waits
     * @param timer writes the delayed answers; may be null when {@code delay} is {@link ResponseDelay#NONE}
     */
    public EmulatorHttpHandler(
            RequestHandler pipeline, String fallbackBaseUrl, ResponseDelay delay, ScheduledExecutorService timer) {
        if (delay != ResponseDelay.NONE && timer == null) {
            throw new IllegalArgumentException("a response delay needs a timer to write the delayed answers");
        }
        this.pipeline = pipeline;
        this.fallbackBaseUrl = fallbackBaseUrl;
        this.delay = delay;
        this.timer = timer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ApiResponse response;
        try {
            response = pipeline.handle(read(exchange));
        } catch (RuntimeException e) {
            log.error("ADT emulator: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = ErrorResponses.of(AdtError.INTERNAL_ERROR, "The emulator failed: " + e);
        } catch (IOException | Error e) {
            exchange.close();
            throw e;
        }
        long nanos = delay.nextNanos();
        if (nanos <= 0) {
            answer(exchange, response);
            return;
        }
        ApiResponse delayed = response;
        try {
            timer.schedule(() -> answer(exchange, delayed), nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // the emulator is closing: answer now rather than never
            answer(exchange, response);
        }
    }

    /** Writes the answer and finishes the exchange; a client that went away meanwhile is no error of ours. */
    private static void answer(HttpExchange exchange, ApiResponse response) {
        try (exchange) {
            write(exchange, response);
        } catch (IOException e) {
            log.debug(
                    "ADT emulator: the answer to {} {} could not be written: {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    e.toString());
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
