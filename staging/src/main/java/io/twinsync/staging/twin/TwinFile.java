package io.twinsync.staging.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.ContentHash;
import java.util.List;
import java.util.Objects;

/**
 * One twin as transform emits it and the writer applies it. Build with {@link #of}, which computes the content
 * hash; the JSON nodes are owned by this object and must not be changed after construction.
 *
 * @param twinId the ADT twin id
 * @param entity the mapping entity that produced it
 * @param sourceKey the key columns of the source row and their values
 * @param tombstone true when the source deleted the twin
 * @param twin the ADT twin document ({@code $dtId}, {@code $metadata.$model}, properties)
 * @param relationships outgoing relationships as ADT relationship documents
 * @param removals JSON Pointers to the values to remove from the twin, such as {@code /ratedPowerKw} or
 *     {@code /nameplate/serialNumber} (RFC 6901 escaping)
 * @param contentHash SHA-256 over twin, relationships, removals, whole values and tombstone
 * @param wholeValues JSON Pointers of the Object and Map values the source gives whole (from one column, template,
 *     constant or expression): the writer sets each as a whole, so that keys the source no longer has go. Other
 *     objects (components, values built from property paths) are patched leaf by leaf, keeping what others wrote.
 * @param ownedRelationships names of relationships this file lists in full: the writer removes the twin's outgoing
 *     relationships of these names that the file does not list (the mapping's {@code stale: remove}), sorted
 */
public record TwinFile(
        String twinId,
        String entity,
        ObjectNode sourceKey,
        boolean tombstone,
        ObjectNode twin,
        List<ObjectNode> relationships,
        List<String> removals,
        String contentHash,
        List<String> wholeValues,
        List<String> ownedRelationships) {

    public TwinFile {
        Objects.requireNonNull(twinId, "twinId");
        Objects.requireNonNull(twin, "twin");
        relationships = List.copyOf(relationships);
        removals = List.copyOf(removals);
        wholeValues = wholeValues == null ? List.of() : List.copyOf(wholeValues);
        ownedRelationships = ownedSorted(ownedRelationships);
    }

    public static TwinFile of(
            String entity,
            ObjectNode sourceKey,
            boolean tombstone,
            ObjectNode twin,
            List<ObjectNode> relationships,
            List<String> removals) {
        return of(entity, sourceKey, tombstone, twin, relationships, removals, List.of());
    }

    /** With the pointers of the Object and Map values the source gives whole. */
    public static TwinFile of(
            String entity,
            ObjectNode sourceKey,
            boolean tombstone,
            ObjectNode twin,
            List<ObjectNode> relationships,
            List<String> removals,
            List<String> wholeValues) {
        return of(entity, sourceKey, tombstone, twin, relationships, removals, wholeValues, List.of());
    }

    /** With whole values and the relationship names the file lists in full (stale ones of these names go). */
    public static TwinFile of(
            String entity,
            ObjectNode sourceKey,
            boolean tombstone,
            ObjectNode twin,
            List<ObjectNode> relationships,
            List<String> removals,
            List<String> wholeValues,
            List<String> ownedRelationships) {
        String twinId = twin.path("$dtId").asText(null);
        if (twinId == null) {
            throw new IllegalArgumentException("A twin document needs a $dtId");
        }
        return new TwinFile(
                twinId,
                entity,
                sourceKey,
                tombstone,
                twin,
                relationships,
                removals,
                hash(tombstone, twin, relationships, removals, wholeValues, ownedSorted(ownedRelationships)),
                wholeValues,
                ownedRelationships);
    }

    private static List<String> ownedSorted(List<String> owned) {
        return owned == null ? List.of() : owned.stream().distinct().sorted().toList();
    }

    /** The model id from {@code $metadata.$model}. */
    public String modelId() {
        return twin.path("$metadata").path("$model").asText(null);
    }

    /** True when the stored hash matches the content, i.e. the file was not edited by hand or truncated. */
    public boolean hashMatchesContent() {
        return contentHash != null
                && contentHash.equals(hash(tombstone, twin, relationships, removals, wholeValues, ownedRelationships));
    }

    static String hash(
            boolean tombstone,
            JsonNode twin,
            List<ObjectNode> relationships,
            List<String> removals,
            List<String> wholeValues,
            List<String> ownedRelationships) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode content = nodes.objectNode();
        content.put("tombstone", tombstone);
        content.set("twin", twin);
        ArrayNode rels = content.putArray("relationships");
        relationships.stream()
                .sorted((a, b) -> a.path("$relationshipId")
                        .asText()
                        .compareTo(b.path("$relationshipId").asText()))
                .forEach(rels::add);
        ArrayNode removed = content.putArray("removals");
        removals.stream().sorted().forEach(removed::add);
        if (!wholeValues.isEmpty()) {
            // only when there are any, so the hashes of twins without them stay what they were
            ArrayNode whole = content.putArray("wholeValues");
            wholeValues.stream().sorted().forEach(whole::add);
        }
        if (!ownedRelationships.isEmpty()) {
            // likewise: the hashes of files without owned names stay what they were
            ArrayNode owned = content.putArray("ownedRelationships");
            ownedRelationships.forEach(owned::add);
        }
        return ContentHash.of(content);
    }
}
