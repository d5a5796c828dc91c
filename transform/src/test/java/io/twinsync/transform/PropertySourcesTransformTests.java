package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties from templates, constants and expressions, through a whole transform. */
class PropertySourcesTransformTests {

    @TempDir
    Path dir;

    Batch batch;

    @BeforeEach
    void newBatch() {
        batch = TestBatches.newBatch(dir.resolve("staging"));
    }

    @Test
    void templateConstantAndExpressionFillTheirProperties() {
        // given a template, two constants and an expression
        Mapping mapping = TestMappings.thing(
                dir,
                """
                label: { template: "{First} {Last}" }
                text: { value: erp }
                level: { value: High }
                total: { expression: "#Amount * 100" }
                """,
                "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, First STRING, Last STRING, Amount DECIMAL")
                .row(1L, "A", "Ada", "Lovelace", new BigDecimal("12.34"))
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then each property has its value, converted to its schema
        JsonNode twin = TestBatches.twinFile(batch, "thing-A").twin();
        assertThat(twin.get("label").asText()).isEqualTo("Ada Lovelace");
        assertThat(twin.get("text").asText()).isEqualTo("erp");
        assertThat(twin.get("level").asText()).isEqualTo("high");
        assertThat(twin.get("total").isIntegralNumber()).isTrue();
        assertThat(twin.get("total").asLong()).isEqualTo(1234);
    }

