package io.twinsync.transform.twin;

import io.twinsync.dtdl.ModelSet;
import io.twinsync.dtdl.model.DtdlProperty;
import io.twinsync.dtdl.model.DtdlRelationship;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.rows.StagedRowReader;
import io.twinsync.staging.rows.StagedSchema;
import io.twinsync.transform.convert.ValueConverter;
import io.twinsync.transform.convert.ValueConverters;
import io.twinsync.transform.mapping.DeletionFlag;
import io.twinsync.transform.mapping.EntityMapping;
import io.twinsync.transform.mapping.LinkMapping;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingProblem;
import io.twinsync.transform.mapping.MappingProblems;
import io.twinsync.transform.mapping.PropertyPath;
import io.twinsync.transform.mapping.PropertyPathResolver;
import io.twinsync.transform.mapping.PropertySpec;
import io.twinsync.transform.mapping.PropertyTarget;
import io.twinsync.transform.mapping.RelationshipSpec;
import io.twinsync.transform.mapping.SourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds a mapping to the staged rows of a batch before any row is read: every column the mapping names must be
 * staged, with a type its property can convert from. All problems, of all entities, fail the transform together.
 */
public final class EntityPlanner {

    private static final Logger log = LoggerFactory.getLogger(EntityPlanner.class);

    /** A change tracking row whose operation is D: deleted in the source. */
    private static final DeletionFlag CHANGE_DELETED =
            new DeletionFlag(SourceSpec.CHANGE_OPERATION_COLUMN, List.of("D"));

    private EntityPlanner() {}

    /**
     * Plans each mapping entity that has a rows file in the batch; entities without one are skipped (logged).
     *
     * @throws io.twinsync.transform.mapping.MappingException listing every column that is missing or of a type its
     *     property cannot take
     */
    public static List<EntityPlan> plan(Mapping mapping, Batch batch) {
        MappingProblems problems = new MappingProblems();
        List<EntityPlan> plans = new ArrayList<>();
        // link entities first: their relationships go into the twin files of their source entities
        for (LinkMapping link : mapping.links()) {
            schema(batch, link.name())
                    .flatMap(schema -> planLink(link, mapping, schema, problems))
                    .ifPresent(plans::add);
        }
        for (EntityMapping entity : mapping.entities()) {
            schema(batch, entity.name())
                    .map(schema -> plan(entity, mapping.models(), schema, problems))
                    .ifPresent(plans::add);
        }
        problems.throwIfAny(mapping.source() + " (against the staged rows of batch " + batch.id() + ")");
        return plans;
    }

    /** The schema of an entity's rows file, or empty (logged) when the batch has none. */
    private static Optional<StagedSchema> schema(Batch batch, String entity) {
        String path = BatchLayout.rowsFile(entity);
        if (!batch.exists(path)) {
            log.info("Batch {} has no {}; entity {} is skipped", batch.id(), path, entity);
            return Optional.empty();
        }
        try (StagedRowReader reader = new StagedRowReader(batch.open(path), batch.location() + "/" + path)) {
            return Optional.of(reader.schema());
        }
    }

    /**
     * Plans one entity against the schema of its staged rows, adding every problem found to {@code problems}.
     *
     * @return the plan, or empty when the entity has a problem (then at least one was added)
     */
    public static Optional<EntityPlan> planEntity(
            EntityMapping entity, ModelSet models, StagedSchema schema, MappingProblems problems) {
        return Optional.ofNullable(plan(entity, models, schema, problems));
    }

