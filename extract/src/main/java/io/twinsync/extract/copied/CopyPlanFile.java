package io.twinsync.extract.copied;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.extract.ExtractException;
import io.twinsync.extract.watermark.Watermark;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.rows.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A copy plan ({@code twinsync copy-plan}): per entity, the query its Copy activity runs, the file it writes and, for
 * an incremental copy, the watermark it copies above. The same document is the plan activity's {@code outputs.json}
 * and, in the folder the copies go to, {@value #NAME}, so that the ingest reads each entity as it was copied: an
 * entity copied above a watermark is not read whole, and its missing rows are not gone.
 *
 * <p>{@code {"entities": [{"name", "query", "fileName", "read": "FULL"|"INCREMENTAL", "watermark": {"column", "type",
 * "value"}}]}}.
 */
public final class CopyPlanFile {

    /** The plan's file in the copies' folder; no entity's file has this name (entity names start with a letter). */
    public static final String NAME = "_copy-plan.json";

    /**
     * One entity's copy.
     *
     * @param above the watermark the copy starts above, or null for a whole copy
     */
    public record Item(String name, String query, String fileName, Watermark above) {}

    private CopyPlanFile() {}

    public static ObjectNode toJson(List<Item> items) {
        ObjectNode plan = StagingJson.mapper().createObjectNode();
        ArrayNode entities = plan.putArray("entities");
        for (Item item : items) {
            ObjectNode entity = entities.addObject()
                    .put("name", item.name())
                    .put("query", item.query())
                    .put("fileName", item.fileName())
                    .put("read", item.above() == null ? "FULL" : "INCREMENTAL");
            if (item.above() != null) {
                entity.putObject("watermark")
                        .put("column", item.above().column())
                        .put("type", item.above().type().name())
                        .put("value", item.above().valueText());
            }
        }
        return plan;
    }

    /** Writes the plan into the copies' folder, where the ingest of that folder reads it. */
    public static void write(StateArea incoming, CopiedRowsFolder folder, ObjectNode plan) {
        try (StagedOutput out = incoming.create(folder.name() + "/" + NAME)) {
            StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, plan);
            out.commit();
        } catch (IOException e) {
            throw new ExtractException("Cannot write the copy plan into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The planned copies by entity name, when the folder has a plan. */
    static Optional<Map<String, Item>> read(StateArea incoming, CopiedRowsFolder folder) {
        Optional<InputStream> file = incoming.open(folder.name() + "/" + NAME);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String where = folder + "/" + NAME;
        try (InputStream in = file.get()) {
            Map<String, Item> items = new LinkedHashMap<>();
            for (JsonNode entity : StagingJson.mapper().readTree(in).path("entities")) {
                JsonNode mark = entity.path("watermark");
                Watermark above = "INCREMENTAL".equals(entity.path("read").asText())
                        ? Watermark.parse(
                                mark.path("column").asText(),
                                ValueType.valueOf(mark.path("type").asText()),
                                mark.path("value").asText())
                        : null;
                String name = entity.path("name").asText();
                items.put(
                        name,
                        new Item(
                                name,
                                entity.path("query").asText(),
                                entity.path("fileName").asText(),
                                above));
            }
            return Optional.of(items);
        } catch (IOException | RuntimeException e) {
            throw new ExtractException(
                    "The copy plan " + where + " is unreadable (" + e.getMessage() + "); run the"
                            + " pipeline again (its first activity, twinsync copy-plan, writes it)",
                    e);
        }
    }
}
