package io.twinsync.transform.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.dtdl.model.DtdlSchema;
import io.twinsync.dtdl.model.PrimitiveSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnumConversionTests {

    private final ValueConverter status = ValueConverters.forSchema(new DtdlSchema.EnumSchema(
            "dtmi:t:Status;1",
            PrimitiveSchema.STRING,
            List.of(new DtdlSchema.EnumValue("Running", "running"), new DtdlSchema.EnumValue("Idle", "idle"))));

    private final ValueConverter priority = ValueConverters.forSchema(new DtdlSchema.EnumSchema(
            null,
            PrimitiveSchema.INTEGER,
            List.of(new DtdlSchema.EnumValue("Low", 1L), new DtdlSchema.EnumValue("High", 2L))));

    @Test
    void erpValueMatchingAnEnumNameBecomesItsValue() {
        assertThat(status.convert("Running").asText()).isEqualTo("running");
    }

    @Test
    void enumValueIsKept() {
        assertThat(status.convert("idle").asText()).isEqualTo("idle");
    }

    @Test
    void caseAndPaddingAreIgnoredWhenOnlyOneValueMatches() {
        assertThat(status.convert(" IDLE ").asText()).isEqualTo("idle");
    }

    @Test
    void unknownValueIsAnErrorListingTheChoices() {
        assertThatThrownBy(() -> status.convert("Stopped"))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessage("'Stopped' is none of the enum's names [Running, Idle] or values [running, idle]");
    }

    @Test
    void anEnumWhoseNamesAreItsValuesListsThemOnce() {
        // given an Enum as RealEstateCore writes them: each name equal to its value
        ValueConverter substance = ValueConverters.forSchema(new DtdlSchema.EnumSchema(
                null,
                PrimitiveSchema.STRING,
                List.of(new DtdlSchema.EnumValue("Water", "Water"), new DtdlSchema.EnumValue("Steam", "Steam"))));

        // when / then
        assertThatThrownBy(() -> substance.convert("Lava"))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessage("'Lava' is none of the enum's values [Water, Steam]");
    }

    @Test
    void integerEnumTakesNamesAndNumbers() {
        assertThat(priority.convert("High").toString()).isEqualTo("2");
        assertThat(priority.convert(1L).toString()).isEqualTo("1");
        assertThat(priority.convert("2").toString()).isEqualTo("2");
        assertThatThrownBy(() -> priority.convert(3L)).isInstanceOf(UnconvertibleValueException.class);
    }
}
