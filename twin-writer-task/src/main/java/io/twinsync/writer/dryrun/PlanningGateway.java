package io.twinsync.writer.dryrun;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.twin.TwinPointers;
import io.twinsync.writer.apply.AdtGateway;
import io.twinsync.writer.apply.RelationshipRef;
import io.twinsync.writer.apply.Versioned;
import io.twinsync.writer.plan.PatchOperation;
import io.twinsync.writer.retry.Attempts;
import io.twinsync.writer.retry.RequestRetrier;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The writer's gateway for a dry run: reads go to ADT (each once: the appliers read a twin again after a conflict),
 * writes are recorded as {@link PlannedChange}s and answered as ADT would answer them, so that the writer's own code
 * decides what to write, exactly as in a real write.
 *
 * <p>Answers as ADT would: a create of a twin or relationship that exists fails with 412 (the appliers send
 * {@code If-None-Match: *}), found by a read; a twin the plan creates has no relationships yet, without a read; a
 * relationship deleted twice (with its target, then as stale) is there only the first time (404 after).
 */
public final class PlanningGateway extends AdtGateway {

    /** Where a patch's old values come from when this gateway did not read the item: the last applied file, say. */
    public interface Befores {

        Befores NONE = new Befores() {
            @Override
            public Optional<ObjectNode> twin(String twinId) {
                return Optional.empty();
            }

            @Override
            public Optional<ObjectNode> relationship(String sourceId, String relationshipId) {
                return Optional.empty();
            }
        };

        Optional<ObjectNode> twin(String twinId);

        Optional<ObjectNode> relationship(String sourceId, String relationshipId);
    }

    private static final String PLANNED_ETAG = "W/\"planned\"";

    /** One twin, any: whether the graph is empty (ADT query language: {@code TOP}). */
    static final String ANY_TWIN = "SELECT TOP(1) T.$dtId FROM DIGITALTWINS T";

    private final Befores befores;
    private final Map<String, Optional<Versioned>> twinsRead = new ConcurrentHashMap<>();
    private final Map<RelationshipRef, Optional<Versioned>> relationshipsRead = new ConcurrentHashMap<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Set<RelationshipRef> deleted = ConcurrentHashMap.newKeySet();
    private final Map<String, PlannedChange> twinChanges = new ConcurrentHashMap<>();
    private final Map<RelationshipRef, PlannedChange> relationshipChanges = new ConcurrentHashMap<>();
    private final List<String> models = new ArrayList<>();
    private volatile boolean emptyGraph;

    public PlanningGateway(DigitalTwinsClient client, RequestRetrier retrier, Befores befores) {
        super(client, retrier);
        this.befores = befores;
    }

    /**
     * Asks ADT, with one query, whether the graph has any twin; when it has none, no twin or relationship is read
     * one by one (a first load's plan then costs no read per twin).
     */
    public void checkForEmptyGraph() {
        emptyGraph = queryPage(ANY_TWIN, null, new Attempts()).items().isEmpty();
    }

    @Override
    public Optional<Versioned> getTwin(String twinId, Attempts attempts) {
        if (emptyGraph || created.contains(twinId)) {
            return Optional.empty(); // the plan creates it, or the graph has no twin: ADT has none now
        }
        Optional<Versioned> read = twinsRead.get(twinId);
        if (read == null) {
            // not computeIfAbsent: that would hold the map's bin for the length of a request
            read = super.getTwin(twinId, attempts);
            twinsRead.putIfAbsent(twinId, read);
        }
        return read;
    }

    @Override
    public Versioned createTwin(String twinId, ObjectNode twin, Attempts attempts) {
        if (getTwin(twinId, attempts).isPresent()) {
            throw conflict(HttpMethod.PUT, "twin " + twinId);
        }
        created.add(twinId);
        twinChanges.put(
                twinId,
                new PlannedChange(
                        PlannedChange.Action.CREATE,
                        twinId,
                        null,
                        null,
                        null,
                        twin.path("$metadata").path("$model").asText(null),
                        null,
                        properties(twin)));
        return new Versioned(twin, PLANNED_ETAG);
    }

    @Override
    public String patchTwin(String twinId, List<PatchOperation> ops, String etag, Attempts attempts) {
        Optional<ObjectNode> before = read(twinsRead.get(twinId)).or(() -> befores.twin(twinId));
        String model =
                before.map(b -> b.path("$metadata").path("$model").asText(null)).orElse(null);
        twinChanges.put(
                twinId,
                new PlannedChange(
                        PlannedChange.Action.PATCH, twinId, null, null, null, model, null, changes(ops, before)));
        return PLANNED_ETAG;
    }

    @Override
    public boolean deleteTwin(String twinId, Attempts attempts) {
        // The tombstone applier listed the twin's relationships first: a twin that is not there ended it (404).
        twinChanges.put(
                twinId, new PlannedChange(PlannedChange.Action.DELETE, twinId, null, null, null, null, null, null));
        return true;
    }

    @Override
    public Optional<Versioned> getRelationship(String sourceId, String relationshipId, Attempts attempts) {
        RelationshipRef ref = new RelationshipRef(sourceId, relationshipId);
        if (emptyGraph || created.contains(sourceId) || deleted.contains(ref)) {
            return Optional.empty();
        }
        Optional<Versioned> read = relationshipsRead.get(ref);
        if (read == null) {
            read = super.getRelationship(sourceId, relationshipId, attempts);
            relationshipsRead.putIfAbsent(ref, read);
        }
        return read;
    }

