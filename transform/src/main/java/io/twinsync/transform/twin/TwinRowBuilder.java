package io.twinsync.transform.twin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.rows.StagedRow;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.convert.UnconvertibleValueException;
import io.twinsync.transform.convert.ValueText;
import io.twinsync.transform.expression.ExpressionFailedException;
import io.twinsync.transform.mapping.NullHandling;
import io.twinsync.transform.validate.AdtLimits;
import io.twinsync.transform.validate.JsonSizeBound;
import io.twinsync.transform.validate.TwinIdRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one staged row into a twin file, or into the list of everything wrong with it. It checks the whole row
 * before giving up, so that one reject run shows every problem of a row, not just the first.
 */
final class TwinRowBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EntityPlan plan;
    /** The names of relationships with {@code stale: remove}: every twin file of the entity lists them in full. */
    private final List<String> ownedRelationships;

    /** The relationships of link rows, which the twin files of this entity list with their own. */
    private final LinkedRelationships links;

    TwinRowBuilder(EntityPlan plan) {
        this(plan, LinkedRelationships.NONE);
    }

    /** With the relationships link entities' rows give the twins of this entity. */
    TwinRowBuilder(EntityPlan plan, LinkedRelationships links) {
        this.plan = plan;
        this.links = links;
        List<String> owned = new ArrayList<>();
        plan.relationships().stream()
                .filter(RelationshipPlan::removeStale)
                .map(RelationshipPlan::name)
                .forEach(owned::add);
        owned.addAll(links.ownedNames(plan.entity()));
        this.ownedRelationships = owned.stream().distinct().toList();
    }

    /**
     * The result for a row: a twin file, or the problems (never both).
     *
     * @param twinId the row's twin id, or null when it has none (its id columns are NULL or give an invalid id)
     * @param linked how many of the file's relationships come from link entities' rows
     */
    record Result(TwinFile file, List<RowProblem> problems, String twinId, int linked) {

        Result(TwinFile file, List<RowProblem> problems, String twinId) {
            this(file, problems, twinId, 0);
        }
    }

    Result build(StagedRow row) {
        List<RowProblem> problems = new ArrayList<>();
        String twinId = twinId(row, problems);
        ObjectNode twin = NODES.objectNode();
        twin.put("$dtId", twinId);
        twin.putObject("$metadata").put("$model", plan.model());
        if (plan.deletion() != null && plan.deletion().deleted(row)) {
            // a tombstone: only the id matters; the writer deletes the relationships, then the twin
            links.take(plan.entity(), twinId); // its link relationships go with it
            return problems.isEmpty()
                    ? new Result(
                            TwinFile.of(plan.entity(), StagedValues.key(plan, row), true, twin, List.of(), List.of()),
                            List.of(),
                            twinId)
                    : new Result(null, problems, twinId);
        }
        List<String> removals = new ArrayList<>();
        // ADT needs every component of the model on the twin from its creation, at least as {"$metadata": {}}
        plan.components().forEach(name -> twin.putObject(name).putObject("$metadata"));
        List<String> wholeValues = new ArrayList<>();
        convertProperties(row, plan.properties(), twin, "", problems, removals, wholeValues);
        List<ObjectNode> relationships = new ArrayList<>();
        Set<String> relationshipIds = new HashSet<>();
        for (RelationshipPlan relationship : plan.relationships()) {
            ObjectNode document = relationship(row, relationship, problems);
            if (document == null) {
                continue;
            }
            String id = document.get("$relationshipId").asText();
            if (!relationshipIds.add(id)) {
                problems.add(new RowProblem(
                        RejectCode.DUPLICATE_RELATIONSHIP_ID,
                        relationship.name(),
                        id,
                        "Two relationships of twin " + twinId + " have the id '" + id + "'; give the relationship"
                                + " mappings id templates that differ"));
            }
            relationships.add(document);
        }
        if (problems.isEmpty()) {
            checkSize(twin, "$dtId", twinId, RejectCode.TWIN_TOO_LARGE, "Twin " + twinId, problems);
            for (ObjectNode r : relationships) {
                String name = r.get("$relationshipName").asText();
                checkSize(
                        r,
                        name,
                        r.get("$relationshipId").asText(),
                        RejectCode.RELATIONSHIP_TOO_LARGE,
                        "Relationship " + r.get("$relationshipId").asText() + " of twin " + twinId,
                        problems);
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems, twinId);
        }
        // checked when their rows were read; ids differ from the row's own, as no name is mapped both ways
        List<ObjectNode> linked = links.take(plan.entity(), twinId);
        relationships.addAll(linked);
        return new Result(
                TwinFile.of(
                        plan.entity(),
                        StagedValues.key(plan, row),
                        false,
                        twin,
                        relationships,
                        removals,
                        wholeValues,
                        ownedRelationships),
                List.of(),
                twinId,
                linked.size());
    }

    private String twinId(StagedRow row, List<RowProblem> problems) {
        BoundTemplate.Rendered id = plan.id().render(row);
        if (!id.complete()) {
            problems.add(new RowProblem(
                    RejectCode.MISSING_ID_VALUE,
                    String.join(",", id.nullColumns()),
                    null,
                    "The twin id template \"" + plan.id().text() + "\" needs " + id.nullColumns()
                            + ", which is NULL in this row, so the row cannot become a twin; fill the column in the"
                            + " source or leave such rows out in the source query"));
            return null;
        }
        Optional<String> violation = TwinIdRules.violation(id.text());
        violation.ifPresent(v -> problems.add(new RowProblem(
                RejectCode.INVALID_TWIN_ID,
                "$dtId",
                id.text(),
                "The twin id '" + id.text() + "' (from \"" + plan.id().text() + "\") is not valid: " + v
                        + "; fix the source value or the id template")));
        return violation.isPresent() ? null : id.text();
    }

    private ObjectNode relationship(StagedRow row, RelationshipPlan relationship, List<RowProblem> problems) {
        BoundTemplate.Rendered target = relationship.target().render(row);
        if (!target.complete()) {
            return null; // no target value: this row simply has no such relationship
        }
        String name = relationship.name();
        Optional<String> targetViolation = TwinIdRules.violation(target.text());
        if (targetViolation.isPresent()) {
            problems.add(new RowProblem(
                    RejectCode.INVALID_TARGET_ID,
                    name,
                    target.text(),
                    "The target id '" + target.text() + "' of relationship " + name + " (from \""
                            + relationship.target().text() + "\") is not valid: " + targetViolation.get()
                            + "; fix the source value or the target template"));
            return null;
        }
        String id = relationshipId(row, relationship, target.text(), problems);
        ObjectNode document = NODES.objectNode();
        document.put("$relationshipId", id);
        document.put("$targetId", target.text());
        document.put("$relationshipName", name);
        convertProperties(
                row, relationship.properties(), document, name + ".", problems, new ArrayList<>(), new ArrayList<>());
        return id == null ? null : document;
    }

    private String relationshipId(
            StagedRow row, RelationshipPlan relationship, String targetId, List<RowProblem> problems) {
        if (relationship.id() == null) {
            return RelationshipIds.defaultId(relationship.name(), targetId);
        }
        BoundTemplate.Rendered id = relationship.id().render(row);
        if (!id.complete()) {
            problems.add(new RowProblem(
                    RejectCode.MISSING_ID_VALUE,
                    String.join(",", id.nullColumns()),
                    null,
                    "The id template \"" + relationship.id().text() + "\" of relationship " + relationship.name()
                            + " needs " + id.nullColumns() + ", which is NULL in this row while the target is"
                            + " set; fill the column or leave it out of the id template"));
            return null;
        }
        Optional<String> violation = TwinIdRules.violation(id.text());
        if (violation.isPresent()) {
            problems.add(new RowProblem(
                    RejectCode.INVALID_RELATIONSHIP_ID,
                    relationship.name(),
                    id.text(),
                    "The id '" + id.text() + "' of relationship " + relationship.name() + " (from \""
                            + relationship.id().text() + "\") is not valid: " + violation.get()
                            + "; fix the source value or the id template"));
            return null;
        }
        return id.text();
    }

    private void convertProperties(
            StagedRow row,
            List<PropertyPlan> properties,
            ObjectNode into,
            String fieldPrefix,
            List<RowProblem> problems,
            List<String> removals,
            List<String> wholeValues) {
        for (PropertyPlan property : properties) {
            String field = fieldPrefix + property.property();
            Object value;
            try {
                value = property.value().read(row);
            } catch (ExpressionFailedException e) {
                problems.add(RowProblem.expressionFailed(field, property.value().describe(), e.getMessage()));
                continue;
            }
            if (value == null) {
                // NULL leaves the property out, so ADT keeps what it has, unless the mapping says to remove it
                if (property.nulls() == NullHandling.REMOVE) {
                    removals.add(property.path().pointer());
                }
                continue;
            }
            JsonNode converted;
            try {
                converted = property.value().convert(value, property.converter());
            } catch (UnconvertibleValueException e) {
                field += e.path() == null ? "" : e.path();
                problems.add(new RowProblem(
                        RejectCode.UNCONVERTIBLE_VALUE,
                        field,
                        ValueText.of(value),
                        property.value().describe() + " value '" + ValueText.of(value) + "' cannot become property "
                                + field + " (" + property.schema() + "): " + e.getMessage()
                                + "; fix the source value, or map a different column"));
                continue;
            }
            if (converted.isTextual() && AdtLimits.stringTooLong(converted.asText())) {
                problems.add(new RowProblem(
                        RejectCode.STRING_TOO_LONG,
                        field,
                        converted.asText(),
                        property.value().describe() + " gives property " + field + " a string of "
                                + AdtLimits.utf8Length(converted.asText()) + " bytes (UTF-8); ADT takes at most "
                                + AdtLimits.MAX_STRING_BYTES + "; shorten it in the source or the query"));
                continue;
            }
            DocumentPaths.set(into, property.path(), converted);
            if (converted.isObject()) {
                // an Object or Map the source gives whole: the writer replaces it, so keys it no longer has go
                wholeValues.add(property.path().pointer());
            }
        }
    }

    private static void checkSize(
            ObjectNode document, String field, String id, RejectCode code, String what, List<RowProblem> problems) {
        if (JsonSizeBound.atMost(document) <= AdtLimits.MAX_DOCUMENT_BYTES) {
            return; // the usual case, known without writing the document
        }
        int size;
        try {
            size = StagingJson.mapper().writeValueAsBytes(document).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a JSON tree", e);
        }
        if (size > AdtLimits.MAX_DOCUMENT_BYTES) {
            problems.add(new RowProblem(
                    code,
                    field,
                    id,
                    what + " is " + size + " bytes as JSON; ADT takes at most " + AdtLimits.MAX_DOCUMENT_BYTES
                            + "; map fewer or shorter properties"));
        }
    }
}
