package io.twinsync.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.patch.PatchOperation;
import java.io.IOException;
import java.util.List;

/** Reads request bodies, answering 400 for malformed JSON. */
final class Bodies {

    private Bodies() {}

    static JsonNode json(ApiRequest request) {
        return parse(request, AdtError.INVALID_ARGUMENT);
    }

    static List<PatchOperation> patch(ApiRequest request) {
        return PatchOperation.parseDocument(parse(request, AdtError.JSON_PATCH_INVALID));
    }

    private static JsonNode parse(ApiRequest request, AdtError error) {
        if (request.body() == null || request.body().length == 0) {
            throw new AdtException(
                    error,
                    "The request has no body; " + request.method() + " " + request.path() + " needs a JSON body");
        }
        try {
            return EmulatorJson.parse(request.body());
        } catch (JsonProcessingException e) {
            throw new AdtException(error, "The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AdtException(error, "The request body could not be read: " + e.getMessage());
        }
    }
}
