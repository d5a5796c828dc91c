package io.twinsync.writer.apply;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.retry.ThrottleBudgetExceededException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The error code and message of a failed request, as the service gave them ({@code {"error":{"code","message"}}},
 * or the {@code x-ms-error-code} header), or the client-side failure.
 */
public record AdtError(int status, String code, String message) {

    private static final HttpHeaderName ERROR_CODE = HttpHeaderName.fromString("x-ms-error-code");

    public static AdtError of(Throwable failure) {
        if (failure instanceof ThrottleBudgetExceededException throttled) {
            // the writer's own verdict on a run of 429s, whose body says only "rate limit reached"
            return new AdtError(429, "ThrottleBudgetExceeded", throttled.getMessage());
        }
        if (failure instanceof HttpResponseException http) {
            return ofResponse(http);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return new AdtError(0, "IOError", "Could not reach ADT: " + t);
            }
        }
        return new AdtError(0, failure.getClass().getSimpleName(), String.valueOf(failure.getMessage()));
    }

    public static int statusOf(Throwable failure) {
        return failure instanceof HttpResponseException http && http.getResponse() != null
                ? http.getResponse().getStatusCode()
                : 0;
    }

    private static AdtError ofResponse(HttpResponseException http) {
        int status = http.getResponse() == null ? 0 : http.getResponse().getStatusCode();
        JsonNode error =
                body(http).map(b -> b.path("error")).orElse(StagingJson.mapper().missingNode());
        String code = text(error.path("code"));
        if (code == null && http.getResponse() != null) {
            code = http.getResponse().getHeaderValue(ERROR_CODE);
        }
        if (code == null) {
            code = "HTTP" + status;
        }
        String message = text(error.path("message"));
        return new AdtError(status, code, message != null ? message : http.getMessage());
    }

    /**
     * The error body. azure-core quotes it in the exception's message ({@code Status code 404, "{...}"}); the SDK's
     * deserialised value is no help, because its generated {@code toJson} drops the read-only code and message.
     */
    private static Optional<JsonNode> body(HttpResponseException http) {
        String message = http.getMessage();
        int start = message == null ? -1 : message.indexOf('{');
        int end = message == null ? -1 : message.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return Optional.empty();
        }
        try {
            return Optional.of(StagingJson.mapper().readTree(message.substring(start, end + 1)));
        } catch (IOException e) {
            // Not JSON after all: fall back to the header and the exception's message.
            return Optional.empty();
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
