package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingException;
import io.twinsync.transform.mapping.MappingLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the transformer writes for good rows, and how it fails when the mapping does not fit the staged rows. */
class TwinTransformerTests {

    @TempDir
    Path dir;

    Batch batch;

    @BeforeEach
    void newBatch() {
        batch = TestBatches.newBatch(dir.resolve("staging"));
    }

    @Test
    void everySchemaIsWrittenAsItsJsonType() {
        // given a row with a column for each kind of property
        Mapping mapping = TestMappings.thing(
                dir,
                """
                label: Label
                text: Text
                count: Count
                total: Total
                ratio: Ratio
                small: Small
                flag: Flag
                day: Day
                at: At
                clock: Clock
                span: Span
                temperature: Temperature
                level: Level
                rank: Rank
                """,
                "");
        TestBatches.rows(
                        "thing",
                        "Id",
                        "Id INTEGER, Code STRING, Label STRING, Text INTEGER, Count DECIMAL, "
                                + "Total INTEGER, Ratio DECIMAL, Small DOUBLE, Flag BOOLEAN, Day DATE, "
                                + "At TIMESTAMP_TZ, Clock TIME, Span STRING, Temperature INTEGER, "
                                + "Level STRING, Rank STRING")
                .row(
                        1L,
                        "A",
                        "inherited",
                        42L,
                        new BigDecimal("7.00"),
                        9_000_000_000L,
                        new BigDecimal("0.10"),
                        2.5,
                        true,
                        LocalDate.parse("2024-02-29"),
                        OffsetDateTime.of(2024, 3, 31, 14, 30, 0, 0, ZoneOffset.ofHours(2)),
                        LocalTime.parse("08:30"),
                        "PT15M",
                        -5L,
                        "High",
                        "Two")
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then each property has the JSON type and form its DTDL schema asks for
        JsonNode twin = TestBatches.twinFile(batch, "thing-A").twin();
        assertThat(twin.get("$dtId").asText()).isEqualTo("thing-A");
        assertThat(twin.get("$metadata").get("$model").asText()).isEqualTo("dtmi:test:Thing;1");
        assertThat(twin.get("label").asText()).isEqualTo("inherited");
        assertThat(twin.get("text").asText()).isEqualTo("42");
        assertThat(twin.get("count").isIntegralNumber()).isTrue();
        assertThat(twin.get("count").asInt()).isEqualTo(7);
        assertThat(twin.get("total").asLong()).isEqualTo(9_000_000_000L);
        assertThat(twin.get("ratio").toString()).isEqualTo("0.1");
        assertThat(twin.get("small").toString()).isEqualTo("2.5");
        assertThat(twin.get("flag").booleanValue()).isTrue();
        assertThat(twin.get("day").asText()).isEqualTo("2024-02-29");
        assertThat(twin.get("at").asText()).isEqualTo("2024-03-31T12:30:00Z");
        assertThat(twin.get("clock").asText()).isEqualTo("08:30:00");
        assertThat(twin.get("span").asText()).isEqualTo("PT15M");
        assertThat(twin.get("temperature").asInt()).isEqualTo(-5);
        assertThat(twin.get("level").asText()).isEqualTo("high");
        assertThat(twin.get("rank").asInt()).isEqualTo(2);
    }

    @Test
    void nullColumnLeavesThePropertyOut() {
        // given a row with a NULL label
        Mapping mapping = TestMappings.thing(dir, "label: Label", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Label STRING")
                .row(1L, "A", null)
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the twin has no label at all (not a JSON null): ADT keeps what it has
        assertThat(TestBatches.twinFile(batch, "thing-A").twin().has("label")).isFalse();
    }

    @Test
    void nullTargetColumnLeavesTheRelationshipOutWithoutAReject() {
        // given a row without a link
        Mapping mapping = TestMappings.thing(dir, "", "- name: linksTo\n  target: \"thing-{Link}\"");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Link STRING")
                .row(1L, "A", null)
                .stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping).transform(batch);

        // then the twin is written without the relationship, and nothing is rejected
        assertThat(TestBatches.twinFile(batch, "thing-A").relationships()).isEmpty();
        assertThat(summary.rowsRejected()).isZero();
        assertThat(TestBatches.rejects(batch)).isEmpty();
    }

    @Test
    void relationshipGetsItsExplicitIdAndTypedProperties() {
        // given a relationship with an id template and a date property from a midnight timestamp
        Mapping mapping = TestMappings.thing(
                dir,
                "",
                "- name: linksTo\n  target: \"thing-{Link}\"\n  id: \"link-{Id}\"\n  properties:\n    since: Since");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Link STRING, Since TIMESTAMP")
                .row(5L, "A", "B", LocalDateTime.parse("2023-05-01T00:00:00"))
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the relationship document carries the explicit id and the typed property
        ObjectNode relationship =
                TestBatches.twinFile(batch, "thing-A").relationships().get(0);
        assertThat(relationship.get("$relationshipId").asText()).isEqualTo("link-5");
        assertThat(relationship.get("$targetId").asText()).isEqualTo("thing-B");
        assertThat(relationship.get("$relationshipName").asText()).isEqualTo("linksTo");
        assertThat(relationship.get("since").asText()).isEqualTo("2023-05-01");
    }

