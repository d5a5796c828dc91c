package io.twinsync.writer.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.DtdlReader;
import io.twinsync.dtdl.DtdlSource;
import io.twinsync.dtdl.ModelSet;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.TargetUnreachableException;
import io.twinsync.writer.models.ModelComparison;
import io.twinsync.writer.models.TargetModel;
import io.twinsync.writer.retry.Attempts;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the target has a batch's models ({@code models.json}) or any list of models: uploads the ones it lacks,
 * dependencies first, at most {@value #MAX_PER_CALL} per call (ADT's limit). A model the target holds with other
 * content is an error before anything is written (ADT models are immutable; a changed model needs a new version).
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

    /** What an upload did. */
    public record Uploaded(int models, int alreadyThere, int uploaded, int uploadedMeanwhile) {}

    /** Uploads the batch's missing models ({@code models.json}); see {@link #upload}. */
    public Uploaded uploadMissing(Batch batch) {
        if (!batch.exists(BatchLayout.MODELS)) {
            log.warn(
                    "Batch {} has no {}; assuming the target already has every model its twins use",
                    batch.id(),
                    BatchLayout.MODELS);
            return new Uploaded(0, 0, 0, 0);
        }
        return upload(read(batch), "batch " + batch.id());
    }

    /**
     * Makes sure the target holds these models: uploads the ones it lacks, dependencies first, at most
     * {@value #MAX_PER_CALL} per call. A model the target already holds with other content stops everything before
     * anything is uploaded: ADT models cannot change, and twins would be checked against the old content. When ADT
     * answers 409 (another writer uploaded a model since the listing, or an earlier attempt of a retried POST did
     * succeed, or another partition of the same batch is uploading the same models), it lists the models again,
     * checks them again and uploads only those still missing. It gives up after {@value #MAX_CONFLICT_ROUNDS} rounds in
     * a row in which nobody uploaded any of the models still missing.
     *
     * @param what the models' origin for messages, such as {@code batch 2026...} or {@code the mapping's models}
     */
    public Uploaded upload(List<ObjectNode> models, String what) {
        return upload(models, what, targetModels(what));
    }

    /**
     * {@link #upload(List, String)} with the target's models as the caller has just listed them, so that a command
     * that checked them first does not list them again.
     */
    public Uploaded upload(List<ObjectNode> models, String what, List<TargetModel> target) {
        // read once: the order and the dependencies of the whole list hold for every part of it checked again below
        ModelSet set = read(models);
        List<ObjectNode> pending = missing(dependenciesFirst(models, set), set, target, what, 0);
        int alreadyThere = models.size() - pending.size();
        int uploaded = 0;
        int conflicts = 0;
        while (!pending.isEmpty()) {
            List<ObjectNode> ordered = pending;
            int from = 0;
            try {
                for (; from < ordered.size(); from += MAX_PER_CALL) {
                    List<ObjectNode> chunk = ordered.subList(from, Math.min(ordered.size(), from + MAX_PER_CALL));
                    adt.createModels(chunk.stream().map(ModelUploader::json).toList(), new Attempts());
                    uploaded += chunk.size();
                }
                pending = List.of();
            } catch (TargetUnreachableException e) {
                throw e; // not the models' fault: the whole write stops, with its own message
            } catch (RuntimeException e) {
                int chunkSize = Math.min(ordered.size() - from, MAX_PER_CALL);
                AdtError error = AdtError.of(e);
                if (error.status() != HTTP_CONFLICT) {
                    throw refused(what, chunkSize, uploaded, error, e);
                }
                log.info(
                        "ADT already has some of the {} models being uploaded for {} ({}: another writer, or an"
                                + " earlier attempt that succeeded); listing the models again",
                        chunkSize,
                        what,
                        error.code());
                int remaining = ordered.size() - from;
                pending = missing(ordered.subList(from, ordered.size()), set, targetModels(what), what, uploaded);
                // Several partitions of one batch upload the same models at once and collide on each chunk; that is
                // progress as long as someone uploads some of what is still missing. Only rounds without it count.
                conflicts = pending.size() < remaining ? 0 : conflicts + 1;
                if (conflicts > MAX_CONFLICT_ROUNDS) {
                    throw refused(what, chunkSize, uploaded, error, e);
                }
            }
        }
        log.info(
                "Models of {}: {} in all, {} already in ADT, {} uploaded, {} uploaded meanwhile by someone else",
                what,
                models.size(),
                alreadyThere,
                uploaded,
                models.size() - alreadyThere - uploaded);
        return new Uploaded(models.size(), alreadyThere, uploaded, models.size() - alreadyThere - uploaded);
    }

    /**
     * The models the target lacks, in the order given; throws when it holds any of them with other content, or when
     * they refer to an interface (in {@code extends}, a component or a schema) that neither they nor the target hold,
     * which the service would refuse.
     *
     * @param set the models given to {@link #upload}, of which these are some or all
     * @param target the target's models, as listed last
     */
    private List<ObjectNode> missing(
            List<ObjectNode> models, ModelSet set, List<TargetModel> target, String what, int uploadedSoFar) {
        Set<String> held = new HashSet<>();
        target.forEach(model -> held.add(model.id()));
        Set<String> ids = new HashSet<>();
        models.forEach(model -> ids.add(model.path("@id").asText()));
        Map<String, Set<String>> unheld = new TreeMap<>();
        for (String id : ids) {
            for (String dependency : set.dependencies(id)) {
                if (!ids.contains(dependency) && !held.contains(dependency)) {
                    unheld.computeIfAbsent(dependency, k -> new TreeSet<>()).add(id);
                }
            }
        }
        if (!unheld.isEmpty()) {
            StringBuilder message = new StringBuilder("The models of " + what + " need ");
            unheld.forEach((id, neededBy) -> message.append(id)
                    .append(" (for ")
                    .append(String.join(", ", neededBy))
                    .append("), "));
            throw new ModelUploadException(message + "which neither they nor the target hold. Add the files that"
                    + " define them to the mapping's models ('twinsync validate' names the files it finds). "
                    + written(uploadedSoFar));
        }
        ModelComparison comparison = ModelComparison.compare(models, target);
        if (!comparison.differing().isEmpty()) {
            StringBuilder message = new StringBuilder("The target already holds "
                    + comparison.differing().size() + " of the models of " + what + " with other content: ");
            for (ModelComparison.Difference difference : comparison.differing()) {
                message.append(difference.id())
                        .append(" (differs at ")
                        .append(difference.describePaths())
                        .append("); ");
            }
            throw new ModelUploadException(message + ModelComparison.advice() + ". " + written(uploadedSoFar));
        }
        Set<String> toUpload = new HashSet<>(comparison.toUpload());
        return models.stream()
                .filter(m -> toUpload.contains(m.path("@id").asText()))
                .toList();
    }

    /**
     * The models in upload order: each after the ones it extends or uses as a component (ADT needs those in the same
     * request or before), as the DTDL reader's {@link io.twinsync.dtdl.ModelSet#dependencyOrder()} gives it;
     * relationship targets impose no order (ADT accepts a target that is not uploaded). A document that cannot be read
     * at all keeps its place after the others, and the service says what is wrong with it.
     */
    static List<ObjectNode> dependenciesFirst(List<ObjectNode> models) {
        return dependenciesFirst(models, read(models));
    }

    private static List<ObjectNode> dependenciesFirst(List<ObjectNode> models, ModelSet set) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        models.forEach(model -> byId.put(model.path("@id").asText(), model));
        List<ObjectNode> ordered = new ArrayList<>();
        for (String id : set.dependencyOrder()) {
            ObjectNode model = byId.remove(id);
            if (model != null) {
                ordered.add(model);
            }
        }
        ordered.addAll(byId.values());
        return ordered;
    }

    /** What was written when the upload stopped, for messages. */
    private static String written(int uploaded) {
        return uploaded == 0
                ? "Nothing was written."
                : uploaded + " models were uploaded before this was found; no twin was written.";
    }

    private static ModelUploadException refused(
            String what, int chunkSize, int uploaded, AdtError error, RuntimeException e) {
        String hint = error.status() == HTTP_CONFLICT
                ? " The models kept appearing while being uploaded, and " + MAX_CONFLICT_ROUNDS + " rounds in a row"
                        + " made no progress; another writer may be uploading them. Run again."
                : " Fix the DTDL in the mapping's models ('twinsync validate' lists every problem it finds) and run"
                        + " again.";
        return new ModelUploadException(
                "ADT refused the models of " + what + " (" + chunkSize + " models in one request): " + error.code()
                        + ": " + error.message() + "." + hint
                        + (uploaded > 0 ? " The " + uploaded + " models uploaded before this request stay." : ""),
                e);
    }

    private List<TargetModel> targetModels(String what) {
        try {
            return adt.listModels(new Attempts());
        } catch (TargetUnreachableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw cannotList("before writing " + what, e);
        }
    }

    /**
     * The target's models could not be listed: what the service said, and what to check.
     *
     * @param when when it happened, such as {@code before writing batch ...}, or empty
     */
    public static ModelUploadException cannotList(String when, RuntimeException e) {
        AdtError error = AdtError.of(e);
        return new ModelUploadException(
                "Cannot list the models of the target" + (when.isEmpty() ? "" : " " + when) + ": " + error.code() + ": "
                        + error.message()
                        + ". Check the endpoint, the network, and that the identity has the 'Azure Digital Twins Data"
                        + " Owner' role on the instance.",
                e);
    }

    /** The models as the DTDL reader reads them on their own (problems are the service's to report). */
    private static ModelSet read(List<ObjectNode> models) {
        List<DtdlSource> sources = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            sources.add(DtdlSource.ofJson("model[" + i + "]", models.get(i)));
        }
        return DtdlReader.forService().read(sources).models();
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
