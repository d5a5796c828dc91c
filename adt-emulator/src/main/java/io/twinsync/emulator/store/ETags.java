package io.twinsync.emulator.store;

import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import java.util.Arrays;
import java.util.UUID;

/** Weak ETags as ADT issues them ({@code W/"<uuid>"}) and the If-Match / If-None-Match checks. */
final class ETags {

    private ETags() {}

    static String next() {
        return "W/\"" + UUID.randomUUID() + "\"";
    }

    /** Throws PreconditionFailed unless {@code ifMatch} is absent, {@code *}, or lists the current ETag. */
    static void checkIfMatch(String ifMatch, String current, String what) {
        if (ifMatch != null && !ifMatch.isBlank() && !listed(ifMatch, current)) {
            throw new AdtException(
                    AdtError.PRECONDITION_FAILED,
                    "If-Match " + ifMatch + " does not match the current ETag " + current + " of " + what
                            + "; read it again and retry");
        }
    }

    /** Throws PreconditionFailed when {@code If-None-Match: *} is sent and the entity exists. */
    static void checkIfNoneMatch(String ifNoneMatch, boolean exists, String what) {
        if (exists && ifNoneMatch != null && ifNoneMatch.trim().equals("*")) {
            throw new AdtException(
                    AdtError.PRECONDITION_FAILED, what + " already exists and the request said If-None-Match: *");
        }
    }

    private static boolean listed(String header, String current) {
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
    }
}
