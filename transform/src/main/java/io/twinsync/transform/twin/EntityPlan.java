package io.twinsync.transform.twin;

import io.twinsync.transform.mapping.MissingRows;
import java.util.List;

/**
 * One entity's mapping bound to its staged rows file: every column resolved, every converter chosen. Made by
 * {@link EntityPlanner}; opaque outside this package.
 */
public final class EntityPlan {

    private final String entity;
    private final String model;
    private final BoundTemplate id;
    private final List<PropertyPlan> properties;
    private final List<RelationshipPlan> relationships;
    private final List<String> keyColumns;
    private final int[] keyIndexes;
    private final DeletionCheck deletion;
    private final MissingRows missing;
    private final List<String> components;
    private final String linkSource;

    EntityPlan(
            String entity,
            String model,
            BoundTemplate id,
            List<PropertyPlan> properties,
            List<RelationshipPlan> relationships,
            List<String> keyColumns,
            int[] keyIndexes,
            DeletionCheck deletion,
            MissingRows missing,
            List<String> components) {
        this(entity, model, id, properties, relationships, keyColumns, keyIndexes, deletion, missing, components, null);
    }

    /**
     * @param linkSource for a link entity, the twin entity whose twins its relationships go out from ({@code id} then
     *     renders the source twin id, {@code relationships} holds the one relationship); null for a twin entity
     */
    EntityPlan(
            String entity,
            String model,
            BoundTemplate id,
            List<PropertyPlan> properties,
            List<RelationshipPlan> relationships,
            List<String> keyColumns,
            int[] keyIndexes,
            DeletionCheck deletion,
            MissingRows missing,
            List<String> components,
            String linkSource) {
        this.linkSource = linkSource;
        this.entity = entity;
        this.model = model;
        this.id = id;
        this.properties = List.copyOf(properties);
        this.relationships = List.copyOf(relationships);
        this.keyColumns = List.copyOf(keyColumns);
        this.keyIndexes = keyIndexes.clone();
        this.deletion = deletion;
        this.missing = missing;
        this.components = List.copyOf(components);
    }

    /** The entity name, which also names its rows file. */
    public String entity() {
        return entity;
    }

    String model() {
        return model;
    }

    BoundTemplate id() {
        return id;
    }

    List<PropertyPlan> properties() {
        return properties;
    }

    List<RelationshipPlan> relationships() {
        return relationships;
    }

    /** The key columns as the mapping spells them. */
    List<String> keyColumns() {
        return keyColumns;
    }

    /** The deletion flag's check, or null when the entity has none. */
    DeletionCheck deletion() {
        return deletion;
    }

    /** Deletion by absence, or null when the entity has none. */
    MissingRows missing() {
        return missing;
    }

    /** The names of the model's components (own and inherited); every twin document carries each of them. */
    List<String> components() {
        return components;
    }

    /** True for a link entity's plan, whose rows give relationships of another entity's twins. */
    public boolean isLink() {
        return linkSource != null;
    }

    /** For a link entity, the twin entity its relationships go out from; null for a twin entity. */
    String linkSource() {
        return linkSource;
    }

    int keyIndex(int i) {
        return keyIndexes[i];
    }
}
