package io.twinsync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.store.TelemetryService;

/**
 * {@code POST /digitaltwins/{id}/telemetry} and {@code .../components/{name}/telemetry}: 204 with no body (recorded,
 * PublishTelemetryTests). The REST spec makes the {@code Message-Id} header required and lists 400
 * {@code InvalidArgument} for an invalid message id and {@code ValidationFailed} for invalid telemetry content; the
 * emulator answers a missing or blank one with the first and a body that is not a JSON object with the second
 * (chosen: ADT may take any JSON value; a refusal here fails early rather than late).
 * {@code Telemetry-Source-Time} is optional and not checked (older SDKs sent epoch milliseconds in it).
 */
final class TelemetryEndpoint {

    static final String MESSAGE_ID = "Message-Id";

    private final TelemetryService telemetry;

    TelemetryEndpoint(TelemetryService telemetry) {
        this.telemetry = telemetry;
    }

    ApiResponse send(ApiRequest request) {
        String component = request.pathParameters().size() > 1 ? request.pathParameter(1) : null;
        String messageId = request.header(MESSAGE_ID);
        if (messageId == null || messageId.isBlank()) {
            throw new AdtException(
                    AdtError.INVALID_ARGUMENT,
                    "Telemetry needs a " + MESSAGE_ID + " header: a unique id for the message, which becomes the"
                            + " notification's id (the SDK sets one when you pass none)");
        }
        JsonNode body = Bodies.json(request);
        if (body.isTextual()) {
            // azure-digitaltwins-core 1.5.0 sends a String payload JSON-encoded, as a string (seen in this module's
            // tests); the SDK's recorded session (1.4.0-beta.1) sent the same String raw, as an object
            throw new AdtException(
                    AdtError.VALIDATION_FAILED,
                    "Telemetry must be a JSON object, such as {\"temperature\": 21.5}, but the body is a JSON string"
                            + " (the Java SDK 1.5.0 encodes a String payload that way): pass a Map or an object");
        }
        if (!body.isObject()) {
            throw new AdtException(
                    AdtError.VALIDATION_FAILED,
                    "Telemetry must be a JSON object, such as {\"temperature\": 21.5}; the body is a JSON "
                            + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        telemetry.send(request.pathParameter(0), component, messageId, body);
        return ApiResponse.noContent();
    }
}