    @Test
    void summaryCountsWhatWasReadWrittenAndRejected() {
        // given three rows, one of them without an id, two with a relationship
        Mapping mapping = TestMappings.thing(dir, "", "- name: partOf\n  target: \"thing-{Parent}\"");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Parent STRING")
                .row(1L, "A", null)
                .row(2L, "B", "A")
                .row(3L, null, "A")
                .stageInto(batch);
        Clock clock = Clock.fixed(Instant.parse("2025-01-15T09:00:00Z"), ZoneOffset.UTC);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping, clock).transform(batch);

        // then the counts add up and the times come from the clock
        assertThat(summary.rowsRead()).isEqualTo(3);
        assertThat(summary.twinFiles()).isEqualTo(2);
        assertThat(summary.relationships()).isEqualTo(1);
        assertThat(summary.rowsRejected()).isEqualTo(1);
        assertThat(summary.rejectsByReason()).containsEntry("MISSING_ID_VALUE", 1L);
        assertThat(summary.startedAt()).isEqualTo(Instant.parse("2025-01-15T09:00:00Z"));
        assertThat(summary.finishedAt()).isEqualTo(summary.startedAt());
    }

    @Test
    void columnsMissingFromTheStagedRowsFailBeforeAnythingIsWrittenOrRemoved() {
        // given a batch an earlier run already transformed (twin thing-A and models.json)
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING").row(1L, "A").stageInto(batch);
        new TwinTransformer(TestMappings.thing(dir.resolve("earlier"), "label: Code", "")).transform(batch);
        List<String> earlierTwins = batch.list(BatchLayout.TWINS);
        TwinFile earlierTwin = TestBatches.twinFile(batch, "thing-A");
        JsonNode earlierModels = TestBatches.json(batch, BatchLayout.MODELS);
        // and a mapping that reads Label and Link, which the staged rows lack
        Mapping mapping = TestMappings.thing(dir, "label: Label", "- name: linksTo\n  target: \"thing-{Link}\"");

        // when transformed, then it fails listing both columns
        assertThatThrownBy(() -> new TwinTransformer(mapping).transform(batch))
                .isInstanceOf(MappingException.class)
                .satisfies(e -> assertThat(((MappingException) e).problems()).hasSize(2))
                .hasMessageContaining(
                        "entity 'thing': twin.properties.label: column 'Label' is not in rows/thing.ndjson")
                .hasMessageContaining("column 'Link'");
        // and the earlier run's output is untouched
        assertThat(earlierTwins).hasSize(1);
        assertThat(batch.list(BatchLayout.TWINS)).isEqualTo(earlierTwins);
        assertThat(TestBatches.twinFile(batch, "thing-A")).isEqualTo(earlierTwin);
        assertThat(TestBatches.json(batch, BatchLayout.MODELS)).isEqualTo(earlierModels);
    }

    @Test
    void columnOfATypeThePropertyCannotTakeFailsAtStart() {
        // given a date column mapped to a boolean property
        Mapping mapping = TestMappings.thing(dir, "flag: Day", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Day DATE")
                .row(1L, "A", LocalDate.parse("2024-01-01"))
                .stageInto(batch);

        // when transformed, then the mapping problem names the column, its type and the schema
        assertThatThrownBy(() -> new TwinTransformer(mapping).transform(batch))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("twin.properties.flag: column 'Day' is DATE, which cannot become boolean");
    }

    @Test
    void entityWithoutStagedRowsIsSkipped() {
        // given a mapping of two entities and rows for only one
        String entity =
                """
                  - name: %s
                    source: { table: T, key: [Id] }
                    twin: { model: "dtmi:test:Thing;1", id: "%s-{Id}" }
                """;
        Mapping mapping = MappingLoader.load(
                TestMappings.write(dir, entity.formatted("present", "p") + entity.formatted("absent", "a")));
        TestBatches.rows("present", "Id", "Id INTEGER").row(1L).stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping).transform(batch);

        // then the present entity is transformed and the absent one ignored
        assertThat(summary.twinFiles()).isEqualTo(1);
        assertThat(TestBatches.twinFile(batch, "p-1").entity()).isEqualTo("present");
    }

    @Test
    void secondRunReplacesTheOutputOfTheFirst() {
        // given a batch transformed once with rows A and a rejected row, then restaged with only B
        Mapping mapping = TestMappings.thing(dir, "", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING")
                .row(1L, "A")
                .row(2L, null)
                .stageInto(batch);
        new TwinTransformer(mapping).transform(batch);
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING").row(3L, "B").stageInto(batch);

        // when transformed again
        new TwinTransformer(mapping).transform(batch);

        // then only the second run's twin is there, and the first run's rejects are gone
        assertThat(TestBatches.twinFiles(batch)).extracting(f -> f.twinId()).containsExactly("thing-B");
        assertThat(batch.exists(BatchLayout.rejectsFile("transform"))).isFalse();
    }
}
