package io.twinsync.writer.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One line of {@code results/{partition}.ndjson}.
 *
 * @param kind twin or relationship
 * @param id the twin id, the relationship id, or the twin file's path when the file could not be read
 * @param twinId the twin (for a relationship: its source twin); null when the file could not be read
 * @param action what was done
 * @param attempts HTTP requests sent for this item, retries included (0 when the known state said nothing changed)
 * @param latencyMs time spent on the item, waits between retries included
 * @param errorCode the service's error code (such as {@code TargetTwinNotFound}) or the writer's own, when failed;
 *     why, when skipped (such as {@code NewerStateApplied})
 * @param message what went wrong and what to do, when failed; why, when skipped
 * @param entity the mapping entity of the twin file (for a relationship: of its source twin's file); null when the
 *     file could not be read, and in lines of earlier versions
 * @param at when the writer was done with the item (for a relationship: with its twin's relationships); null in lines
 *     of earlier versions. Readers of result lines must accept fields they do not know, as these two once were.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemResult(
        ItemKind kind,
        String id,
        String twinId,
        ItemAction action,
        int attempts,
        long latencyMs,
        String errorCode,
        String message,
        String entity,
        Instant at) {

    public static ItemResult success(
            ItemKind kind, String id, String twinId, ItemAction action, int attempts, long latencyMs) {
        return new ItemResult(kind, id, twinId, action, attempts, latencyMs, null, null, null, null);
    }

    public static ItemResult failure(
            ItemKind kind, String id, String twinId, int attempts, long latencyMs, String errorCode, String message) {
        return new ItemResult(kind, id, twinId, ItemAction.FAILED, attempts, latencyMs, errorCode, message, null, null);
    }

    public static ItemResult skipped(ItemKind kind, String id, String twinId, String code, String message) {
        return new ItemResult(kind, id, twinId, ItemAction.SKIPPED, 0, 0, code, message, null, null);
    }

    /** This result of an item of {@code entity} that the writer was done with {@code at}. */
    public ItemResult finished(String entity, Instant at) {
        return new ItemResult(kind, id, twinId, action, attempts, latencyMs, errorCode, message, entity, at);
    }

    public boolean failed() {
        return action == ItemAction.FAILED;
    }
}
