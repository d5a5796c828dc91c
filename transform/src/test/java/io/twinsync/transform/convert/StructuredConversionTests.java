package io.twinsync.transform.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.twinsync.dtdl.model.DtdlSchema;
import io.twinsync.dtdl.model.PrimitiveSchema;
import io.twinsync.staging.rows.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Object, Map and Array values from a text column holding JSON, each leaf converted and checked. */
class StructuredConversionTests {

    private static final DtdlSchema DOUBLE = new DtdlSchema.Primitive(PrimitiveSchema.DOUBLE);
    private static final DtdlSchema STRING = new DtdlSchema.Primitive(PrimitiveSchema.STRING);
    private static final DtdlSchema UNIT = new DtdlSchema.EnumSchema(
            null,
            PrimitiveSchema.STRING,
            List.of(new DtdlSchema.EnumValue("Celsius", "C"), new DtdlSchema.EnumValue("Kelvin", "K")));

    private final ValueConverter location = ValueConverters.forSchema(object(
            "latitude",
            DOUBLE,
            "longitude",
            DOUBLE,
            "address",
            object("city", STRING, "since", prim(PrimitiveSchema.DATE))));
    private final ValueConverter readings =
            ValueConverters.forSchema(new DtdlSchema.MapSchema(null, "sensor", object("value", DOUBLE, "unit", UNIT)));
    private final ValueConverter limits =
            ValueConverters.forSchema(new DtdlSchema.ArraySchema(null, prim(PrimitiveSchema.INTEGER)));

    @Test
    void acceptsOnlyTextColumns() {
        assertThat(location.accepts(ValueType.STRING)).isTrue();
        assertThat(location.accepts(ValueType.INTEGER)).isFalse();
    }

    @Test
    void objectIsConvertedFieldByField() {
        // when a JSON object with a nested object and a date as text
        String json = location.convert(
                        "{\"latitude\": 51.92, \"longitude\": 4, \"address\": {\"city\": \"Rotterdam\", \"since\": \"2020-01-02\"}}")
                .toString();

        // then every leaf is converted by its schema, as a column of that value would be (the date stays ISO text)
        assertThat(json)
                .isEqualTo(
                        "{\"latitude\":51.92,\"longitude\":4,\"address\":{\"city\":\"Rotterdam\",\"since\":\"2020-01-02\"}}");
    }

    @Test
    void nullObjectFieldIsLeftOut() {
        assertThat(location.convert("{\"latitude\": 1.5, \"longitude\": null}").toString())
                .isEqualTo("{\"latitude\":1.5}");
    }

    @Test
    void unknownObjectFieldIsRefusedNamingItsPath() {
        UnconvertibleValueException e = refused(location, "{\"address\": {\"street\": \"x\"}}");
        assertThat(e.path()).isEqualTo(".address.street");
        assertThat(e).hasMessageContaining("no field 'street'").hasMessageContaining("[city, since]");
    }

    @Test
    void wrongLeafTypeIsRefusedNamingItsPath() {
        UnconvertibleValueException e = refused(location, "{\"latitude\": true}");
        assertThat(e.path()).isEqualTo(".latitude");
        assertThat(e).hasMessageContaining("double");
    }

    @Test
    void aNumberWithAHugeExponentIsRefusedWithoutWritingItOut() {
        // 1e999999999 written out in full would take a gigabyte; it must be a reject, not an OutOfMemoryError
        UnconvertibleValueException e = refused(location, "{\"latitude\": 1e999999999}");
        assertThat(e.path()).isEqualTo(".latitude");
        assertThat(e.getMessage()).contains("beyond any DTDL numeric schema").hasSizeLessThan(200);
        assertThat(refused(limits, "[1, 1e-999999999]").path()).isEqualTo("[1]");
    }

    @Test
    void numberForAStringFieldIsRefused() {
        UnconvertibleValueException e = refused(location, "{\"address\": {\"city\": 12}}");
        assertThat(e.path()).isEqualTo(".address.city");
        assertThat(e).hasMessageContaining("expected a JSON string");
    }

    @Test
    void objectWhereAnObjectIsExpectedMustBeAnObject() {
        UnconvertibleValueException e = refused(location, "[1, 2]");
        assertThat(e.path()).isNull();
        assertThat(e).hasMessageContaining("expected an object, found array");
    }

    @Test
    void invalidJsonIsRefused() {
        assertThat(refused(location, "{\"latitude\": ")).hasMessageContaining("not valid JSON");
    }

    @Test
    void mapOfObjectsConvertsEnumsByNameOrValue() {
        assertThat(readings.convert(
                                "{\"inlet\": {\"value\": 20.5, \"unit\": \"Celsius\"}, \"outlet\": {\"unit\": \"K\"}}")
                        .toString())
                .isEqualTo("{\"inlet\":{\"value\":20.5,\"unit\":\"C\"},\"outlet\":{\"unit\":\"K\"}}");
    }

    @Test
    void badEnumInAMapIsRefusedNamingKeyAndField() {
        UnconvertibleValueException e = refused(readings, "{\"inlet\": {\"unit\": \"F\"}}");
        assertThat(e.path()).isEqualTo(".inlet.unit");
        assertThat(e).hasMessageContaining("none of the enum's names");
    }

    @Test
    void mapKeyStartingWithDollarIsRefused() {
        UnconvertibleValueException e = refused(readings, "{\"$inlet\": {\"value\": 1}}");
        assertThat(e.path()).isEqualTo(".$inlet");
    }

    @Test
    void arrayKeepsElementOrder() {
        assertThat(limits.convert("[3, 1, 2]").toString()).isEqualTo("[3,1,2]");
    }

    @Test
    void wrongArrayElementIsRefusedNamingItsIndex() {
        UnconvertibleValueException e = refused(limits, "[1, 2.5]");
        assertThat(e.path()).isEqualTo("[1]");
    }

    @Test
    void nullArrayElementIsRefused() {
        assertThat(refused(limits, "[1, null]").path()).isEqualTo("[1]");
    }

    @Test
    void objectWhereAnArrayIsExpectedIsRefused() {
        assertThat(refused(limits, "{\"a\": 1}")).hasMessageContaining("expected a JSON array");
    }

    private static UnconvertibleValueException refused(ValueConverter converter, String json) {
        UnconvertibleValueException e =
                catchThrowableOfType(UnconvertibleValueException.class, () -> converter.convert(json));
        assertThat(e).as("'%s' should be refused", json).isNotNull();
        return e;
    }

    private static DtdlSchema prim(PrimitiveSchema kind) {
        return new DtdlSchema.Primitive(kind);
    }

    private static DtdlSchema.ObjectSchema object(Object... nameSchemaPairs) {
        Map<String, DtdlSchema> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameSchemaPairs.length; i += 2) {
            fields.put((String) nameSchemaPairs[i], (DtdlSchema) nameSchemaPairs[i + 1]);
        }
        return new DtdlSchema.ObjectSchema(null, fields);
    }
}
