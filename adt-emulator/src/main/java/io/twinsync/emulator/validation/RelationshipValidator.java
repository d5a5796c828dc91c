package io.twinsync.emulator.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.ModelSet;
import io.twinsync.dtdl.model.DtdlProperty;
import io.twinsync.dtdl.model.DtdlRelationship;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a relationship against the source twin's model: its name must be a Relationship declared on the
 * source's model or an interface it extends, the target twin must be of the declared target model (or extend it),
 * and its properties must be declared on the relationship.
 */
public final class RelationshipValidator {

    private RelationshipValidator() {}

    /** The twins at both ends, for validation and messages. */
    public record Ends(String sourceId, String sourceModel, String targetId, String targetModel) {}

    public static void validate(Ends ends, String name, ObjectNode properties, ModelSet catalog) {
        DtdlRelationship relationship = catalog.relationship(ends.sourceModel(), name)
                .orElseThrow(() -> new AdtException(
                        AdtError.INVALID_RELATIONSHIP,
                        "Relationship '" + name + "' is not defined on model " + ends.sourceModel()
                                + " of source twin '" + ends.sourceId() + "'; the model defines "
                                + catalog.relationshipNames(ends.sourceModel())));
        relationship.target().ifPresent(target -> {
            if (!catalog.isA(ends.targetModel(), target)) {
                throw new AdtException(
                        AdtError.INVALID_RELATIONSHIP,
                        "Relationship '" + name + "' of model " + ends.sourceModel() + " must target a twin of model "
                                + target + " (or one extending it), but target twin '" + ends.targetId()
                                + "' is of model " + ends.targetModel());
            }
        });
        List<String> problems = new ArrayList<>();
        SchemaValueChecker checker = new SchemaValueChecker(problems);
        properties.properties().forEach(entry -> {
            DtdlProperty property = relationship.properties().get(entry.getKey());
            if (property == null) {
                problems.add("Property '" + entry.getKey() + "' is not defined on relationship '" + name + "' of model "
                        + ends.sourceModel());
            } else {
                checker.check(property.schema(), entry.getValue(), entry.getKey());
            }
        });
        TwinValidator.throwIfAny("relationship", problems);
    }
}
