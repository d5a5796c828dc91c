package io.twinsync.emulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.json.EmulatorJson;

/** ADT's error shape: {@code {"error":{"code","message","details":[...]}}} plus the {@code x-ms-error-code} header. */
public final class ErrorResponses {

    private ErrorResponses() {}

    public static ApiResponse of(AdtException exception) {
        return of(exception.error(), exception.getMessage(), exception);
    }

    public static ApiResponse of(AdtError error, String message) {
        return of(error, message, null);
    }

    private static ApiResponse of(AdtError error, String message, AdtException exception) {
        ObjectNode body = EmulatorJson.object();
        ObjectNode inner = body.putObject("error");
        inner.put("code", error.code());
        inner.put("message", message);
        if (exception != null && !exception.details().isEmpty()) {
            ArrayNode details = inner.putArray("details");
            for (String detail : exception.details()) {
                details.addObject().put("code", error.code()).put("message", detail);
            }
        }
        return ApiResponse.json(error.status(), body).withHeader("x-ms-error-code", error.code());
    }
}
