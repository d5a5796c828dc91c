package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each reason a row is set aside: a reject with entity, row number, key, field, value, code and reason. */
class TwinTransformerRejectTests {

    @TempDir
    Path dir;

    Batch batch;

    @BeforeEach
    void newBatch() {
        batch = TestBatches.newBatch(dir.resolve("staging"));
    }

    @Test
    void nullIdColumnIsMissingIdValue() {
        // given a row whose id column is NULL
        Mapping mapping = TestMappings.thing(dir, "label: Label", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Label STRING")
                .row(7L, null, "no code")
                .stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping).transform(batch);

        // then the row is rejected, naming the entity, row, key and the NULL column, and no twin is written
        JsonNode reject = onlyReject();
        assertThat(reject.get("stage").asText()).isEqualTo("transform");
        assertThat(reject.get("entity").asText()).isEqualTo("thing");
        assertThat(reject.get("rowNumber").asLong()).isEqualTo(1);
        assertThat(reject.get("rowKey").get("Id").asLong()).isEqualTo(7);
        assertThat(reject.get("field").asText()).isEqualTo("Code");
        assertThat(reject.get("code").asText()).isEqualTo("MISSING_ID_VALUE");
        assertThat(reject.get("reason").asText()).contains("thing-{Code}", "NULL");
        assertThat(summary.twinFiles()).isZero();
        assertThat(summary.rowsRejected()).isEqualTo(1);
        assertThat(batch.list(BatchLayout.TWINS)).isEmpty();
    }

