package io.twinsync.writer.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.DtdlReader;
import io.twinsync.dtdl.DtdlSource;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.retry.Attempts;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the target has the batch's models ({@code models.json}): uploads the ones it lacks, dependencies first,
 * at most {@value #MAX_PER_CALL} per call (ADT's limit); models it already has are left alone, even when they differ
 * (ADT models are immutable; a changed model needs a new version number).
 */
public final class ModelUploader {

    static final int MAX_PER_CALL = 250;
    static final int MAX_CONFLICT_ROUNDS = 3;

    private static final int HTTP_CONFLICT = 409;

    private static final Logger log = LoggerFactory.getLogger(ModelUploader.class);

    private final AdtGateway adt;

    public ModelUploader(AdtGateway adt) {
        this.adt = adt;
    }

    /**
     * Uploads missing models; returns how many this call uploaded. When ADT answers 409 (a model already exists:
     * another writer uploaded it since the listing, or an earlier attempt of a retried POST did succeed), it lists
     * the models again and uploads only those still missing, at most {@value #MAX_CONFLICT_ROUNDS} times.
     */
    public int uploadMissing(Batch batch) {
        if (!batch.exists(BatchLayout.MODELS)) {
            log.warn(
                    "Batch {} has no {}; assuming the target already has every model its twins use",
                    batch.id(),
                    BatchLayout.MODELS);
            return 0;
        }
        List<ObjectNode> models = read(batch);
        List<ObjectNode> pending = stillMissing(models, existingModels(batch));
        int alreadyThere = models.size() - pending.size();
        int uploaded = 0;
        int conflicts = 0;
        while (!pending.isEmpty()) {
            List<ObjectNode> ordered = dependenciesFirst(pending);
            int from = 0;
            try {
                for (; from < ordered.size(); from += MAX_PER_CALL) {
                    List<ObjectNode> chunk = ordered.subList(from, Math.min(ordered.size(), from + MAX_PER_CALL));
                    adt.createModels(chunk.stream().map(ModelUploader::json).toList(), new Attempts());
                    uploaded += chunk.size();
                }
                pending = List.of();
            } catch (RuntimeException e) {
                int chunkSize = Math.min(ordered.size() - from, MAX_PER_CALL);
                AdtError error = AdtError.of(e);
                if (error.status() != HTTP_CONFLICT || ++conflicts > MAX_CONFLICT_ROUNDS) {
                    throw refused(batch, chunkSize, error, e);
                }
                log.info(
                        "ADT already has some of the {} models being uploaded for batch {} ({}: another writer, or an"
                                + " earlier attempt that succeeded); listing the models again",
                        chunkSize,
                        batch.id(),
                        error.code());
                pending = stillMissing(ordered.subList(from, ordered.size()), existingModels(batch));
            }
        }
        log.info(
                "Models of batch {}: {} in {}, {} already in ADT, {} uploaded, {} uploaded meanwhile by someone else",
                batch.id(),
                models.size(),
                BatchLayout.MODELS,
                alreadyThere,
                uploaded,
                models.size() - alreadyThere - uploaded);
        return uploaded;
    }

    /**
     * The models in upload order: each after the ones it extends or uses as a component (ADT needs those in the same
     * request or before), as the DTDL reader's {@link io.twinsync.dtdl.ModelSet#dependencyOrder()} gives it;
     * relationship targets impose no order (ADT accepts a target that is not uploaded). A document that cannot be read
     * at all keeps its place after the others, and the service says what is wrong with it.
     */
    static List<ObjectNode> dependenciesFirst(List<ObjectNode> models) {
        List<DtdlSource> sources = new ArrayList<>();
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (int i = 0; i < models.size(); i++) {
            sources.add(DtdlSource.ofJson(BatchLayout.MODELS + "[" + i + "]", models.get(i)));
            byId.put(models.get(i).path("@id").asText(), models.get(i));
        }
        List<ObjectNode> ordered = new ArrayList<>();
        for (String id : DtdlReader.forService().read(sources).models().dependencyOrder()) {
            ObjectNode model = byId.remove(id);
            if (model != null) {
                ordered.add(model);
            }
        }
        ordered.addAll(byId.values());
        return ordered;
    }

    private static List<ObjectNode> stillMissing(List<ObjectNode> models, Set<String> existing) {
        return models.stream()
                .filter(m -> !existing.contains(m.path("@id").asText()))
                .toList();
    }

    private static ModelUploadException refused(Batch batch, int chunkSize, AdtError error, RuntimeException e) {
        String hint = error.status() == HTTP_CONFLICT
                ? " The models kept appearing while being uploaded (" + MAX_CONFLICT_ROUNDS + " rounds); another"
                        + " writer may be uploading them. Run again."
                : " Fix the DTDL in the mapping's models and run transform again.";
        return new ModelUploadException(
                "ADT refused the models of batch " + batch.id() + " (" + chunkSize + " models from "
                        + BatchLayout.MODELS + "): " + error.code() + ": " + error.message() + "." + hint,
                e);
    }

    private Set<String> existingModels(Batch batch) {
        try {
            return adt.listModelIds(new Attempts());
        } catch (RuntimeException e) {
            AdtError error = AdtError.of(e);
            throw new ModelUploadException(
                    "Cannot list the models of the target before writing batch " + batch.id()
                            + ": " + error.code() + ": " + error.message()
                            + ". Check the endpoint, the network, and that"
                            + " the identity has the 'Azure Digital Twins Data Owner' role on the instance.",
                    e);
        }
    }

    private static List<ObjectNode> read(Batch batch) {
        JsonNode root;
        try (InputStream in = batch.open(BatchLayout.MODELS)) {
            root = StagingJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new ModelUploadException(
                    BatchLayout.MODELS + " of batch " + batch.id() + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new ModelUploadException(BatchLayout.MODELS + " of batch " + batch.id()
                    + " must be a JSON array of DTDL interfaces; re-run transform to write it again");
        }
        List<ObjectNode> models = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode model : root) {
            if (!(model instanceof ObjectNode object) || !model.path("@id").isTextual()) {
                throw new ModelUploadException(BatchLayout.MODELS + " of batch " + batch.id()
                        + " has an entry that is not a DTDL interface with an @id: " + cut(model.toString()));
            }
            if (!ids.add(model.path("@id").asText())) {
                throw new ModelUploadException(BatchLayout.MODELS + " of batch " + batch.id() + " has model "
                        + model.path("@id").asText() + " twice; each model id must appear once");
            }
            models.add(object);
        }
        return models;
    }

    private static String json(ObjectNode model) {
        try {
            return StagingJson.mapper().writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise model " + model.path("@id"), e);
        }
    }

    private static String cut(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
