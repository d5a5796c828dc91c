package io.twinsync.writer.dryrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One write a dry run found: a twin or a relationship to create, patch or delete.
 *
 * @param action what the write would do
 * @param twinId the twin, or the relationship's source twin
 * @param relationshipId the relationship's id; null for a twin
 * @param name the relationship's name; null for a twin, or for a relationship deleted without a read
 * @param targetId the relationship's target; null as {@code name}
 * @param model the twin's model; null for a relationship, or a twin deleted that no twin file describes
 * @param entity the mapping entity whose rows give the twin (for a relationship: its source twin); null when unknown
 * @param changes the values set or removed: every property for a create, what differs for a patch, none for a delete
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedChange(
        Action action,
        String twinId,
        String relationshipId,
        String name,
        String targetId,
        String model,
        String entity,
        List<PropertyChange> changes) {

    public PlannedChange {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** What a planned write does. */
    public enum Action {
        CREATE,
        PATCH,
        DELETE
    }

    /** True for a relationship, false for a twin. */
    public boolean relationship() {
        return relationshipId != null;
    }

    PlannedChange withEntity(String value) {
        return new PlannedChange(action, twinId, relationshipId, name, targetId, model, value, changes);
    }

    PlannedChange withModel(String value) {
        return new PlannedChange(action, twinId, relationshipId, name, targetId, value, entity, changes);
    }
}
