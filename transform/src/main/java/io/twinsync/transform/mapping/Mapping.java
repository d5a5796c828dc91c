package io.twinsync.transform.mapping;

import io.twinsync.dtdl.ModelSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A loaded and checked mapping: its entities and the DTDL models they use. Immutable; build it with
 * {@link MappingLoader}, which guarantees that every model, property, relationship and template in it is valid.
 *
 * @param source where the mapping was read from (a path or {@code classpath:...}), for messages
 * @param entities the twin entities ({@code twin:}) in the order the mapping lists them
 * @param links the link entities ({@code relationship:}) in the order the mapping lists them; their relationships
 *     go into the twin files of their source entities
 * @param models every interface of every model file the mapping lists under {@code models} (files, folders and globs),
 *     read without problems. {@link ModelSet#documents()} gives them in dependency order (each after what it extends
 *     or uses as a component or schema), as transform writes them to the batch's {@code models.json} and as they are
 *     uploaded. The set holds what every entity needs; it may refer to interfaces it does not hold, which are
 *     {@code missingModels}
 * @param missingModels interfaces the listed models refer to (in {@code extends}, a component's {@code schema} or a
 *     schema) that no listed file defines and no entity needs, by DTMI, in DTMI order. Not a problem of the mapping:
 *     the target instance may already hold them, and uploading {@code models} to an instance that does not fails, so
 *     an upload checks them against the instance first. Relationship targets are never among them
 */
public record Mapping(
        String source,
        List<EntityMapping> entities,
        List<LinkMapping> links,
        ModelSet models,
        Map<String, MissingModel> missingModels) {

    public Mapping {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(models, "models");
        entities = List.copyOf(entities);
        links = List.copyOf(links);
        missingModels = Collections.unmodifiableMap(new TreeMap<>(missingModels));
    }

    /** A mapping without link entities. */
    public Mapping(
            String source, List<EntityMapping> entities, ModelSet models, Map<String, MissingModel> missingModels) {
        this(source, entities, List.of(), models, missingModels);
    }

    /** The link entities whose relationships go out from the twins of {@code entity}, in mapping order. */
    public List<LinkMapping> linksFrom(String entity) {
        return links.stream().filter(l -> l.sourceEntity().equals(entity)).toList();
    }

    public Optional<EntityMapping> entity(String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
