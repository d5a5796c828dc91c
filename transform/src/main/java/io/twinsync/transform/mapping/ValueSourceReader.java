package io.twinsync.transform.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.rows.ValueType;
import io.twinsync.transform.convert.UnconvertibleValueException;
import io.twinsync.transform.convert.ValueConverter;
import io.twinsync.transform.convert.ValueConverters;
import io.twinsync.transform.convert.ValueText;
import io.twinsync.transform.expression.ExpressionSandbox;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a mapped property: the short form ({@code name: Column}) or the long form with exactly one source
 * ({@code column}, {@code template}, {@code value} or {@code expression}) and, for twin properties, {@code nulls}.
 * Constants are converted to the property's schema here, so a constant that cannot fit fails the load.
 */
final class ValueSourceReader {

    static final List<String> SOURCE_KEYS = List.of("column", "template", "value", "expression");
    static final Set<String> TWIN_PROPERTY_KEYS = Set.of("column", "template", "value", "expression", "nulls");
    static final Set<String> RELATIONSHIP_PROPERTY_KEYS = Set.of("column", "template", "value", "expression");

    private final MappingProblems problems;

    ValueSourceReader(MappingProblems problems) {
        this.problems = problems;
    }

    /**
     * Reads the property {@code name} of {@code mapped}; {@code defaultNulls} is null for relationship properties,
     * which take no {@code nulls}. Returns null, having reported why, when it is wrong.
     */
    PropertySpec read(YamlFields mapped, String name, NullHandling defaultNulls, NullHandlingReader nulls) {
        NullHandling fallback = defaultNulls == null ? NullHandling.KEEP : defaultNulls;
        if (!mapped.isObject(name)) {
            String column = mapped.text(name, true);
            return column == null ? null : new PropertySpec(name, column.trim(), fallback);
        }
        YamlFields longForm = mapped.object(name, true);
        longForm.allowOnly(defaultNulls == null ? RELATIONSHIP_PROPERTY_KEYS : TWIN_PROPERTY_KEYS);
        if (longForm.keys().contains("value") && !longForm.isPresent("value")) {
            problems.add(longForm.at("value") + ": must be a text, number or boolean, found null; a constant NULL"
                    + " would never set the property, so leave the property unmapped instead");
            return null;
        }
        List<String> given = SOURCE_KEYS.stream().filter(longForm::isPresent).toList();
        NullHandling handling = defaultNulls == null ? fallback : nulls.read(longForm, defaultNulls);
        if (given.size() != 1) {
            problems.add(
                    longForm.here() + ": give exactly one of " + SOURCE_KEYS + (given.isEmpty() ? "" : ", not " + given)
                            + " (a column, a template over columns, a constant value or an expression)");
            return null;
        }
        ValueSource source =
                switch (given.get(0)) {
                    case "column" -> column(longForm);
                    case "template" -> template(longForm);
                    case "value" -> constant(longForm);
                    default -> expression(longForm);
                };
        return source == null ? null : new PropertySpec(name, source, handling);
    }

    /**
     * Checks a property's source against its schema: a constant must convert, and a template's text must be
     * something the schema takes from text. Returns the spec to keep, or null having reported why.
     */
    PropertySpec check(PropertySpec spec, PropertyTarget property, String at) {
        ValueConverter converter = ValueConverters.forSchema(property.schema());
        if (spec.source() instanceof ValueSource.Constant constant) {
            String text = ValueText.of(constant.value());
            if (!converter.accepts(constant.type())) {
                problems.add(at + ".value: " + constant.type().name().toLowerCase(Locale.ROOT) + " '"
                        + text + "' cannot become property '" + property.path() + "' ("
                        + property.schema().describe() + "); give a value of a fitting type");
                return null;
            }
            try {
                converter.convert(constant.value()); // the string length limit is checked per row, as for columns
            } catch (UnconvertibleValueException e) {
                problems.add(at + ".value: '" + text + "' cannot become property '" + property.path() + "' ("
                        + property.schema().describe() + "): " + e.getMessage() + "; give a value that fits");
                return null;
            }
        }
        if (spec.source() instanceof ValueSource.Template && !converter.accepts(ValueType.STRING)) {
            problems.add(at + ".template: property '" + property.path() + "' ("
                    + property.schema().describe() + ") cannot be filled from text; use column or expression");
            return null;
        }
        return spec;
    }

    private ValueSource column(YamlFields longForm) {
        String column = longForm.text("column", true);
        return column == null ? null : new ValueSource.Column(column.trim());
    }

    private ValueSource template(YamlFields longForm) {
        String text = longForm.text("template", true);
        if (text == null) {
            return null;
        }
        try {
            IdTemplate template = IdTemplate.parse(text);
            if (template.columns().isEmpty()) {
                problems.add(longForm.at("template") + ": \"" + text + "\" uses no column; for a constant use"
                        + " value: instead");
                return null;
            }
            return new ValueSource.Template(template);
        } catch (IllegalArgumentException e) {
            problems.add(longForm.at("template") + ": " + e.getMessage());
            return null;
        }
    }

    private ValueSource constant(YamlFields longForm) {
        JsonNode node = longForm.scalar("value");
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return new ValueSource.Constant(ValueType.BOOLEAN, node.booleanValue());
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return new ValueSource.Constant(ValueType.INTEGER, node.longValue());
        }
        if (node.isNumber()) {
            if (node.isDouble() && !Double.isFinite(node.doubleValue())) {
                problems.add(longForm.at("value") + ": " + node + " is not a finite number");
                return null;
            }
            return new ValueSource.Constant(ValueType.DECIMAL, node.decimalValue());
        }
        return new ValueSource.Constant(ValueType.STRING, node.asText());
    }

    private ValueSource expression(YamlFields longForm) {
        String text = longForm.text("expression", true);
        if (text == null) {
            return null;
        }
        try {
            return new ValueSource.Expression(ExpressionSandbox.parse(text));
        } catch (IllegalArgumentException e) {
            problems.add(longForm.at("expression") + ": " + e.getMessage());
            return null;
        }
    }

    /** Reads {@code nulls} with a default, reporting a bad value (EntityReader's rule, shared). */
    @FunctionalInterface
    interface NullHandlingReader {
        NullHandling read(YamlFields fields, NullHandling otherwise);
    }
}
