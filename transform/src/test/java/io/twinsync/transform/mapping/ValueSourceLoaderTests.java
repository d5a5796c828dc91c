package io.twinsync.transform.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.rows.ValueType;
import io.twinsync.transform.TestMappings;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading each property source (column, template, value, expression) and refusing each wrong combination. */
class ValueSourceLoaderTests {

    @TempDir
    Path dir;

    @Test
    void eachSourceIsLoaded() {
        // given a twin property of each source, and relationship properties in the long form
        Mapping mapping = TestMappings.thing(
                dir,
                """
                label: { template: "{First} {Last}", nulls: remove }
                text: { column: Text }
                count: { value: 3 }
                ratio: { value: 0.25 }
                flag: { value: true }
                level: { value: High }
                total: { expression: "#Amount * 100" }
                """,
                """
                - name: linksTo
                  target: "thing-{Link}"
                  properties:
                    since: { value: "2024-03-31" }
                    note1: { template: "by {Last}" }
                    note2: { expression: "#Last?.toUpperCase()" }
                """);

        // when loaded, then each property has its source, constants typed as staged values
        TwinSpec twin = mapping.entities().get(0).twin();
        assertThat(twin.properties())
                .extracting(PropertySpec::source)
                .satisfiesExactly(
                        s -> assertThat(((ValueSource.Template) s).template().columns())
                                .containsExactly("First", "Last"),
                        s -> assertThat(s).isEqualTo(new ValueSource.Column("Text")),
                        s -> assertThat(s).isEqualTo(new ValueSource.Constant(ValueType.INTEGER, 3L)),
                        s -> assertThat(s)
                                .isEqualTo(new ValueSource.Constant(ValueType.DECIMAL, new BigDecimal("0.25"))),
                        s -> assertThat(s).isEqualTo(new ValueSource.Constant(ValueType.BOOLEAN, true)),
                        s -> assertThat(s).isEqualTo(new ValueSource.Constant(ValueType.STRING, "High")),
                        s -> assertThat(((ValueSource.Expression) s)
                                        .expression()
                                        .variables())
                                .containsExactly("Amount"));
        assertThat(twin.properties().get(0).nulls()).isEqualTo(NullHandling.REMOVE);
        RelationshipSpec links = mapping.entities().get(0).relationships().get(0);
        assertThat(links.properties()).hasSize(3);
        assertThat(mapping.entities().get(0).columns())
                .contains("First", "Last", "Text", "Amount")
                .doesNotContain("3");
    }

    @Test
    void aPropertyNeedsExactlyOneSource() {
        // given a property with two sources and one with none
        Path file = TestMappings.write(dir, thing("label: { column: Label, value: x }\n        text: { nulls: keep }"));

        // when loaded, then both are refused, naming the property and the keys
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p)
                                .contains("twin.properties.label", "give exactly one of", "not [column, value]"))
                        .anySatisfy(p -> assertThat(p).contains("twin.properties.text", "give exactly one of")));
    }

    @Test
    void aConstantThatCannotFitItsSchemaFailsTheLoad() {
        // given constants that do not fit: text for an integer, a fraction for an integer, an unknown enum value
        Path file = TestMappings.write(
                dir, thing("count: { value: many }\n        total: { value: 1.5 }\n        level: { value: Medium }"));

        // when loaded, then each is refused, naming the entity, the property, the value and the schema
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .hasSize(3)
                        .anySatisfy(p -> assertThat(p)
                                .startsWith("entity 'thing': twin.properties.count.value")
                                .contains("'many'", "integer"))
                        .anySatisfy(p -> assertThat(p).contains("twin.properties.total.value", "'1.5'", "long"))
                        .anySatisfy(p -> assertThat(p).contains("twin.properties.level.value", "'Medium'")));
    }

    @Test
    void aConstantMustBeAScalar() {
        // given a list and a null as constants
        Path file = TestMappings.write(dir, thing("count: { value: [1, 2] }\n        text: { value: null }"));

        // when loaded, then both are refused
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("count.value: must be a text, number or boolean"))
                        .anySatisfy(p -> assertThat(p).contains("text.value: must be a text, number or boolean")));
    }

    @Test
    void anExpressionThatDoesNotParseFailsTheLoadWithItsPosition() {
        // given an expression with a syntax error
        Path file = TestMappings.write(dir, thing("count: { expression: \"#Amount * * 2\" }"));

        // when loaded, then the problem names the property, the expression and the position
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("twin.properties.count.expression")
                .hasMessageContaining("#Amount * * 2")
                .hasMessageContaining("does not parse at position");
    }

    @Test
    void anExpressionOutsideTheSandboxFailsTheLoad() {
        // given an expression with a type reference
        Path file = TestMappings.write(dir, thing("text: { expression: \"T(java.lang.System).getenv('HOME')\" }"));

        // when loaded, then it is refused
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("twin.properties.text.expression")
                .hasMessageContaining("type reference");
    }

    @Test
    void aTemplateMustUseAColumnAndParse() {
        // given a template without a column and one with an unclosed brace
        Path file = TestMappings.write(dir, thing("label: { template: fixed }\n        text: { template: \"{Code\" }"));

        // when loaded, then both are refused
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("label.template", "uses no column", "value:"))
                        .anySatisfy(p -> assertThat(p).contains("text.template", "is not closed")));
    }

    @Test
    void relationshipPropertiesTakeNoNulls() {
        // given a relationship property with nulls
        Path file = TestMappings.write(
                dir,
                thing("label: Label")
                        + "    relationships:\n      - name: linksTo\n        target: \"thing-{Link}\"\n"
                        + "        properties:\n          note1: { column: Note, nulls: remove }\n");

        // when loaded, then nulls is an unknown key there
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("properties.note1.nulls: unknown key");
    }

    private static String thing(String properties) {
        return """
                  - name: thing
                    source: { table: Thing, key: Id }
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code}"
                      properties:
                        %s
                """
                .formatted(properties);
    }
}
