package io.twinsync.transform.mapping;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one link entity of a mapping file ({@code relationship:} instead of {@code twin:}) and checks its
 * relationship against the model of its source entity, reporting every problem. Returns a {@link LinkMapping} only
 * when the entity is entirely valid; what needs every entity read first (the source entity's watermark, its own
 * relationships) is checked by {@link #checkAgainst}. The link entity itself may be read incrementally
 * ({@code source.watermark}): transform then merges its changed rows with those of the last committed batch.
 */
final class LinkReader {

    static final Set<String> LINK_KEYS =
            Set.of("name", "sourceEntity", "source", "target", "id", "properties", "stale", "deleted", "missingLimit");
    static final Set<String> LINK_DELETED_KEYS = Set.of("column", "when");

    private final EntityReader entities;
    private final Map<String, String> twinModels;
    private final MappingProblems problems;

    /**
     * @param twinModels each twin entity's model as the mapping gives it, by entity name, for the models the listed
     *     files define
     */
    LinkReader(EntityReader entities, Map<String, String> twinModels, MappingProblems problems) {
        this.entities = entities;
        this.twinModels = twinModels;
        this.problems = problems;
    }

    LinkMapping read(YamlFields entity) {
        int before = problems.list().size();
        String name = entities.name(entity);
        String label = name != null ? "entity '" + name + "': " : entity.here() + ": ";
        YamlFields fields = entity.relabel(label);
        fields.allowOnly(EntityReader.ENTITY_KEYS);
        for (String key : List.of("twin", "relationships")) {
            if (fields.isPresent(key)) {
                problems.add(fields.at(key) + ": a link entity (relationship) makes each row one relationship"
                        + " between two twins, and has no " + key + "; map twins and their foreign-key relationships"
                        + " in an entity of their own");
            }
        }
        SourceSpec source = entities.readSource(fields.object("source", true));
        if (source != null && source.changeTracking()) {
            problems.add(fields.at("source") + ": changeTracking is for twin entities; a link entity's deleted rows"
                    + " would need merging with the relationships kept from earlier batches, which is not done. Use"
                    + " source.watermark with a deletion column, or read the link entity whole");
        }
        YamlFields link = fields.object("relationship", true);
        if (link == null) {
            return null;
        }
        link.allowOnly(LINK_KEYS);
        String sourceEntity = link.text("sourceEntity", true);
        String model = null;
        if (sourceEntity != null) {
            model = twinModels.get(sourceEntity);
            if (model == null && !twinModels.containsKey(sourceEntity)) {
                problems.add(link.at("sourceEntity") + ": there is no twin entity '" + sourceEntity + "'; name the"
                        + " entity (with twin) whose twins these relationships go out from; the twin entities are "
                        + List.copyOf(twinModels.keySet()));
            }
        }
        IdTemplate sourceId = entities.idTemplates().read(link, "source", true, true);
        RelationshipSpec relationship = entities.readRelationshipKeys(link, model);
        YamlFields deletedFields = link.object("deleted", false);
        DeletionFlag deleted = null;
        if (deletedFields != null) {
            deletedFields.allowOnly(LINK_DELETED_KEYS);
            if (deletedFields.text("column", true) != null) {
                deleted = entities.readDeletionFlag(deletedFields);
            }
            if (relationship != null && !relationship.removeStale()) {
                problems.add(deletedFields.here() + ": a deleted link row removes its relationship only with"
                        + " stale: remove (the row then gives none, and the writer removes what the source no"
                        + " longer gives); add stale: remove or drop deleted");
            }
        }
        MissingRows missing = readMissingLimit(link);
        boolean valid = problems.list().size() == before;
        return valid ? new LinkMapping(name, source, sourceEntity, sourceId, relationship, deleted, missing) : null;
    }

    /** {@code relationship.missingLimit}, as a twin entity's {@code deleted.missingLimit}; the default when absent. */
    private MissingRows readMissingLimit(YamlFields link) {
        if (!link.isPresent("missingLimit")) {
            return new MissingRows(MissingRows.DEFAULT_LIMIT);
        }
        Double given = link.number("missingLimit");
        if (given == null) {
            return null;
        }
        if (!(given > 0 && given <= 1)) {
            problems.add(link.at("missingLimit") + ": give the largest share of the link entity's relationships one"
                    + " whole read may remove for rows gone from the source, above 0 and at most 1 (0.5 is half; 1"
                    + " turns the guard off)");
            return null;
        }
        return new MissingRows(given);
    }

    /** What a link needs of its source entity, once every entity is read. */
    void checkAgainst(LinkMapping link, EntityMapping sourceEntity) {
        String at = "entity '" + link.name() + "': relationship.sourceEntity: ";
        if (sourceEntity.source().changeTracking()) {
            problems.add(at + "entity '" + sourceEntity.name() + "' is read incrementally (source.changeTracking),"
                    + " but its twin files carry the link relationships, so it must be read whole: a twin file is"
                    + " written only for the rows read, and a twin whose link rows changed needs its file; remove"
                    + " its source.changeTracking");
        }
        if (sourceEntity.source().watermark() != null) {
            problems.add(at + "entity '" + sourceEntity.name() + "' is read incrementally (source.watermark), but"
                    + " its twin files carry the link relationships, so it must be read whole: a twin file is"
                    + " written only for the rows read, and a twin whose link rows changed needs its file; remove"
                    + " its source.watermark");
        }
        if (sourceEntity.relationships().stream()
                .anyMatch(r -> r.name().equals(link.relationship().name()))) {
            problems.add(at + "entity '" + sourceEntity.name() + "' maps relationship '"
                    + link.relationship().name() + "' itself; a relationship name is mapped either from a column"
                    + " of the twin's row or from a link entity, not both");
        }
    }
}
