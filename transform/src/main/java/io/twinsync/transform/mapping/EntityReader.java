package io.twinsync.transform.mapping;

import io.twinsync.dtdl.ModelSet;
import io.twinsync.dtdl.model.DtdlContent;
import io.twinsync.dtdl.model.DtdlProperty;
import io.twinsync.dtdl.model.DtdlRelationship;
import io.twinsync.transform.convert.ValueConverters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one entity of a mapping file and checks it against the DTDL models as it goes, reporting every problem.
 * Returns an {@link EntityMapping} only when the entity is entirely valid.
 */
final class EntityReader {

    /** Entity names become file names ({@code rows/{name}.ndjson}), so they are kept plain. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    static final Set<String> ENTITY_KEYS =
            Set.of("name", "description", "source", "twin", "relationships", "relationship");
    static final Set<String> SOURCE_KEYS = Set.of("query", "table", "key", "watermark", "changeTracking");
    static final Set<String> TWIN_KEYS = Set.of("model", "id", "properties", "nulls", "deleted");
    static final Set<String> PROPERTY_KEYS = ValueSourceReader.TWIN_PROPERTY_KEYS;
    static final Set<String> RELATIONSHIP_PROPERTY_KEYS = ValueSourceReader.RELATIONSHIP_PROPERTY_KEYS;
    static final Set<String> DELETED_KEYS = Set.of("column", "when", "missing", "missingLimit");
    static final Set<String> RELATIONSHIP_KEYS = Set.of("name", "target", "id", "properties", "stale");

    /** More interface ids than this are not listed in a message; the count is said instead. */
    private static final int MAX_LISTED_IDS = 20;

    private final ModelSet models;
    private final ModelCandidates candidates;
    private final Path base;
    private final MappingProblems problems;
    private final IdTemplateReader idTemplates;
    private final ValueSourceReader valueSources;

    EntityReader(
            ModelSet models,
            ModelCandidates candidates,
            Path base,
            IdNormalization idDefaults,
            MappingProblems problems) {
        this.models = models;
        this.candidates = candidates;
        this.base = base;
        this.problems = problems;
        this.idTemplates = new IdTemplateReader(idDefaults, problems);
        this.valueSources = new ValueSourceReader(problems);
    }

    EntityMapping read(YamlFields entity) {
        int before = problems.list().size();
        String name = name(entity);
        String label = name != null ? "entity '" + name + "': " : entity.here() + ": ";
        YamlFields fields = entity.relabel(label);
        fields.allowOnly(ENTITY_KEYS);
        SourceSpec source = readSource(fields.object("source", true));
        YamlFields twinFields = fields.object("twin", true);
        String model = twinFields == null ? null : readModel(twinFields);
        TwinSpec twin = twinFields == null ? null : readTwin(twinFields, model, source);
        List<RelationshipSpec> relationships = new ArrayList<>();
        List<YamlFields> items = fields.objects("relationships", false);
        for (YamlFields item : items) {
            RelationshipSpec relationship = readRelationship(item, model);
            if (relationship != null) {
                relationships.add(relationship);
            }
        }
        checkDefaultIdsDiffer(fields, relationships);
        boolean valid = problems.list().size() == before;
        return valid ? new EntityMapping(name, source, twin, relationships) : null;
    }

