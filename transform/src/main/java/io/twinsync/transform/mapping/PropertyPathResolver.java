package io.twinsync.transform.mapping;

import io.twinsync.dtdl.ModelSet;
import io.twinsync.dtdl.model.DtdlComponent;
import io.twinsync.dtdl.model.DtdlProperty;
import io.twinsync.dtdl.model.DtdlSchema;
import io.twinsync.transform.convert.ValueConverters;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Follows a property path ({@code nameplate.serialNumber}, {@code location.latitude}, {@code attributes.color})
 * through a model: the first segment is a property or a component (own or inherited); after a component comes one of
 * its interface's properties; after an Object comes one of its fields; after a Map comes a literal map key. Arrays,
 * primitives and enums have no parts.
 */
public final class PropertyPathResolver {

    /**
     * The map keys a path may name. DTDL leaves map keys free-form strings, but a key here must also be one segment
     * of a dotted path and a JSON Pointer segment ADT accepts, so it is kept to letters, digits, '_' and '-' and may
     * not start with '$' (ADT reserves those names).
     */
    static final Pattern MAP_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}");

    private PropertyPathResolver() {}

    /**
     * Where a path leads.
     *
     * @param target the path and the schema of the value there, or null when the path is wrong
     * @param problem why the path is wrong (without the place in the mapping), or null
     */
    public record Resolution(PropertyTarget target, String problem) {

        static Resolution found(PropertyTarget target) {
            return new Resolution(target, null);
        }

        static Resolution wrong(String problem) {
            return new Resolution(null, problem);
        }

        public boolean found() {
            return problem == null;
        }
    }

    /** Resolves the path against the model; the first segment must be a property or a component of it. */
    public static Resolution resolve(ModelSet models, String modelId, List<String> segments) {
        String first = segments.get(0);
        DtdlSchema schema;
        int next;
        DtdlComponent component = models.component(modelId, first).orElse(null);
        if (component != null) {
            String componentModel = component.interfaceId();
            if (segments.size() == 1) {
                return Resolution.wrong("'" + first + "' is a component of " + modelId + " (" + componentModel
                        + "); a component is not filled from one column: map its properties, such as " + first
                        + "." + firstOr(models.propertyNames(componentModel)) + "; its properties are "
                        + models.propertyNames(componentModel));
            }
            DtdlProperty property =
                    models.property(componentModel, segments.get(1)).orElse(null);
            if (property == null) {
                return Resolution.wrong("component '" + first + "' (" + componentModel + ") has no property '"
                        + segments.get(1) + "'; its properties are " + models.propertyNames(componentModel));
            }
            schema = property.schema();
            next = 2;
        } else {
            DtdlProperty property = models.property(modelId, first).orElse(null);
            if (property == null) {
                return Resolution.wrong(modelId + " (with the interfaces it extends) has no property or component '"
                        + first + "'; its properties are " + models.propertyNames(modelId) + " and its components "
                        + List.copyOf(models.components(modelId).keySet()));
            }
            schema = property.schema();
            next = 1;
        }
        for (int i = next; i < segments.size(); i++) {
            String inside = String.join(".", segments.subList(0, i));
            String segment = segments.get(i);
            if (schema instanceof DtdlSchema.ObjectSchema object) {
                schema = object.fields().get(segment);
                if (schema == null) {
                    return Resolution.wrong("'" + inside + "' is an Object with the fields "
                            + List.copyOf(object.fields().keySet()) + "; it has no field '" + segment + "'");
                }
            } else if (schema instanceof DtdlSchema.MapSchema map) {
                if (!MAP_KEY.matcher(segment).matches()) {
                    return Resolution.wrong("'" + segment + "' cannot be a key of the Map '" + inside + "'; use"
                            + " letters, digits, '_' and '-' (not starting with '-'), at most 64 characters");
                }
                schema = map.valueSchema();
            } else if (schema instanceof DtdlSchema.ArraySchema) {
                return Resolution.wrong("'" + inside + "' is an Array, whose elements cannot be mapped one by one;"
                        + " map '" + inside + "' itself from a column holding the whole array as JSON text");
            } else {
                return Resolution.wrong("'" + inside + "' is " + schema.describe() + ", which has no parts, so '"
                        + segment + "' cannot follow it");
            }
        }
        String path = String.join(".", segments);
        if (ValueConverters.unfillable(schema).isPresent()) {
            return Resolution.wrong("'" + path + "' has schema "
                    + ValueConverters.unfillable(schema).get()
                    + ", which transform cannot fill from a column; map primitive, Enum, Object, Map or Array values"
                    + " only");
        }
        return Resolution.found(new PropertyTarget(path, schema));
    }

    private static String firstOr(List<String> names) {
        return names.isEmpty() ? "name" : names.get(0);
    }
}
