package io.twinsync.staging.scope;

import java.util.List;
import java.util.Objects;

/**
 * What one mapping entity covers in the graph, as a full compare needs it.
 *
 * @param entity the mapping entity
 * @param model the model of its twins ({@code $metadata.$model}); a full compare reads the graph's twins of exactly
 *     this model
 * @param relationships the names of the outgoing relationships the entity maps, sorted
 * @param ownedRelationships those of them the source gives in full ({@code stale: remove}): other relationships of
 *     these names from the entity's twins are removed; relationships of the other names are created and patched only
 * @param extraLimit the largest share (0 to 1] of the graph's twins of {@link #model} that a full compare may delete
 *     because no row produces them (the entity's {@code deleted.missingLimit}, else one half)
 * @param rejectedTwinIds twins whose rows were rejected this batch: they exist in the source, so they are not extra
 * @param rejectedWithoutId rows rejected before their twin id was known: some twin of the model may be theirs, so no
 *     twin of it is deleted as extra
 * @param deletionsHeld true when transform held back the deletion of missing rows (too many were missing): a full
 *     compare deletes no extra twin of the model either
 */
public record EntityScope(
        String entity,
        String model,
        List<String> relationships,
        List<String> ownedRelationships,
        double extraLimit,
        List<String> rejectedTwinIds,
        long rejectedWithoutId,
        boolean deletionsHeld) {

    public EntityScope {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(model, "model");
        relationships = relationships == null
                ? List.of()
                : relationships.stream().sorted().distinct().toList();
        ownedRelationships = ownedRelationships == null
                ? List.of()
                : ownedRelationships.stream().sorted().distinct().toList();
        rejectedTwinIds = rejectedTwinIds == null ? List.of() : List.copyOf(rejectedTwinIds);
        if (!(extraLimit > 0 && extraLimit <= 1)) {
            throw new IllegalArgumentException("extraLimit must be above 0 and at most 1, was " + extraLimit);
        }
    }
}
