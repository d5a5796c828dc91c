package io.twinsync.emulator.store;

import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.patch.PatchOperation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON Patch operations on a property's {@code sourceTime}, the time its value was observed in the real world:
 * {@code /$metadata/{property}/sourceTime}, or {@code /{component}/$metadata/{property}/sourceTime}. The service
 * accepts them (recorded: {@code TwinTests.patchTwinSucceedsWhenETagMatches} answers 204 with a new ETag); the
 * property's metadata then carries {@code sourceTime} next to {@code lastUpdateTime} (the REST reference's and the
 * SDK's property metadata). What the service does with a malformed time or a property that does not exist is not
 * recorded: both are refused here as {@code JsonPatchInvalid}, like other patches that cannot apply.
 */
final class SourceTimePatches {

    private static final String METADATA = "$metadata";
    private static final String SOURCE_TIME = "sourceTime";

    private SourceTimePatches() {}

    /** The property key ({@code prop} or {@code comp/prop}) whose sourceTime the path names, if it names one. */
    static Optional<String> propertyKey(List<String> path) {
        if (path.size() == 3 && path.get(0).equals(METADATA) && path.get(2).equals(SOURCE_TIME)) {
            return Optional.of(path.get(1));
        }
        if (path.size() == 4 && path.get(1).equals(METADATA) && path.get(3).equals(SOURCE_TIME)) {
            return Optional.of(path.get(0) + "/" + path.get(2));
        }
        return Optional.empty();
    }

    /**
     * The source times after the operations, for the properties the patched twin has ({@code propertyKeys}); the
     * times of properties that are gone are dropped.
     */
    static Map<String, Instant> apply(
            String twinId, Map<String, Instant> existing, List<PatchOperation> operations, Set<String> propertyKeys) {
        Map<String, Instant> times = new HashMap<>(existing);
        for (PatchOperation operation : operations) {
            String key = propertyKey(operation.path()).orElseThrow();
            if (!propertyKeys.contains(key)) {
                throw invalid(twinId, operation, "the twin has no property " + key.replace('/', '.'));
            }
            if (operation.op() == PatchOperation.Op.REMOVE) {
                if (times.remove(key) == null) {
                    throw invalid(twinId, operation, "there is no sourceTime to remove");
                }
            } else {
                times.put(key, parse(twinId, operation));
            }
        }
        times.keySet().retainAll(propertyKeys);
        return times;
    }

    private static Instant parse(String twinId, PatchOperation operation) {
        if (operation.value() != null && operation.value().isTextual()) {
            try {
                return OffsetDateTime.parse(operation.value().textValue()).toInstant();
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        throw invalid(
                twinId,
                operation,
                "the value must be an ISO 8601 date-time with an offset, such as \"2022-01-20T02:03:00.0943478Z\","
                        + " not " + operation.value());
    }

    private static AdtException invalid(String twinId, PatchOperation operation, String reason) {
        return new AdtException(
                AdtError.JSON_PATCH_INVALID,
                "Twin '" + twinId + "': cannot " + operation.op().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + operation.pointer() + ": " + reason);
    }
}
