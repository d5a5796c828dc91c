package io.twinsync.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.ModelSet;
import io.twinsync.dtdl.model.DtdlComponent;
import io.twinsync.dtdl.model.DtdlProperty;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a twin's contents (its properties and components, without {@code $} keys) against its model: every
 * property must be declared on the model or an interface it extends and match its schema, and every component the
 * model declares must be present.
 */
public final class TwinValidator {

    private TwinValidator() {}

    public static void validate(String twinId, String modelId, ObjectNode contents, ModelSet catalog) {
        if (!catalog.contains(modelId)) {
            throw new AdtException(
                    AdtError.VALIDATION_FAILED,
                    "Invalid twin specified: twin '" + twinId + "' uses model " + modelId
                            + ", which is not uploaded (or was deleted). Upload the model first.");
        }
        List<String> problems = new ArrayList<>();
        SchemaValueChecker checker = new SchemaValueChecker(problems);
        Map<String, DtdlComponent> components = catalog.components(modelId);
        contents.properties().forEach(entry -> {
            DtdlComponent component = components.get(entry.getKey());
            if (component != null) {
                checkComponent(component, entry.getValue(), catalog, checker, problems);
            } else {
                checkProperty(modelId, entry.getKey(), entry.getValue(), catalog, checker, problems);
            }
        });
        for (DtdlComponent component : components.values()) {
            if (!contents.has(component.name())) {
                problems.add("Twin is missing component '" + component.name() + "' (" + component.interfaceId()
                        + "); send it at least as {\"$metadata\":{}}");
            }
        }
        throwIfAny(twinId, problems);
    }

    static void throwIfAny(String subject, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AdtException(
                    AdtError.VALIDATION_FAILED,
                    "Invalid " + subject + " specified: " + String.join("; ", problems),
                    problems);
        }
    }

    private static void checkProperty(
            String modelId,
            String name,
            JsonNode value,
            ModelSet catalog,
            SchemaValueChecker checker,
            List<String> problems) {
        Optional<DtdlProperty> property = catalog.property(modelId, name);
        if (property.isEmpty()) {
            problems.add(
                    "Property '" + name + "' is not defined on model " + modelId + " or the interfaces it extends");
            return;
        }
        checker.check(property.get().schema(), value, name);
    }

    private static void checkComponent(
            DtdlComponent component,
            JsonNode value,
            ModelSet catalog,
            SchemaValueChecker checker,
            List<String> problems) {
        if (!value.isObject()) {
            problems.add("Component '" + component.name() + "' must be a JSON object");
            return;
        }
        value.properties().forEach(entry -> {
            if (!entry.getKey().startsWith("$")) {
                String path = component.name() + "." + entry.getKey();
                Optional<DtdlProperty> property = catalog.property(component.interfaceId(), entry.getKey());
                if (property.isEmpty()) {
                    problems.add(
                            "Property '" + path + "' is not defined on component interface " + component.interfaceId());
                } else {
                    checker.check(property.get().schema(), entry.getValue(), path);
                }
            }
        });
    }
}