    /** The entity's name, checked (null, reported, when it is missing). */
    String name(YamlFields entity) {
        String name = entity.text("name", true);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add(entity.at("name") + ": '" + name + "' cannot name an entity; use letters, digits, '-' and"
                    + " '_', starting with a letter, at most 64 characters (it names the file rows/{name}.ndjson)");
        }
        return name;
    }

    IdTemplateReader idTemplates() {
        return idTemplates;
    }

    SourceSpec readSource(YamlFields source) {
        if (source == null) {
            return null;
        }
        source.allowOnly(SOURCE_KEYS);
        String query = source.text("query", false);
        String table = source.text("table", false);
        List<String> key = source.texts("key", true);
        String watermark = source.text("watermark", false);
        boolean changeTracking = source.bool("changeTracking", false);
        if ((query == null) == (table == null)) {
            problems.add(source.here() + ": give exactly one of query (a SELECT) and table (a table name)");
            return null;
        }
        if (changeTracking && table == null) {
            problems.add(source.at("changeTracking") + ": SQL Server change tracking reads a table"
                    + " (CHANGETABLE(CHANGES table, version)), not a query; give table instead of query, or remove"
                    + " changeTracking");
            return null;
        }
        if (changeTracking && watermark != null) {
            problems.add(source.at("changeTracking") + ": change tracking keeps its own version, so it does not"
                    + " take a watermark column too; remove watermark or changeTracking");
            return null;
        }
        return key.isEmpty()
                ? null
                : new SourceSpec(
                        query,
                        table,
                        key.stream().map(String::trim).toList(),
                        watermark == null ? null : watermark.trim(),
                        changeTracking);
    }

    /** The twin's model id when the models define it; otherwise null, having reported why. */
    private String readModel(YamlFields twin) {
        String model = twin.text("model", true);
        if (model != null && !models.contains(model)) {
            problems.add(twin.at("model") + ": " + model + " is not defined by any file listed under models; "
                    + (candidates.files(model).isEmpty() ? definedIds(model) : candidates.advice(model, base)));
            return null;
        }
        return model;
    }

    private TwinSpec readTwin(YamlFields twin, String model, SourceSpec source) {
        twin.allowOnly(TWIN_KEYS);
        boolean modelKnown = model != null;
        IdTemplate id = idTemplates.read(twin, "id", true, true);
        NullHandling defaultNulls = nulls(twin, NullHandling.KEEP);
        List<PropertySpec> properties = new ArrayList<>();
        YamlFields mapped = twin.object("properties", false);
        for (String name : mapped == null ? List.<String>of() : mapped.keys()) {
            PropertySpec spec = valueSources.read(mapped, name, defaultNulls, this::nulls);
            Optional<PropertyTarget> target =
                    spec != null && modelKnown ? twinProperty(model, name, mapped.at(name)) : Optional.empty();
            if (target.isPresent()) {
                spec = valueSources.check(spec, target.get(), mapped.at(name));
                if (spec != null) {
                    properties.add(spec);
                }
            }
        }
        checkPathsDoNotOverlap(twin, properties);
        YamlFields deletedFields = twin.object("deleted", false);
        DeletionFlag deleted = readDeleted(deletedFields);
        MissingRows missing = readMissing(deletedFields, source);
        if (source != null && source.changeTracking() && id != null) {
            checkIdFromKeys(twin, id, source);
        }
        return model == null || id == null ? null : new TwinSpec(model, id, properties, deleted, missing);
    }

    /** A row deleted under change tracking carries only its key columns: the twin id must be made of them. */
    private void checkIdFromKeys(YamlFields twin, IdTemplate id, SourceSpec source) {
        Set<String> keys = new HashSet<>();
        source.keyColumns().forEach(k -> keys.add(k.toLowerCase(Locale.ROOT)));
        List<String> others = id.columns().stream()
                .filter(c -> !keys.contains(c.toLowerCase(Locale.ROOT)))
                .toList();
        if (!others.isEmpty()) {
            problems.add(twin.at("id") + ": with source.changeTracking a deleted row brings only its key columns "
                    + source.keyColumns() + ", so the twin id may use only those; it also uses " + others);
        }
    }

    private NullHandling nulls(YamlFields fields, NullHandling otherwise) {
        String text = fields.text("nulls", false);
        if (text == null) {
            return otherwise;
        }
        return NullHandling.parse(text).orElseGet(() -> {
            problems.add(fields.at("nulls") + ": '" + text + "' is not a null handling; use keep (a NULL leaves the"
                    + " property as it is in ADT) or remove (a NULL removes the property from the twin)");
            return otherwise;
        });
    }

    private DeletionFlag readDeleted(YamlFields deleted) {
        if (deleted != null) {
            deleted.allowOnly(DELETED_KEYS);
        }
        return readDeletionFlag(deleted);
    }

    /** The deletion column and its values, or null when there is none (reported when it is wrong). */
    DeletionFlag readDeletionFlag(YamlFields deleted) {
        if (deleted == null) {
            return null;
        }
        boolean missing = deleted.isPresent("missing");
        String column = deleted.text("column", !missing);
        List<String> when = deleted.isPresent("when") ? deleted.scalars("when") : DeletionFlag.DEFAULT_WHEN;
        if (column == null) {
            if (missing && deleted.isPresent("when")) {
                problems.add(deleted.at("when") + ": when says which values of the deletion column mean deleted;"
                        + " give the column too, or remove when");
            }
            return null;
        }
        return when.isEmpty() ? null : new DeletionFlag(column.trim(), when);
    }

    /** {@code deleted.missing} and its limit; only for an entity read whole, since only then is a missing row gone. */
    private MissingRows readMissing(YamlFields deleted, SourceSpec source) {
        if (deleted == null || !deleted.isPresent("missing")) {
            if (deleted != null && deleted.isPresent("missingLimit")) {
                problems.add(deleted.at("missingLimit") + ": missingLimit only applies with missing: true");
            }
            return null;
        }
        if (!deleted.bool("missing", false)) {
            return null;
        }
        if (source != null && source.changeTracking()) {
            problems.add(deleted.at("missing") + ": source.changeTracking already sees deleted rows (a D change"
                    + " deletes the twin), and its reads return only changed rows, so every other row would look"
                    + " deleted; remove missing");
            return null;
        }
        if (source != null && source.watermark() != null) {
            problems.add(deleted.at("missing") + ": deletion of missing rows needs a full read of the entity, but"
                    + " source.watermark makes the read incremental (only changed rows come back, so every other"
                    + " row would look deleted); remove source.watermark, or mark deletions with a column instead");
            return null;
        }
        double limit = MissingRows.DEFAULT_LIMIT;
        if (deleted.isPresent("missingLimit")) {
            Double given = deleted.number("missingLimit");
            if (given == null) {
                return null;
            }
            if (!(given > 0 && given <= 1)) {
                problems.add(deleted.at("missingLimit") + ": give the largest share of the entity's twins one batch"
                        + " may delete for missing rows, above 0 and at most 1 (0.5 is half; 1 turns the guard off)");
                return null;
            }
            limit = given;
        }
        return new MissingRows(limit);
    }

    /** The property a twin property path leads to, with the schema there; empty (reported) when there is none. */
    private Optional<PropertyTarget> twinProperty(String model, String name, String at) {
        PropertyPath path;
        try {
            path = PropertyPath.parse(name);
        } catch (IllegalArgumentException e) {
            problems.add(at + ": '" + name + "' is not a property path; " + e.getMessage());
            return Optional.empty();
        }
        String first = path.segments().get(0);
        Optional<DtdlProperty> property = models.property(model, first);
        if (property.isPresent() && path.segments().size() == 1) {
            return checkSchema(property.get(), at) ? Optional.of(target(property.get())) : Optional.empty();
        }
        if (property.isPresent() || models.component(model, first).isPresent()) {
            PropertyPathResolver.Resolution resolution = PropertyPathResolver.resolve(models, model, path.segments());
            if (!resolution.found()) {
                problems.add(at + ": " + resolution.problem());
                return Optional.empty();
            }
            return Optional.of(resolution.target());
        }
        Optional<DtdlContent> other = models.content(model, first);
        if (other.isPresent() && other.get() instanceof DtdlRelationship) {
            problems.add(at + ": '" + first + "' is a relationship of " + model + ", not a property; map it under"
                    + " relationships");
        } else if (other.isPresent()) {
            problems.add(at + ": '" + first + "' is a " + other.get().kind() + " of " + model
                    + "; only properties can be mapped");
        } else {
            problems.add(at + ": " + model + " (with the interfaces it extends) has no property '" + first
                    + "'; its properties are " + models.propertyNames(model)
                    + (models.components(model).isEmpty()
                            ? ""
                            : " and its components "
                                    + List.copyOf(models.components(model).keySet()))
                    + incomplete(model));
        }
        return Optional.empty();
    }

    private static PropertyTarget target(DtdlProperty property) {
        return new PropertyTarget(property.name(), property.schema());
    }

    /** Geospatial schemas and schemas that could not be read have no converter; say so at the mapping. */
    private boolean checkSchema(DtdlProperty property, String at) {
        Optional<String> unfillable = ValueConverters.unfillable(property.schema());
        if (unfillable.isPresent()) {
            problems.add(at + ": property '" + property.name() + "' has schema " + unfillable.get()
                    + ", which transform cannot fill from a column; map primitive, Enum, Object, Map or Array"
                    + " properties only");
            return false;
        }
        return true;
    }

    /**
     * For a message about something the model lacks: the interfaces the model needs that no listed file defines
     * (which may define it), or nothing when it has all it needs.
     */
    private String incomplete(String model) {
        List<String> missing = MissingModels.neededBy(models, model);
        return missing.isEmpty()
                ? ""
                : " (it needs " + missing + ", which no listed model file defines and which may define more; see the"
                        + " problem under models)";
    }

    /** The interfaces the listed files define, for a message about a model they do not define. */
    private String definedIds(String model) {
        List<String> ids = models.ids();
        return ids.size() <= MAX_LISTED_IDS
                ? "the models define " + ids
                : "the " + ids.size() + " listed interfaces do not include it (check its name and version); "
                        + candidates.advice(model, base);
    }

    /** Two paths where one lies inside the other would both set the same value; the mapping must choose. */
    private void checkPathsDoNotOverlap(YamlFields twin, List<PropertySpec> properties) {
        List<PropertyPath> paths =
                properties.stream().map(p -> PropertyPath.parse(p.property())).toList();
        for (int i = 0; i < paths.size(); i++) {
            for (int j = 0; j < paths.size(); j++) {
                if (paths.get(j).segments().size() > paths.get(i).segments().size()
                        && paths.get(j).within(paths.get(i))) {
                    problems.add(twin.at("properties") + ": '" + paths.get(i) + "' and '" + paths.get(j) + "' both set "
                            + paths.get(i) + "; map either the whole value or its parts, not both");
                }
            }
        }
    }

    private RelationshipSpec readRelationship(YamlFields item, String model) {
        item.allowOnly(RELATIONSHIP_KEYS);
        return readRelationshipKeys(item, model);
    }

    /**
     * A relationship's name, target, id, stale rule and properties, checked against {@code model} (the source
     * twins' model; null when it is not known, then the name and properties are not checked and null is returned).
     */
    RelationshipSpec readRelationshipKeys(YamlFields item, String model) {
        String name = item.text("name", true);
        IdTemplate target = idTemplates.read(item, "target", true, true);
        IdTemplate id = idTemplates.read(item, "id", false, false);
        String stale = item.text("stale", false);
        if (stale != null && !stale.equals("keep") && !stale.equals("remove")) {
            problems.add(item.at("stale") + ": '" + stale + "' is not keep or remove; remove deletes the twin's '"
                    + name + "' relationships that the source no longer gives, keep (the default) leaves them");
        }
        DtdlRelationship relationship = null;
        if (name != null && model != null && models.contains(model)) {
            relationship = models.relationship(model, name).orElse(null);
            if (relationship == null) {
                String hint = models.property(model, name).isPresent()
                        ? "'" + name + "' is a property of " + model + "; map it under twin.properties"
                        : model + " (with the interfaces it extends) has no relationship '" + name
                                + "'; its relationships are " + models.relationshipNames(model) + incomplete(model);
                problems.add(item.at("name") + ": " + hint);
            }
        }
        List<PropertySpec> properties = new ArrayList<>();
        YamlFields mapped = item.object("properties", false);
        for (String key : mapped == null ? List.<String>of() : mapped.keys()) {
            String at = mapped.at(key);
            PropertySpec spec = valueSources.read(mapped, key, null, this::nulls);
            if (relationship == null || spec == null) {
                continue;
            }
            DtdlProperty property = relationship.properties().get(key);
            if (property == null) {
                problems.add(at + ": relationship '" + name + "' of " + model + " has no property '" + key
                        + "'; its properties are "
                        + List.copyOf(relationship.properties().keySet()));
            } else if (checkSchema(property, at)) {
                spec = valueSources.check(spec, target(property), at);
                if (spec != null) {
                    properties.add(spec);
                }
            }
        }
        return relationship == null || target == null
                ? null
                : new RelationshipSpec(name, target, id, properties, "remove".equals(stale));
    }

    /** Two mappings of one relationship with the same target and no explicit id would always collide. */
    private void checkDefaultIdsDiffer(YamlFields fields, List<RelationshipSpec> relationships) {
        Set<String> seen = new HashSet<>();
        for (RelationshipSpec r : relationships) {
            if (r.id() == null && !seen.add(r.name() + "\u0000" + r.target().text())) {
                problems.add(fields.at("relationships") + ": relationship '" + r.name() + "' is mapped twice to \""
                        + r.target().text() + "\"; give one of them an id template or remove the repeat");
            }
        }
    }
}
