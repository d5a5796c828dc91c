package io.twinsync.transform.twin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.reject.Reject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relationships of link entities' rows, held by source twin until the twin file of their source twin is built,
 * which then lists them with the twin's own relationships. Link rows are read before any twin entity, so every
 * twin file of a source entity lists all its link relationships (and owns their names, for {@code stale: remove}).
 * Holds every link relationship of the batch in memory: a link table is read whole. Used from one thread.
 */
final class LinkedRelationships {

    /** Without link entities: twin files get nothing more. */
    static final LinkedRelationships NONE = new LinkedRelationships();

    /** One link row's relationship, with what a reject of the row needs. */
    record Linked(ObjectNode relationship, String entity, long rowNumber, Map<String, Object> rowKey) {}

    private final Map<String, Map<String, List<Linked>>> bySource = new HashMap<>();
    private final Map<String, Set<String>> names = new HashMap<>();
    private final Map<String, Set<String>> ownedNames = new HashMap<>();

    /**
     * Records a link entity whose rows follow.
     *
     * @param owned whether the files of its source twins own its relationship name (list it in full, so that the
     *     writer removes what they do not list)
     */
    void register(EntityPlan link, boolean owned) {
        RelationshipPlan relationship = link.relationships().get(0);
        names.computeIfAbsent(link.linkSource(), e -> new LinkedHashSet<>()).add(relationship.name());
        if (owned) {
            ownedNames
                    .computeIfAbsent(link.linkSource(), e -> new LinkedHashSet<>())
                    .add(relationship.name());
        }
        bySource.computeIfAbsent(link.linkSource(), e -> new LinkedHashMap<>());
    }

    /**
     * Holds a link row's relationship for its source twin.
     *
     * @return the problem when the source twin already has a link relationship of that id (the row is then not held)
     */
    RowProblem add(String sourceEntity, String sourceTwinId, Linked linked) {
        List<Linked> held = bySource.computeIfAbsent(sourceEntity, e -> new LinkedHashMap<>())
                .computeIfAbsent(sourceTwinId, id -> new ArrayList<>());
        String id = linked.relationship().get("$relationshipId").asText();
        for (Linked other : held) {
            if (id.equals(other.relationship().get("$relationshipId").asText())) {
                return new RowProblem(
                        RejectCode.DUPLICATE_RELATIONSHIP_ID,
                        linked.relationship().get("$relationshipName").asText(),
                        id,
                        "Row " + other.rowNumber() + " of entity " + other.entity() + " " + other.rowKey()
                                + " already gives twin " + sourceTwinId + " the relationship '" + id
                                + "'; the first is kept. Remove the repeated link row, or give the relationship an"
                                + " id template that tells them apart");
            }
        }
        held.add(linked);
        return null;
    }

    /** The names of the relationships link rows give the twins of {@code sourceEntity}. */
    List<String> names(String sourceEntity) {
        return List.copyOf(names.getOrDefault(sourceEntity, Set.of()));
    }

    /** The names the twin files of {@code sourceEntity} list in full because link rows give them. */
    List<String> ownedNames(String sourceEntity) {
        return List.copyOf(ownedNames.getOrDefault(sourceEntity, Set.of()));
    }

    /** Takes the relationships held for a source twin; they are its file's from now on. */
    List<ObjectNode> take(String sourceEntity, String twinId) {
        Map<String, List<Linked>> twins = bySource.get(sourceEntity);
        List<Linked> held = twins == null || twinId == null ? null : twins.remove(twinId);
        return held == null
                ? List.of()
                : held.stream().map(Linked::relationship).toList();
    }

    /**
     * The rejects for the link rows whose source twin got no twin file (its row is missing, rejected, or was never
     * read), after every entity was written; they are then dropped.
     */
    List<Reject> rejectUnlinked(String stage) {
        List<Reject> rejects = new ArrayList<>();
        bySource.forEach((sourceEntity, twins) -> twins.forEach((twinId, held) -> {
            for (Linked linked : held) {
                String id = linked.relationship().get("$relationshipId").asText();
                rejects.add(new Reject(
                        stage,
                        linked.entity(),
                        linked.rowNumber(),
                        linked.rowKey(),
                        linked.relationship().get("$relationshipName").asText(),
                        twinId,
                        RejectCode.SOURCE_TWIN_NOT_WRITTEN.name(),
                        "Relationship " + id + " goes out from twin " + twinId + ", but entity " + sourceEntity
                                + " wrote no twin file for it in this batch (no row of it gave that id, or its row"
                                + " was rejected); the relationship is written with its source twin's file, so fix"
                                + " that row or the relationship's source template"));
            }
        }));
        bySource.values().forEach(Map::clear);
        return rejects;
    }
}
