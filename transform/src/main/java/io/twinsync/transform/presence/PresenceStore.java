package io.twinsync.transform.presence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The committed and pending presence lists (see the package documentation for the files and their life). */
public final class PresenceStore {

    /** The batch's pending lists: {@code present/{entity}.ndjson}. */
    public static final String BATCH_FOLDER = "present/";

    /** The committed lists in the staging state: {@code transform/present/{entity}.ndjson}. */
    public static final String STATE_FOLDER = "transform/present/";

    private static final Logger log = LoggerFactory.getLogger(PresenceStore.class);
    private static final String SUFFIX = ".ndjson";

    private PresenceStore() {}

    public static String batchFile(String entity) {
        return BATCH_FOLDER + entity + SUFFIX;
    }

    public static String stateFile(String entity) {
        return STATE_FOLDER + entity + SUFFIX;
    }

    /**
     * Streams the committed list of an entity to {@code each}, entry by entry (it is never held in memory).
     *
     * @return false when no batch with this entity's list was committed yet (then {@code each} is not called)
     */
    public static boolean readCommitted(StateArea state, String entity, Consumer<PresenceEntry> each) {
        Optional<InputStream> in = state.open(stateFile(entity));
        if (in.isEmpty()) {
            return false;
        }
        String source = "state file " + stateFile(entity);
        try (InputStream stream = in.get();
                MappingIterator<JsonNode> lines =
                        StagingJson.mapper().readerFor(JsonNode.class).readValues(stream)) {
            long line = 0;
            while (lines.hasNextValue()) {
                JsonNode node = lines.nextValue();
                line++;
                if (!node.path("twinId").isTextual() || !node.path("sourceKey").isObject()) {
                    throw new StagingException(source + " line " + line + " is not {\"twinId\", \"sourceKey\"}: "
                            + node + "; delete the file to start the entity's presence list afresh (the next"
                            + " batch then deletes nothing for missing rows)");
                }
                each.accept(new PresenceEntry(
                        node.get("twinId").asText(),
                        (ObjectNode) node.get("sourceKey"),
                        node.path("relationship").isObject() ? (ObjectNode) node.get("relationship") : null));
            }
            return true;
        } catch (IOException e) {
            throw new StagingException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the batch's pending lists the committed ones, each replacing its entity's earlier list whole. Call it
     * only after the batch's write step succeeded; entities without a pending list keep theirs.
     *
     * @return the entities whose list was committed
     */
    public static List<String> commit(Batch batch, StateArea state) {
        List<String> committed = new ArrayList<>();
        for (String path : batch.list(BATCH_FOLDER)) {
            String name = path.substring(BATCH_FOLDER.length());
            if (!name.endsWith(SUFFIX) || name.contains("/")) {
                continue;
            }
            String entity = name.substring(0, name.length() - SUFFIX.length());
            try (InputStream in = batch.open(path);
                    StagedOutput out = state.create(stateFile(entity))) {
                in.transferTo(out);
                out.commit();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Committing " + path + " of batch " + batch.id() + " to " + stateFile(entity)
                                + " failed; the next batch compares with the previous list, which is safe",
                        e);
            }
            committed.add(entity);
        }
        if (!committed.isEmpty()) {
            log.info("Committed the presence lists of batch {} for {}", batch.id(), committed);
        }
        return committed;
    }
}
