package io.twinsync.extract.watermark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.extract.ExtractException;
import io.twinsync.staging.Batch;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.rows.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps watermarks between batches. The extract writes the batch's new watermarks as pending ({@link #BATCH_FILE}
 * in the batch); {@link #commit} copies them into the staging state ({@link #STATE_FILE}) once the batch has been
 * written, so a batch that fails reads the same rows again next time.
 *
 * <p>File format (both files): {@code {"entities": {"Equipment": {"column": "RowVer", "type": "BINARY",
 * "value": "0x00000000000007D1"}}}}, values as exact text: integers and plain decimals, ISO-8601 timestamps, binary as
 * {@code 0x} hex (base64 kept by earlier versions is still read). A change tracking version is kept as an INTEGER
 * on column {@code SYS_CHANGE_VERSION}.
 */
public final class WatermarkStore {

    /** The committed watermarks, in the staging {@link StateArea}. */
    public static final String STATE_FILE = "extract/watermarks.json";

    /** The batch's pending watermarks, inside the batch. */
    public static final String BATCH_FILE = "extract/watermarks.json";

    private static final Logger LOG = LoggerFactory.getLogger(WatermarkStore.class);

    private WatermarkStore() {}

    /** The committed watermarks, or none when no batch with watermarks was committed yet. */
    public static Watermarks readCommitted(StateArea state) {
        Optional<InputStream> in = state.open(STATE_FILE);
        if (in.isEmpty()) {
            return Watermarks.none();
        }
        return read(in.get(), "state file " + STATE_FILE);
    }

    /** The batch's pending watermarks, or empty when the batch was extracted without watermarks. */
    public static Optional<Watermarks> readPending(Batch batch) {
        if (!batch.exists(BATCH_FILE)) {
            return Optional.empty();
        }
        return Optional.of(read(batch.open(BATCH_FILE), "batch " + batch.id() + " file " + BATCH_FILE));
    }

    /** Writes the batch's pending watermarks, replacing any earlier pending file of the batch. */
    public static void writePending(Batch batch, Watermarks watermarks) {
        try (StagedOutput out = batch.create(BATCH_FILE)) {
            write(out, watermarks);
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + BATCH_FILE + " into batch " + batch.id() + " failed", e);
        }
    }

    /**
     * Makes the batch's pending watermarks the committed ones, replacing them whole (an entity no longer read
     * incrementally loses its watermark and is read whole). Call it only after the batch's write step succeeded.
     *
     * @return the watermarks committed, or empty when the batch has no pending file (state left as it was)
     */
    public static Optional<Watermarks> commit(Batch batch, StateArea state) {
        Optional<Watermarks> pending = readPending(batch);
        if (pending.isEmpty()) {
            LOG.info(
                    "Batch {} has no pending watermarks ({}); committed watermarks left as they were",
                    batch.id(),
                    BATCH_FILE);
            return pending;
        }
        try (StagedOutput out = state.create(STATE_FILE)) {
            write(out, pending.get());
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Committing watermarks of batch " + batch.id() + " to " + STATE_FILE
                            + " failed; the next batch reads from the previous watermarks",
                    e);
        }
        LOG.info(
                "Committed watermarks of batch {}: {}",
                batch.id(),
                pending.get().byEntity());
        return pending;
    }

    private static void write(StagedOutput out, Watermarks watermarks) throws IOException {
        ObjectMapper mapper = StagingJson.mapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode entities = root.putObject("entities");
        watermarks.byEntity().forEach((entity, watermark) -> entities.putObject(entity)
                .put("column", watermark.column())
                .put("type", watermark.type().name())
                .put("value", watermark.valueText()));
        mapper.writerWithDefaultPrettyPrinter().writeValue(out, root);
    }

    private static Watermarks read(InputStream in, String source) {
        JsonNode root;
        try (in) {
            root = StagingJson.mapper().readTree(in);
        } catch (IOException e) {
            throw corrupt(source, e.getMessage(), e);
        }
        JsonNode entities = root == null ? null : root.get("entities");
        if (entities == null || !entities.isObject()) {
            throw corrupt(source, "no \"entities\" object", null);
        }
        Map<String, Watermark> byEntity = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : entities.properties()) {
            JsonNode node = field.getValue();
            try {
                ValueType type = ValueType.valueOf(node.path("type").asText());
                Object value = WatermarkValues.fromText(type, node.path("value").asText());
                byEntity.put(field.getKey(), new Watermark(node.path("column").asText(), type, value));
            } catch (RuntimeException e) {
                throw corrupt(source, "entity " + field.getKey() + ": " + e.getMessage(), e);
            }
        }
        return new Watermarks(byEntity);
    }

    private static ExtractException corrupt(String source, String problem, Exception cause) {
        return new ExtractException(
                "Watermarks " + source + " are unreadable (" + problem + "). Delete the file to"
                        + " read every entity whole in the next batch",
                cause);
    }
}