    @Test
    void aTemplateWithANullColumnIsNullSoNullsApplies() {
        // given a template property whose NULL removes it
        Mapping mapping = TestMappings.thing(dir, "label: { template: \"{First} {Last}\", nulls: remove }", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, First STRING, Last STRING")
                .row(1L, "A", "Ada", null)
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the property is left out and goes into removals
        TwinFile file = TestBatches.twinFile(batch, "thing-A");
        assertThat(file.twin().has("label")).isFalse();
        assertThat(file.removals()).containsExactly("/label");
    }

    @Test
    void aTemplateIsConvertedToTheSchemaAsText() {
        // given a template into an integer property
        Mapping mapping = TestMappings.thing(dir, "count: { template: \"{Major}0{Minor}\" }", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Major INTEGER, Minor INTEGER")
                .row(1L, "A", 4L, 2L)
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the text became an integer
        assertThat(TestBatches.twinFile(batch, "thing-A").twin().get("count").asInt())
                .isEqualTo(402);
    }

    @Test
    void expressionResultsOfEachJavaTypeAreConvertedByTheirType() {
        // given expressions giving text, a whole number, an exact number, a boolean, a date and a timestamp
        Mapping mapping = TestMappings.thing(
                dir,
                """
                text: { expression: "#Code.toLowerCase()" }
                count: { expression: "#Code.length()" }
                ratio: { expression: "#Amount / 4" }
                flag: { expression: "#Amount > 1" }
                day: { expression: "#At.toLocalDate()" }
                at: { expression: "#At.plusHours(1)" }
                small: { expression: "0.1F" }
                """,
                "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Amount DECIMAL, At TIMESTAMP")
                .row(1L, "ABC", new BigDecimal("3.00"), LocalDateTime.parse("2024-03-31T12:30:00"))
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then each result went through the converter of its property's schema
        assertThat(TestBatches.rejects(batch)).isEmpty();
        JsonNode twin = TestBatches.twinFile(batch, "thing-ABC").twin();
        assertThat(twin.get("text").asText()).isEqualTo("abc");
        assertThat(twin.get("count").asInt()).isEqualTo(3);
        assertThat(twin.get("ratio").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(twin.get("flag").asBoolean()).isTrue();
        assertThat(twin.get("day").asText()).isEqualTo("2024-03-31");
        assertThat(twin.get("at").asText()).isEqualTo("2024-03-31T13:30:00Z");
        assertThat(twin.get("small").toString()).isEqualTo("0.1");
    }

    @Test
    void expressionColumnsAreFoundIgnoringCase() {
        // given staged columns in lower case, as PostgreSQL returns them, and an expression in mixed case
        Mapping mapping = TestMappings.thing(dir, "text: { expression: \"#AssetTag + '/' + #assetTAG\" }", "");
        TestBatches.rows("thing", "id", "id INTEGER, code STRING, assettag STRING")
                .row(1L, "A", "P-1")
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then both spellings read the one column
        assertThat(TestBatches.twinFile(batch, "thing-A").twin().get("text").asText())
                .isEqualTo("P-1/P-1");
    }

    @Test
    void aNullResultMeansNull() {
        // given an expression giving null, with nulls: remove
        Mapping mapping = TestMappings.thing(dir, "text: { expression: \"#Note?.trim()\", nulls: remove }", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Note STRING")
                .row(1L, "A", null)
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the property is removed, not rejected
        TwinFile file = TestBatches.twinFile(batch, "thing-A");
        assertThat(file.twin().has("text")).isFalse();
        assertThat(file.removals()).containsExactly("/text");
        assertThat(TestBatches.rejects(batch)).isEmpty();
    }

    @Test
    void aFailingExpressionRejectsTheRowAsExpressionFailed() {
        // given arithmetic on a column that is NULL in the first row
        Mapping mapping = TestMappings.thing(dir, "total: { expression: \"#Amount + 1\" }", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Amount INTEGER")
                .row(1L, "A", null)
                .row(2L, "B", 41L)
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the first row is rejected naming the property, the expression and why; the second goes through
        List<JsonNode> rejects = TestBatches.rejects(batch);
        assertThat(rejects).hasSize(1);
        JsonNode reject = rejects.get(0);
        assertThat(reject.get("code").asText()).isEqualTo("EXPRESSION_FAILED");
        assertThat(reject.get("field").asText()).isEqualTo("total");
        assertThat(reject.get("rowKey").get("Id").asLong()).isEqualTo(1);
        assertThat(reject.get("reason").asText()).contains("Expression \"#Amount + 1\"", "total", "null");
        assertThat(TestBatches.twinFile(batch, "thing-B").twin().get("total").asLong())
                .isEqualTo(42);
    }

    @Test
    void anExpressionResultTheSchemaCannotTakeIsUnconvertibleValue() {
        // given a boolean result for an integer, a fraction for an integer, and a list for a string
        Mapping mapping = TestMappings.thing(
                dir,
                """
                count: { expression: "#Amount > 1" }
                total: { expression: "#Amount / 4" }
                text: { expression: "{1, 2}" }
                """,
                "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Amount DECIMAL")
                .row(1L, "A", new BigDecimal("3.00"))
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then each is an UNCONVERTIBLE_VALUE naming the property, the expression and why
        List<JsonNode> rejects = TestBatches.rejects(batch);
        assertThat(rejects).extracting(r -> r.get("code").asText()).containsOnly("UNCONVERTIBLE_VALUE");
        assertThat(rejects).extracting(r -> r.get("field").asText()).containsExactly("count", "total", "text");
        assertThat(rejects.get(0).get("reason").asText()).contains("Expression \"#Amount > 1\"", "boolean");
        assertThat(rejects.get(1).get("reason").asText()).contains("0.75", "fractional");
        assertThat(rejects.get(2).get("reason").asText()).contains("java.util");
    }

    @Test
    void relationshipPropertiesTakeTheSameSources() {
        // given relationship properties from a constant, a template and an expression
        Mapping mapping = TestMappings.thing(
                dir,
                "",
                """
                - name: linksTo
                  target: "thing-{Link}"
                  properties:
                    since: { expression: "#At.toLocalDate()" }
                    note1: { value: erp }
                    note2: { template: "{Code}->{Link}" }
                """);
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Link STRING, At TIMESTAMP")
                .row(1L, "A", "B", LocalDateTime.parse("2024-03-31T12:30:00"))
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the relationship carries them
        ObjectNode relationship =
                TestBatches.twinFile(batch, "thing-A").relationships().get(0);
        assertThat(relationship.get("since").asText()).isEqualTo("2024-03-31");
        assertThat(relationship.get("note1").asText()).isEqualTo("erp");
        assertThat(relationship.get("note2").asText()).isEqualTo("A->B");
    }

    @Test
    void anExpressionOrTemplateColumnMissingFromTheRowsFailsAtStart() {
        // given an expression and a template over columns the rows lack
        Mapping mapping =
                TestMappings.thing(dir, "total: { expression: \"#Amount * 2\" }\nlabel: { template: \"{First}\" }", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING").row(1L, "A").stageInto(batch);

        // when transformed, then the run fails naming both columns
        assertThatThrownBy(() -> new TwinTransformer(mapping).transform(batch))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("twin.properties.total", "column 'Amount'"))
                        .anySatisfy(p -> assertThat(p).contains("twin.properties.label", "column 'First'")));
    }
}
