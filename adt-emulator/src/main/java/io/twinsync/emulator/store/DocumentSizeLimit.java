package io.twinsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.json.EmulatorJson;

/**
 * ADT's 32 KB limit on a twin or relationship document. The request-size check alone lets a PATCH grow a stored
 * document past it, so writes that patch measure the result, serialised as it would be answered.
 */
public final class DocumentSizeLimit {

    /** The largest twin or relationship document (and write request body) ADT accepts, in bytes. */
    public static final int MAX_BYTES = 32 * 1024;

    private DocumentSizeLimit() {}

    /** Refuses {@code document} with 400 InvalidArgument when its JSON is larger than {@link #MAX_BYTES}. */
    static void check(JsonNode document, String what) {
        int size = EmulatorJson.bytes(document).length;
        if (size > MAX_BYTES) {
            throw new AdtException(
                    AdtError.INVALID_ARGUMENT,
                    "After the patch, " + what + " would be " + size + " bytes of JSON; ADT accepts at most "
                            + MAX_BYTES + " bytes for a twin or relationship. Remove or shorten properties instead.");
        }
    }
}
