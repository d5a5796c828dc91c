package io.twinsync.emulator.http;

import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import java.util.regex.Pattern;

/**
 * Refuses a model id in a {@code /models/{id}} path that is not a DTMI: the service answers 400
 * {@code InvalidArgument} before looking the model up. The message is the one the SDK's recorded sessions show
 * for GET ({@code ModelsTest.getModelThrowsIfModelIdInvalid}); for PATCH and DELETE the REST reference lists the
 * same code ("The model id is invalid").
 */
final class ModelIdFormat {

    /** DTMI syntax (DTDL v2/v3): {@code dtmi:} path segments, each a letter then letters, digits or inner '_'. */
    private static final Pattern DTMI =
            Pattern.compile("dtmi:[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?(?::[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?)*"
                    + "(?:;[1-9][0-9]{0,8}(?:\\.[1-9][0-9]{0,5})?)?");

    private ModelIdFormat() {}

    static String require(String id) {
        if (!DTMI.matcher(id).matches()) {
            throw new AdtException(
                    AdtError.INVALID_ARGUMENT,
                    "The format of the Model ID " + id + " provided is not supported. See model"
                            + " documentation(https://aka.ms/ADTv2Models) for supported format.");
        }
        return id;
    }
}
