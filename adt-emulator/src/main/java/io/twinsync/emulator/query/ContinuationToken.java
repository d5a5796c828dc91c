package io.twinsync.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.json.EmulatorJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What a query continuation token carries: the query text (the SDK sends only the token for later pages, as ADT's own
 * tokens embed the query), the key of the last row served and how many items were served so far (for TOP). Encoded
 * as URL-safe base64 of a small JSON object, so it is opaque and needs no escaping.
 */
record ContinuationToken(String query, List<String> lastKey, int served) {

    private static final int VERSION = 1;

    ContinuationToken {
        lastKey = List.copyOf(lastKey);
    }

    String encode() {
        ObjectNode json = EmulatorJson.object();
        json.put("v", VERSION);
        json.put("q", query);
        ArrayNode key = json.putArray("k");
        lastKey.forEach(key::add);
        json.put("n", served);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(EmulatorJson.bytes(json));
    }

    static ContinuationToken decode(String token) {
        try {
            JsonNode json = EmulatorJson.parse(Base64.getUrlDecoder().decode(token.trim()));
            JsonNode key = json.path("k");
            if (json.path("v").asInt() != VERSION
                    || !json.path("q").isTextual()
                    || !key.isArray()
                    || key.isEmpty()
                    || !json.path("n").canConvertToInt()
                    || json.path("n").asInt() < 0) {
                throw invalid(token);
            }
            List<String> lastKey = new ArrayList<>();
            for (JsonNode part : key) {
                if (!part.isTextual()) {
                    throw invalid(token);
                }
                lastKey.add(part.asText());
            }
            return new ContinuationToken(
                    json.path("q").asText(), lastKey, json.path("n").asInt());
        } catch (IllegalArgumentException | IOException e) {
            throw invalid(token);
        }
    }

    static AdtException invalid(String token) {
        String shown = token.length() > 40 ? token.substring(0, 40) + "..." : token;
        return new AdtException(
                AdtError.INVALID_ARGUMENT,
                "The continuation token '" + shown + "' is not one this emulator issued; send the token of the"
                        + " previous page unchanged, or start again with the query");
    }
}