    @Test
    void idWithAControlCharacterIsInvalidTwinId() {
        // given a code with a tab in it
        Mapping mapping = TestMappings.thing(dir, "", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING")
                .row(1L, "A\tB")
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the id is rejected with the rule it breaks
        JsonNode reject = onlyReject();
        assertThat(reject.get("code").asText()).isEqualTo("INVALID_TWIN_ID");
        assertThat(reject.get("field").asText()).isEqualTo("$dtId");
        assertThat(reject.get("value").asText()).isEqualTo("thing-A\tB");
        assertThat(reject.get("reason").asText()).contains("U+0009");
    }

    @Test
    void valueThatDoesNotFitItsSchemaIsUnconvertibleValue() {
        // given a fractional DECIMAL mapped to an integer property
        Mapping mapping = TestMappings.thing(dir, "count: Amount", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Amount DECIMAL")
                .row(1L, "A", new BigDecimal("1.5"))
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the reject names the property, the column, the value and the target schema; nothing is rounded
        JsonNode reject = onlyReject();
        assertThat(reject.get("code").asText()).isEqualTo("UNCONVERTIBLE_VALUE");
        assertThat(reject.get("field").asText()).isEqualTo("count");
        assertThat(reject.get("value").asText()).isEqualTo("1.5");
        assertThat(reject.get("reason").asText()).contains("Amount", "count", "integer", "fractional");
        assertThat(batch.list(BatchLayout.TWINS)).isEmpty();
    }

    @Test
    void stringOverFourKilobytesIsStringTooLong() {
        // given a 4,097-byte text
        Mapping mapping = TestMappings.thing(dir, "text: Text", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Text STRING")
                .row(1L, "A", "x".repeat(4097))
                .row(2L, "B", "x".repeat(4096))
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then only the string over ADT's 4 KB limit is rejected
        JsonNode reject = onlyReject();
        assertThat(reject.get("code").asText()).isEqualTo("STRING_TOO_LONG");
        assertThat(reject.get("field").asText()).isEqualTo("text");
        assertThat(reject.get("rowKey").get("Id").asLong()).isEqualTo(1);
        assertThat(TestBatches.twinFile(batch, "thing-B").twin().get("text").asText())
                .hasSize(4096);
    }

    @Test
    void aReasonQuotesALongValueShortenedAndTheValueFieldKeepsTwoHundredCharacters() {
        // given a 5,000-character text for an integer property, and a 1,001-character id with a control character
        Mapping mapping = TestMappings.thing(dir, "count: Text", "");
        String longText = "9".repeat(4999) + "x";
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Text STRING")
                .row(1L, "A", longText)
                .row(2L, "\t" + "c".repeat(1000), "1")
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then each reason quotes the value cut to 80 characters with its length, and says what to do
        var rejects = TestBatches.rejects(batch);
        assertThat(rejects).hasSize(2);
        JsonNode unconvertible = rejects.get(0);
        assertThat(unconvertible.get("code").asText()).isEqualTo("UNCONVERTIBLE_VALUE");
        assertThat(unconvertible.get("reason").asText())
                .contains("9".repeat(80) + "...(5000 characters)")
                .doesNotContain("9".repeat(81))
                .endsWith("or map a different column")
                .hasSizeLessThan(800);
        assertThat(unconvertible.get("value").asText()).startsWith("9".repeat(200) + "...");
        JsonNode invalidId = rejects.get(1);
        assertThat(invalidId.get("code").asText()).isEqualTo("INVALID_TWIN_ID");
        assertThat(invalidId.get("reason").asText())
                .contains("...(1007 characters)")
                .hasSizeLessThan(500);
    }

    @Test
    void twinOverThirtyTwoKilobytesIsTwinTooLarge() {
        // given nine strings of 4,000 characters: each fits, together they pass 32 KB
        Mapping mapping = TestMappings.thing(dir, notes("notes", "Note"), "");
        TestBatches.Rows rows = TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING" + stringColumns("Note", 9));
        rows.row(values(1L, "A", "n".repeat(4000), 9)).stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the twin is rejected with its size
        JsonNode reject = onlyReject();
        assertThat(reject.get("code").asText()).isEqualTo("TWIN_TOO_LARGE");
        assertThat(reject.get("value").asText()).isEqualTo("thing-A");
        assertThat(reject.get("reason").asText()).contains("32768");
    }

    @Test
    void relationshipOverThirtyTwoKilobytesIsRelationshipTooLarge() {
        // given a relationship with nine property strings of 4,000 characters
        Mapping mapping = TestMappings.thing(
                dir,
                "",
                "- name: linksTo\n  target: \"thing-{Link}\"\n  properties:\n" + indent(notes("note", "Note")));
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Link STRING" + stringColumns("Note", 9))
                .row(values(1L, "A", "B", "n".repeat(4000), 9))
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the row is rejected for the relationship's size
        JsonNode reject = onlyReject();
        assertThat(reject.get("code").asText()).isEqualTo("RELATIONSHIP_TOO_LARGE");
        assertThat(reject.get("field").asText()).isEqualTo("linksTo");
        assertThat(reject.get("value").asText()).isEqualTo("linksTo-thing-B");
    }

    @Test
    void secondRowWithTheSameTwinIdIsDuplicateTwinIdAndTheFirstIsKept() {
        // given two rows that produce the same twin id
        Mapping mapping = TestMappings.thing(dir, "label: Label", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Label STRING")
                .row(1L, "A", "first")
                .row(2L, "A", "second")
                .stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping).transform(batch);

        // then the first row's twin is written and the second is rejected, naming both row keys
        assertThat(TestBatches.twinFile(batch, "thing-A").twin().get("label").asText())
                .isEqualTo("first");
        JsonNode reject = onlyReject();
        assertThat(reject.get("code").asText()).isEqualTo("DUPLICATE_TWIN_ID");
        assertThat(reject.get("rowNumber").asLong()).isEqualTo(2);
        assertThat(reject.get("reason").asText()).contains("{\"Id\":1}", "{\"Id\":2}");
        assertThat(summary.twinFiles()).isEqualTo(1);
    }

    @Test
    void twinIdOfAnotherEntityIsDuplicateTwinId() {
        // given two entities whose id templates collide
        String entity =
                """
                  - name: %s
                    source: { table: T, key: [Id] }
                    twin: { model: "dtmi:test:Thing;1", id: "thing-{Code}" }
                """;
        Mapping mapping =
                MappingLoader.load(TestMappings.write(dir, entity.formatted("thing") + entity.formatted("other")));
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING").row(1L, "A").stageInto(batch);
        TestBatches.rows("other", "Id", "Id INTEGER, Code STRING").row(9L, "A").stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the later entity's row is rejected, naming the entity that produced the id first
        JsonNode reject = onlyReject();
        assertThat(reject.get("entity").asText()).isEqualTo("other");
        assertThat(reject.get("code").asText()).isEqualTo("DUPLICATE_TWIN_ID");
        assertThat(reject.get("reason").asText()).contains("entity thing", "{\"Id\":1}");
    }

    @Test
    void targetIdThatBreaksTheRulesIsInvalidTargetId() {
        // given a target code ending in a line break
        Mapping mapping = TestMappings.thing(dir, "", "- name: linksTo\n  target: \"thing-{Link}\"");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Link STRING")
                .row(1L, "A", "B\n")
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the row is rejected for its relationship target
        JsonNode reject = onlyReject();
        assertThat(reject.get("code").asText()).isEqualTo("INVALID_TARGET_ID");
        assertThat(reject.get("field").asText()).isEqualTo("linksTo");
    }

    @Test
    void explicitRelationshipIdThatBreaksTheRulesIsInvalidRelationshipId() {
        // given an explicit relationship id template whose value holds a NUL character
        Mapping mapping =
                TestMappings.thing(dir, "", "- name: partOf\n  target: \"thing-{Parent}\"\n  id: \"{RelId}\"");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Parent STRING, RelId STRING")
                .row(1L, "A", "P", "r\u0000")
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the row is rejected for the relationship id
        assertThat(onlyReject().get("code").asText()).isEqualTo("INVALID_RELATIONSHIP_ID");
    }

    @Test
    void nullRelationshipIdColumnWithATargetIsMissingIdValue() {
        // given a target but a NULL column in the explicit relationship id template
        Mapping mapping =
                TestMappings.thing(dir, "", "- name: partOf\n  target: \"thing-{Parent}\"\n  id: \"{RelId}\"");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Parent STRING, RelId STRING")
                .row(1L, "A", "P", null)
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the row is rejected naming the NULL column
        JsonNode reject = onlyReject();
        assertThat(reject.get("code").asText()).isEqualTo("MISSING_ID_VALUE");
        assertThat(reject.get("field").asText()).isEqualTo("RelId");
    }

    @Test
    void twoRelationshipsWithOneIdAreDuplicateRelationshipId() {
        // given two relationship mappings whose explicit ids collide
        Mapping mapping = TestMappings.thing(
                dir,
                "",
                "- name: partOf\n  target: \"thing-{P1}\"\n  id: parent\n"
                        + "- name: partOf\n  target: \"thing-{P2}\"\n  id: parent");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, P1 STRING, P2 STRING")
                .row(1L, "A", "X", "Y")
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the row is rejected
        JsonNode reject = onlyReject();
        assertThat(reject.get("code").asText()).isEqualTo("DUPLICATE_RELATIONSHIP_ID");
        assertThat(reject.get("value").asText()).isEqualTo("parent");
    }

    @Test
    void rowWithSeveralProblemsGetsOneRejectEachAndCountsAsOneRow() {
        // given a row with two values that cannot convert
        Mapping mapping = TestMappings.thing(dir, "count: Count\nflag: Flag", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Count STRING, Flag STRING")
                .row(1L, "A", "1,5", "maybe")
                .stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping).transform(batch);

        // then both problems are reported, and the row counts once
        assertThat(TestBatches.rejects(batch))
                .extracting(r -> r.get("field").asText())
                .containsExactly("count", "flag");
        assertThat(summary.rowsRejected()).isEqualTo(1);
        assertThat(summary.rejectsByReason()).isEqualTo(Map.of("UNCONVERTIBLE_VALUE", 2L));
    }

    @Test
    void rejectedRowDoesNotStopTheRowsAfterIt() {
        // given a bad row followed by a good one
        Mapping mapping = TestMappings.thing(dir, "count: Count", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Count STRING")
                .row(1L, "A", "many")
                .row(2L, "B", "2")
                .stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping).transform(batch);

        // then the good row still becomes its twin
        assertThat(summary.rowsRead()).isEqualTo(2);
        assertThat(summary.twinFiles()).isEqualTo(1);
        assertThat(TestBatches.twinFile(batch, "thing-B").twin().get("count").asInt())
                .isEqualTo(2);
    }

    private JsonNode onlyReject() {
        List<JsonNode> rejects = TestBatches.rejects(batch);
        assertThat(rejects).hasSize(1);
        return rejects.get(0);
    }

    private static String notes(String property, String column) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i <= 9; i++) {
            yaml.append(property)
                    .append(i)
                    .append(": ")
                    .append(column)
                    .append(i)
                    .append('\n');
        }
        return yaml.toString();
    }

    private static String indent(String yaml) {
        return "    " + yaml.strip().replace("\n", "\n    ");
    }

    /** {@code count} more STRING columns named prefix1..prefixN, as a column spec continuation. */
    private static String stringColumns(String prefix, int count) {
        StringBuilder columns = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            columns.append(", ").append(prefix).append(i).append(" STRING");
        }
        return columns.toString();
    }

    /** The given values, then {@code count} copies of the last value. */
    private static Object[] values(Object... valuesThenRepeatedAndCount) {
        int fixed = valuesThenRepeatedAndCount.length - 2;
        Object repeated = valuesThenRepeatedAndCount[fixed];
        int count = (Integer) valuesThenRepeatedAndCount[fixed + 1];
        Object[] values = new Object[fixed + count];
        System.arraycopy(valuesThenRepeatedAndCount, 0, values, 0, fixed);
        for (int i = 0; i < count; i++) {
            values[fixed + i] = repeated;
        }
        return values;
    }
}
