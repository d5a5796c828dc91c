package io.twinsync.emulator.store;

import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Continuation tokens: the key of the last item served, so a page continues after it even when items were added
 * or removed in between.
 */
public final class PageTokens {

    private PageTokens() {}

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
    }

    /** The service's answer to a token it did not give out, or one whose key is not of the kind listed. */
    public static AdtException invalid(String token) {
        return new AdtException(AdtError.INVALID_ARGUMENT, "The continuation token '" + token + "' is not valid");
    }
}
