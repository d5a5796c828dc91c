package io.twinsync.extract.watermark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.extract.ExtractException;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.rows.ValueType;
import java.io.IOException;
import java.util.Objects;

/**
 * One entity's extract into a batch, once its rows file is staged whole: kept by the caller (a Spring Batch step
 * execution context) so that an extract that starts again does not read the entity again.
 *
 * @param entity the entity's name
 * @param rows rows staged
 * @param kind how it was read
 * @param watermark its new watermark, or null when it has none
 */
public record EntityExtract(String entity, long rows, ReadKind kind, Watermark watermark) {

    public EntityExtract {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(kind, "kind");
    }

    /** As one line of JSON, with the watermark's value as text (0x hex for binary, ISO-8601 for timestamps). */
    public String toJson() {
        ObjectNode node = StagingJson.mapper().createObjectNode();
        node.put("entity", entity).put("rows", rows).put("kind", kind.name());
        if (watermark != null) {
            node.putObject("watermark")
                    .put("column", watermark.column())
                    .put("type", watermark.type().name())
                    .put("value", watermark.valueText());
        }
        return node.toString();
    }

    /**
     * Reads {@link #toJson()}'s form back.
     *
     * @throws ExtractException when the text is not one
     */
    public static EntityExtract fromJson(String json) {
        try {
            JsonNode node = StagingJson.mapper().readTree(json);
            JsonNode mark = node.get("watermark");
            Watermark watermark = null;
            if (mark != null && !mark.isNull()) {
                ValueType type = ValueType.valueOf(mark.path("type").asText());
                watermark = new Watermark(
                        mark.path("column").asText(),
                        type,
                        WatermarkValues.fromText(type, mark.path("value").asText()));
            }
            return new EntityExtract(
                    node.path("entity").asText(),
                    node.path("rows").asLong(),
                    ReadKind.valueOf(node.path("kind").asText()),
                    watermark);
        } catch (IOException | RuntimeException e) {
            throw new ExtractException("An entity's recorded extract is unreadable (" + e.getMessage() + ")", e);
        }
    }
}
