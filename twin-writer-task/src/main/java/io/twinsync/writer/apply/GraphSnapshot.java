package io.twinsync.writer.apply;

import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.scope.GraphScope;
import io.twinsync.writer.Partition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of the graph a batch's mapping covers, as it was when a full compare began: the twins of each mapped
 * model and their outgoing relationships of each mapped name, read by query, restricted to one partition's twins.
 * A full compare plans every twin and relationship against it instead of reading each one; an answer that is out of
 * date by the time it is used (the graph changed since, or the query lagged a write) costs a {@code 412} and a read,
 * never a wrong write, since every change is sent with the ETag it was planned against.
 *
 * <p>It holds every covered twin in memory, about as much as the twins' JSON.
 */
public final class GraphSnapshot {

    private static final Logger log = LoggerFactory.getLogger(GraphSnapshot.class);

    private final Map<String, Versioned> twins;
    private final Map<String, List<String>> idsByModel;
    private final Map<String, Map<String, Versioned>> relationshipsBySource;
    private final int pages;
    private final GraphScope scope;

    private GraphSnapshot(
            GraphScope scope,
            Map<String, Versioned> twins,
            Map<String, List<String>> idsByModel,
            Map<String, Map<String, Versioned>> relationshipsBySource,
            int pages) {
        this.twins = twins;
        this.idsByModel = idsByModel;
        this.relationshipsBySource = relationshipsBySource;
        this.pages = pages;
        this.scope = scope;
    }

    /** Reads the twins of the scope's models and their relationships of the scope's names that fall in the partition. */
    public static GraphSnapshot read(AdtGateway adt, GraphScope scope, Partition partition) {
        Map<String, Versioned> twins = new ConcurrentHashMap<>();
        Map<String, List<String>> idsByModel = new LinkedHashMap<>();
        GraphQueries.Cost cost = GraphQueries.Cost.NONE;
        for (String model : scope.models()) {
            List<String> ids = new ArrayList<>();
            cost = cost.plus(GraphQueries.readAll(adt, GraphQueries.twinsOf(model), twin -> {
                String id = twin.path("$dtId").asText(null);
                if (id != null && partition.contains(BatchLayout.twinFile(id))) {
                    twins.put(id, new Versioned(twin, twin.path("$etag").asText(null)));
                    ids.add(id);
                }
            }));
            idsByModel.put(model, List.copyOf(ids));
        }
        Map<String, Map<String, Versioned>> relationships = new HashMap<>();
        for (String name : scope.relationshipNames()) {
            cost = cost.plus(GraphQueries.readAll(adt, GraphQueries.relationshipsNamed(name), relationship -> {
                String source = relationship.path("$sourceId").asText(null);
                String id = relationship.path("$relationshipId").asText(null);
                if (source != null && id != null && twins.containsKey(source)) {
                    relationships
                            .computeIfAbsent(source, s -> new HashMap<>())
                            .put(
                                    id,
                                    new Versioned(
                                            relationship,
                                            relationship.path("$etag").asText(null)));
                }
            }));
        }
        log.info(
                "Full compare: read {} twins of {} models and their relationships of {} names in {} query pages ({}"
                        + " query units)",
                twins.size(),
                idsByModel.size(),
                scope.relationshipNames().size(),
                cost.pages(),
                Math.round(cost.queryUnits()));
        return new GraphSnapshot(scope, twins, idsByModel, relationships, cost.pages());
    }

    /** The twin as the query returned it, or empty when the graph had no such twin of a mapped model. */
    public Optional<Versioned> twin(String twinId) {
        return Optional.ofNullable(twins.get(twinId));
    }

    /** The twin's outgoing relationships of the mapped names, by relationship id. */
    public Map<String, Versioned> relationshipsOf(String twinId) {
        return relationshipsBySource.getOrDefault(twinId, Map.of());
    }

    /** The ids of the twins of exactly {@code model} in the partition, in the order the service listed them. */
    public List<String> twinsOf(String model) {
        return idsByModel.getOrDefault(model, List.of());
    }

    /** The batch's scope this snapshot was read for. */
    public GraphScope scope() {
        return scope;
    }

    /** Query pages read. */
    public int pages() {
        return pages;
    }
}