    static EntityPlan plan(EntityMapping entity, ModelSet models, StagedSchema schema, MappingProblems problems) {
        int before = problems.list().size();
        ColumnBinder columns = columns(entity.name(), schema, problems);
        List<String> keys = entity.source().keyColumns();
        int[] keyIndexes = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            keyIndexes[i] = columns.indexOf(keys.get(i), "source.key");
        }
        String model = entity.twin().model();
        if (!models.contains(model)) {
            // MappingLoader never lets this through; a Mapping built by hand might.
            columns.report(
                    MappingProblem.Kind.INVALID_MAPPING,
                    "twin.model",
                    model,
                    model + " is not among the mapping's models");
            return null;
        }
        BoundTemplate id = BoundTemplate.bind(entity.twin().id(), columns, "twin.id");
        List<PropertyPlan> properties = new ArrayList<>();
        for (PropertySpec spec : entity.twin().properties()) {
            String at = "twin.properties." + spec.property();
            PropertyPlan plan = property(spec, twinProperty(models, model, spec.property()), columns, at);
            if (plan != null) {
                properties.add(plan);
            }
        }
        DeletionCheck deletion = null;
        if (entity.twin().deleted() != null) {
            int index = columns.indexOf(entity.twin().deleted().column(), "twin.deleted.column");
            deletion = index < 0 ? null : new DeletionCheck(entity.twin().deleted(), index);
        }
        if (entity.source().changeTracking()) {
            // A change tracking read stages SYS_CHANGE_OPERATION; D is a row deleted in the source.
            int index = columns.indexOf(SourceSpec.CHANGE_OPERATION_COLUMN, "source.changeTracking");
            DeletionCheck changed = index < 0 ? null : new DeletionCheck(CHANGE_DELETED, index);
            deletion = deletion == null ? changed : changed == null ? deletion : deletion.or(changed);
        }
        List<RelationshipPlan> relationships = new ArrayList<>();
        for (RelationshipSpec spec : entity.relationships()) {
            RelationshipPlan plan = relationship(spec, model, models, columns, "relationships " + spec.name());
            if (plan != null) {
                relationships.add(plan);
            }
        }
        if (problems.list().size() != before) {
            return null;
        }
        return new EntityPlan(
                entity.name(),
                model,
                id,
                properties,
                relationships,
                keys,
                keyIndexes,
                deletion,
                entity.twin().missing(),
                List.copyOf(models.components(model).keySet()));
    }

    /**
     * Plans one link entity against the schema of its staged rows, adding every problem found to {@code problems}:
     * its source template as the plan's id, its relationship as the plan's one relationship, typed by the model of
     * its source entity.
     *
     * @return the plan, or empty when the entity has a problem (then at least one was added)
     */
    public static Optional<EntityPlan> planLink(
            LinkMapping link, Mapping mapping, StagedSchema schema, MappingProblems problems) {
        int before = problems.list().size();
        ColumnBinder columns = columns(link.name(), schema, problems);
        Optional<EntityMapping> source = mapping.entity(link.sourceEntity());
        if (source.isEmpty()) {
            // MappingLoader never lets this through; a Mapping built by hand might.
            columns.report(
                    MappingProblem.Kind.INVALID_MAPPING,
                    "relationship.sourceEntity",
                    link.sourceEntity(),
                    "there is no twin entity '" + link.sourceEntity() + "'");
            return Optional.empty();
        }
        List<String> keys = link.source().keyColumns();
        int[] keyIndexes = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            keyIndexes[i] = columns.indexOf(keys.get(i), "source.key");
        }
        String model = source.get().twin().model();
        BoundTemplate sourceId = BoundTemplate.bind(link.sourceId(), columns, "relationship.source");
        RelationshipPlan relationship =
                relationship(link.relationship(), model, mapping.models(), columns, "relationship");
        DeletionCheck deletion = null;
        if (link.deleted() != null) {
            int index = columns.indexOf(link.deleted().column(), "relationship.deleted.column");
            deletion = index < 0 ? null : new DeletionCheck(link.deleted(), index);
        }
        if (problems.list().size() != before) {
            return Optional.empty();
        }
        return Optional.of(new EntityPlan(
                link.name(),
                model,
                sourceId,
                List.of(),
                List.of(relationship),
                keys,
                keyIndexes,
                deletion,
                link.missing(),
                List.of(),
                link.sourceEntity()));
    }

    private static RelationshipPlan relationship(
            RelationshipSpec spec, String model, ModelSet models, ColumnBinder columns, String at) {
        DtdlRelationship relationship = models.relationship(model, spec.name()).orElse(null);
        if (relationship == null) {
            columns.report(
                    MappingProblem.Kind.INVALID_MAPPING,
                    at,
                    spec.name(),
                    model + " has no relationship " + spec.name());
            return null;
        }
        BoundTemplate target = BoundTemplate.bind(spec.target(), columns, at + " target");
        BoundTemplate relId = spec.explicitId()
                .map(t -> BoundTemplate.bind(t, columns, at + " id"))
                .orElse(null);
        List<PropertyPlan> relProperties = new ArrayList<>();
        for (PropertySpec p : spec.properties()) {
            DtdlProperty declared = relationship.properties().get(p.property());
            PropertyPlan plan = property(
                    p,
                    declared == null ? null : new PropertyTarget(declared.name(), declared.schema()),
                    columns,
                    at + " properties." + p.property());
            if (plan != null) {
                relProperties.add(plan);
            }
        }
        return new RelationshipPlan(spec.name(), target, relId, relProperties, spec.removeStale());
    }

    /** The property a twin property path leads to (its last part, with the schema there), or null. */
    private static PropertyTarget twinProperty(ModelSet models, String model, String path) {
        PropertyPath parsed;
        try {
            parsed = PropertyPath.parse(path);
        } catch (IllegalArgumentException e) {
            return null; // MappingLoader never lets this through; a Mapping built by hand might
        }
        PropertyPathResolver.Resolution resolution = PropertyPathResolver.resolve(models, model, parsed.segments());
        return resolution.found() ? resolution.target() : null;
    }

    private static PropertyPlan property(PropertySpec spec, PropertyTarget property, ColumnBinder columns, String at) {
        if (property == null || ValueConverters.unfillable(property.schema()).isPresent()) {
            columns.report(
                    MappingProblem.Kind.INVALID_MAPPING,
                    at,
                    spec.property(),
                    "the model has no property '" + spec.property() + "' that transform can fill");
            return null;
        }
        ValueConverter converter = ValueConverters.forSchema(property.schema());
        PropertyValue value = PropertyValues.bind(spec.source(), property, converter, columns, at);
        if (value == null) {
            return null;
        }
        return new PropertyPlan(spec.property(), value, property.schema().describe(), converter, spec.nulls());
    }

    /** The entity's columns in its staged rows, after checking the rows file holds that entity. */
    private static ColumnBinder columns(String entity, StagedSchema schema, MappingProblems problems) {
        ColumnBinder columns = new ColumnBinder(schema, entity, problems);
        if (!schema.entity().equalsIgnoreCase(entity)) {
            columns.report(
                    MappingProblem.Kind.ROWS_FILE_MISMATCH,
                    "name",
                    schema.entity(),
                    columns.rowsFile() + " says it holds entity '" + schema.entity()
                            + "'; re-run extract for this batch");
        }
        return columns;
    }
}