    @Override
    public Versioned createRelationship(
            String sourceId, String relationshipId, ObjectNode relationship, Attempts attempts) {
        if (getRelationship(sourceId, relationshipId, attempts).isPresent()) {
            throw conflict(HttpMethod.PUT, "relationship " + sourceId + "/" + relationshipId);
        }
        relationshipChanges.put(
                new RelationshipRef(sourceId, relationshipId),
                new PlannedChange(
                        PlannedChange.Action.CREATE,
                        sourceId,
                        relationshipId,
                        relationship.path("$relationshipName").asText(null),
                        relationship.path("$targetId").asText(null),
                        null,
                        null,
                        properties(relationship)));
        return new Versioned(relationship, PLANNED_ETAG);
    }

    @Override
    public void patchRelationship(
            String sourceId, String relationshipId, List<PatchOperation> ops, String etag, Attempts attempts) {
        RelationshipRef ref = new RelationshipRef(sourceId, relationshipId);
        Optional<ObjectNode> before =
                read(relationshipsRead.get(ref)).or(() -> befores.relationship(sourceId, relationshipId));
        relationshipChanges.put(
                ref,
                new PlannedChange(
                        PlannedChange.Action.PATCH,
                        sourceId,
                        relationshipId,
                        before.map(b -> b.path("$relationshipName").asText(null))
                                .orElse(null),
                        before.map(b -> b.path("$targetId").asText(null)).orElse(null),
                        null,
                        null,
                        changes(ops, before)));
    }

    @Override
    public boolean deleteRelationship(RelationshipRef ref, Attempts attempts) {
        if (!deleted.add(ref)) {
            return false; // deleted by the plan already: ADT would answer 404
        }
        Optional<ObjectNode> before =
                read(relationshipsRead.get(ref)).or(() -> befores.relationship(ref.sourceId(), ref.relationshipId()));
        relationshipChanges.put(
                ref,
                new PlannedChange(
                        PlannedChange.Action.DELETE,
                        ref.sourceId(),
                        ref.relationshipId(),
                        before.map(b -> b.path("$relationshipName").asText(null))
                                .orElse(null),
                        before.map(b -> b.path("$targetId").asText(null)).orElse(null),
                        null,
                        null,
                        null));
        return true;
    }

    @Override
    public List<RelationshipRef> listRelationships(String twinId, Attempts attempts) {
        return emptyGraph || created.contains(twinId)
                ? List.of()
                : notDeleted(super.listRelationships(twinId, attempts));
    }

    @Override
    public List<RelationshipRef> listRelationships(String twinId, String relationshipName, Attempts attempts) {
        return emptyGraph || created.contains(twinId)
                ? List.of()
                : notDeleted(super.listRelationships(twinId, relationshipName, attempts));
    }

    @Override
    public List<RelationshipRef> listIncomingRelationships(String twinId, Attempts attempts) {
        return emptyGraph || created.contains(twinId)
                ? List.of()
                : notDeleted(super.listIncomingRelationships(twinId, attempts));
    }

    @Override
    public void createModels(List<String> definitions, Attempts attempts) {
        synchronized (models) {
            for (String definition : definitions) {
                models.add(modelId(definition));
            }
        }
    }

    /** The models the plan uploads, in upload order. */
    public List<String> models() {
        synchronized (models) {
            return List.copyOf(models);
        }
    }

    /** The twins the plan writes, by id. */
    public Map<String, PlannedChange> twinChanges() {
        return Map.copyOf(twinChanges);
    }

    /** The relationships the plan writes. */
    public Map<RelationshipRef, PlannedChange> relationshipChanges() {
        return Map.copyOf(relationshipChanges);
    }

    private List<RelationshipRef> notDeleted(List<RelationshipRef> listed) {
        return listed.stream().filter(ref -> !deleted.contains(ref)).toList();
    }

    private static Optional<ObjectNode> read(Optional<Versioned> read) {
        return read == null ? Optional.empty() : read.map(Versioned::json);
    }

    /** A create's values: every property, without the {@code $} fields ADT sets or the create names. */
    private static List<PropertyChange> properties(ObjectNode document) {
        List<PropertyChange> changes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().startsWith("$") && !field.getValue().isNull()) {
                changes.add(new PropertyChange(TwinPointers.of(List.of(field.getKey())), null, field.getValue()));
            }
        }
        return changes;
    }

    private static List<PropertyChange> changes(List<PatchOperation> ops, Optional<ObjectNode> before) {
        return ops.stream()
                .map(op -> new PropertyChange(
                        op.path(),
                        before.map(b -> at(b, op.path())).orElse(null),
                        op.op() == PatchOperation.Op.REMOVE ? null : op.value()))
                .toList();
    }

    private static JsonNode at(ObjectNode document, String pointer) {
        JsonNode node = document;
        for (String segment : TwinPointers.segments(pointer)) {
            node = node == null ? null : node.get(segment);
        }
        return node == null || node.isMissingNode() ? null : node;
    }

    private static String modelId(String definition) {
        try {
            return StagingJson.mapper().readTree(definition).path("@id").asText("(model without @id)");
        } catch (JsonProcessingException e) {
            return "(model that is not JSON)";
        }
    }

    /** What ADT answers a create of something that exists, with {@code If-None-Match: *}. */
    private static HttpResponseException conflict(HttpMethod method, String what) {
        return new HttpResponseException(
                "Planned: " + what + " exists already (412)", new PlannedResponse(method), null);
    }

    /** A 412 response no service sent: the create's answer in a plan. */
    private static final class PlannedResponse extends HttpResponse {

        PlannedResponse(HttpMethod method) {
            super(new HttpRequest(method, "https://planned.invalid/"));
        }

        @Override
        public int getStatusCode() {
            return 412;
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return null;
        }

        @Override
        public HttpHeaders getHeaders() {
            return new HttpHeaders();
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.empty();
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(new byte[0]);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just("");
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just("");
        }
    }
}
