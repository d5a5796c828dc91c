package io.twinsync.transform.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.transform.dtdl.DtdlModels;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded and checked mapping: its entities and the DTDL models they use. Immutable; build it with
 * {@link MappingLoader}, which guarantees that every model, property, relationship and template in it is valid.
 *
 * @param source where the mapping was read from (a path or {@code classpath:...}), for messages
 * @param entities the entities in the order the mapping lists them
 * @param models the DTDL interfaces of the mapping's model files
 */
public record Mapping(String source, List<EntityMapping> entities, DtdlModels models) {

    public Mapping {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(models, "models");
        entities = List.copyOf(entities);
    }

    /** Copies of every DTDL interface of the mapping, each after the interfaces it depends on. */
    public List<ObjectNode> modelDocuments() {
        return models.documents();
    }

    public Optional<EntityMapping> entity(String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
