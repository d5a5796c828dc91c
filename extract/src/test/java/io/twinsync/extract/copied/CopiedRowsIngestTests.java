package io.twinsync.extract.copied;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.extract.watermark.ReadKind;
import io.twinsync.extract.watermark.Watermark;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.rows.StagedColumn;
import io.twinsync.staging.rows.StagedRow;
import io.twinsync.staging.rows.StagedRowReader;
import io.twinsync.staging.rows.StagedSchema;
import io.twinsync.staging.rows.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copied rows (JSON lines, one object per row, as a Copy activity's JSON sink writes them) staged as rows files: the
 * types found from the values, nulls, and lines set aside.
 */
class CopiedRowsIngestTests {

    private static final CopiedRowsFolder FOLDER = CopiedRowsFolder.parse("incoming/run-1");
    private static final CopiedEntity SITE =
            new CopiedEntity("site", List.of("SiteId"), List.of("SiteId", "SiteCode", "Name", "Latitude"));

    @TempDir
    Path dir;

    private StagingStore staging;
    private Batch batch;

    @BeforeEach
    void newBatch() {
        staging = new LocalStagingStore(dir);
        batch = staging.createBatch(BatchId.newId(Instant.now()));
    }

    @Test
    void eachColumnIsTypedFromItsValues() throws IOException {
        // given a file with a value of each kind a JSON sink writes
        copied(
                "site",
                """
                {"SiteId":1,"SiteCode":"RTM","Name":"Rotterdam","Latitude":51.9225,"Budget":1500000,"IsOpen":true,\
                "ModifiedAt":"2025-01-15T08:00:00","OpenedOn":"2011-03-01","SeenAt":"2025-01-15T08:00:00+01:00",\
                "RowVer":"AAAAAAAAB9E="}
                {"SiteId":2,"SiteCode":"GOT","Name":"Gothenburg","Latitude":57.7089,"Budget":2500000.50,"IsOpen":false,\
                "ModifiedAt":"2025-01-16T09:30:00.1234567","OpenedOn":"2012-04-02","SeenAt":"2025-01-16T09:30:00Z",\
                "RowVer":"AAAAAAAAB9I="}
                """);

        // when it is staged
        CopiedRows copied = ingest(SITE);

        // then every line is a row, each column has the type its values have
        assertThat(copied.rejected()).isZero();
        assertThat(copied.extract().summary().rowsByEntity()).containsEntry("site", 2L);
        Staged site = staged("site");
        assertThat(site.schema().columns())
                .containsExactly(
                        new StagedColumn("SiteId", ValueType.INTEGER),
                        new StagedColumn("SiteCode", ValueType.STRING),
                        new StagedColumn("Name", ValueType.STRING),
                        new StagedColumn("Latitude", ValueType.DECIMAL),
                        new StagedColumn("Budget", ValueType.DECIMAL),
                        new StagedColumn("IsOpen", ValueType.BOOLEAN),
                        new StagedColumn("ModifiedAt", ValueType.TIMESTAMP),
                        new StagedColumn("OpenedOn", ValueType.DATE),
                        new StagedColumn("SeenAt", ValueType.TIMESTAMP_TZ),
                        new StagedColumn("RowVer", ValueType.STRING));
        StagedRow second = site.rows().get(1);
        assertThat(second.get("SiteId")).isEqualTo(2L);
        assertThat(second.get("Budget")).isEqualTo(new BigDecimal("2500000.50"));
        assertThat(site.rows().get(0).get("Budget")).isEqualTo(new BigDecimal("1500000"));
        assertThat(second.get("IsOpen")).isEqualTo(false);
        assertThat(second.get("ModifiedAt")).isEqualTo(LocalDateTime.parse("2025-01-16T09:30:00.1234567"));
        assertThat(second.get("OpenedOn")).isEqualTo(LocalDate.parse("2012-04-02"));
        assertThat(second.get("SeenAt")).isEqualTo(OffsetDateTime.parse("2025-01-16T09:30:00Z"));
        assertThat(second.get("RowVer")).isEqualTo("AAAAAAAAB9I=");
    }

    @Test
    void aNullOrALeftOutFieldIsStagedAsNull() throws IOException {
        // given one line with an explicit null, one without the field at all, and a mapped column no line has
        CopiedEntity entity = new CopiedEntity("site", List.of("SiteId"), List.of("SiteId", "Name", "TimeZone"));
        copied("site", """
                {"SiteId":1,"Name":null}
                {"SiteId":2}
                """);

        // when it is staged
        ingest(entity);

        // then both are null, and the column never seen is text that is always null
        Staged site = staged("site");
        assertThat(site.schema().columns())
                .extracting(StagedColumn::name)
                .containsExactly("SiteId", "Name", "TimeZone");
        assertThat(site.schema().columns().get(2).type()).isEqualTo(ValueType.STRING);
        assertThat(site.rows()).allSatisfy(row -> {
            assertThat(row.get("Name")).isNull();
            assertThat(row.get("TimeZone")).isNull();
        });
    }

    @Test
    void columnsAreFoundWhateverTheirCase() throws IOException {
        // given a file whose field names differ from the mapping's in case only (a query's aliases, say)
        copied("site", """
                {"siteid":7,"SITECODE":"RTM"}
                """);

        // when it is staged
        ingest(SITE);

        // then the mapping's key and columns read them
        Staged site = staged("site");
        assertThat(site.rows().get(0).get("SiteId")).isEqualTo(7L);
        assertThat(site.rows().get(0).get("SiteCode")).isEqualTo("RTM");
        assertThat(site.rows().get(0).key()).containsEntry("SiteId", 7L);
    }

    @Test
    void badLinesAreSetAsideWithTheirReasonAndTheRestIsStaged() throws IOException {
        // given a file with good lines and one of each kind of bad line
        copied(
                "site",
                """
                {"SiteId":1,"SiteCode":"RTM"}
                {"SiteId":2,"SiteCode":
                ["not", "an", "object"]
                {"SiteCode":"NOKEY"}
                {"SiteId":null,"SiteCode":"NULLKEY"}
                {"SiteId":6,"SiteCode":42}
                {"SiteId":7,"SiteCode":{"nested":true}}
                {"SiteId":8,"SiteCode":"GOT"}
                """);

        // when it is staged
        CopiedRows copied = ingest(SITE);

        // then the good lines are rows, and each bad one is set aside with its line, key and reason
        assertThat(staged("site").rows()).extracting(row -> row.get("SiteId")).containsExactly(1L, 8L);
        assertThat(copied.rejectedByEntity()).containsEntry("site", 6L);
        assertThat(copied.rejectsByReason())
                .containsEntry("UNREADABLE_LINE", 2L)
                .containsEntry("MISSING_KEY", 2L)
                .containsEntry("UNCONVERTIBLE_VALUE", 2L);
        List<JsonNode> rejects = rejects();
        assertThat(rejects).extracting(r -> r.path("rowNumber").asLong()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(rejects.get(0).path("reason").asText()).contains("Line 2 of incoming/run-1/site.json is not JSON");
        assertThat(rejects.get(1).path("reason").asText()).contains("not an object");
        assertThat(rejects.get(2).path("field").asText()).isEqualTo("SiteId");
        assertThat(rejects.get(2).path("reason").asText()).contains("no value for key column SiteId");
        assertThat(rejects.get(4).path("rowKey").path("SiteId").asLong()).isEqualTo(6L);
        assertThat(rejects.get(4).path("field").asText()).isEqualTo("SiteCode");
        assertThat(rejects.get(4).path("value").asText()).isEqualTo("42");
        assertThat(rejects.get(4).path("reason").asText())
                .contains("column SiteCode is a whole number, but the column's other values are text");
        assertThat(rejects.get(5).path("reason").asText()).contains("a JSON object or array");
        assertThat(rejects).allSatisfy(r -> assertThat(r.path("stage").asText()).isEqualTo("extract"));
    }

    @Test
    void aByteOrderMarkAndBlankLinesAreNoRows() throws IOException {
        // given a file written with a byte order mark, with blank lines and Windows line ends
        copied("site", "\uFEFF{\"SiteId\":1,\"SiteCode\":\"RTM\"}\r\n\r\n{\"SiteId\":2,\"SiteCode\":\"GOT\"}\r\n");

        // when it is staged
        CopiedRows copied = ingest(SITE);

        // then the two objects are the rows, and nothing is set aside
        assertThat(copied.rejected()).isZero();
        assertThat(staged("site").rows()).extracting(row -> row.get("SiteCode")).containsExactly("RTM", "GOT");
    }

    @Test
    void anEmptyFileIsAnEmptyTable() throws IOException {
        // given an entity whose table was empty when it was copied
        copied("site", "");

        // when it is staged
        CopiedRows copied = ingest(SITE);

        // then it has no rows, and its columns are the mapping's
        assertThat(copied.extract().summary().rowsByEntity()).containsEntry("site", 0L);
        assertThat(staged("site").schema().columnNames()).containsExactly("SiteId", "SiteCode", "Name", "Latitude");
    }

    @Test
    void aMissingFileIsNamedWithWhatToDoAndNothingIsStaged() throws IOException {
        // given the files of one entity of two
        copied("site", "{\"SiteId\":1}\n");
        CopiedEntity building = new CopiedEntity("building", List.of("BuildingId"), List.of("BuildingId"));

        // when they are staged, then the missing file is named with what to do, and no rows file is staged
        assertThatThrownBy(() -> ingest(SITE, building))
                .isInstanceOf(CopiedRowsMissingException.class)
                .hasMessageContaining("incoming/run-1/building.json")
                .hasMessageContaining("check that they all ran and succeeded")
                .hasMessageContaining("run without --rows-from");
        assertThat(batch.exists(BatchLayout.rowsFile("site"))).isFalse();
    }

    @Test
    void onlyFoldersBelowIncomingAreRead() {
        assertThat(CopiedRowsFolder.parse("incoming/5f1c-42/").fileOf("site")).isEqualTo("5f1c-42/site.json");
        assertThatThrownBy(() -> CopiedRowsFolder.parse("batches/20260101T000000000Z-abcdef"))
                .hasMessageContaining("is not a folder below incoming/");
        assertThatThrownBy(() -> CopiedRowsFolder.parse("incoming/../state"))
                .hasMessageContaining("'..'")
                .hasMessageContaining("not letters, digits");
        assertThatThrownBy(() -> CopiedRowsFolder.parse("incoming/")).hasMessageContaining("is not a folder below");
    }

    @Test
    void aWatermarkColumnKeepsItsLargestValueAsAJdbcReadKeepsIt() throws IOException {
        // given an entity with a watermark column, copied whole (no copy plan)
        CopiedEntity site = new CopiedEntity("site", List.of("SiteId"), List.of("SiteId", "ModifiedAt"), "ModifiedAt");
        copied(
                "site",
                """
                {"SiteId":1,"ModifiedAt":"2025-01-16T09:30:00"}
                {"SiteId":2,"ModifiedAt":"2025-02-01T10:00:00.5"}
                {"SiteId":3}
                """);

        // when it is staged
        CopiedRows copied = ingest(site);

        // then it was read whole, and its watermark is the largest value staged
        assertThat(copied.extract().reads()).containsEntry("site", ReadKind.FULL);
        assertThat(copied.extract().pending().of("site"))
                .contains(
                        new Watermark("ModifiedAt", ValueType.TIMESTAMP, LocalDateTime.parse("2025-02-01T10:00:00.5")));
    }

    @Test
    void anEntityCopiedAboveItsWatermarkIsReadIncrementallyFromThere() throws IOException {
        // given a copy plan that copied site above its kept watermark, and building whole
        Watermark kept = new Watermark("ModifiedAt", ValueType.TIMESTAMP, LocalDateTime.parse("2025-01-20T00:00:00"));
        CopyPlanFile.write(
                staging.incoming(),
                FOLDER,
                CopyPlanFile.toJson(List.of(
                        new CopyPlanFile.Item("site", "q", "site.json", kept),
                        new CopyPlanFile.Item("building", "q", "building.json", null))));
        CopiedEntity site = new CopiedEntity("site", List.of("SiteId"), List.of("SiteId", "ModifiedAt"), "ModifiedAt");
        CopiedEntity building =
                new CopiedEntity("building", List.of("BuildingId"), List.of("BuildingId", "ModifiedAt"), "ModifiedAt");
        copied("site", "{\"SiteId\":2,\"ModifiedAt\":\"2025-02-01T10:00:00\"}\n");
        copied("building", "");

        // when they are staged
        CopiedRows copied = ingest(site, building);

        // then site was read incrementally and its watermark moved on; building, copied whole but empty, has none
        assertThat(copied.extract().reads())
                .containsEntry("site", ReadKind.INCREMENTAL)
                .containsEntry("building", ReadKind.FULL);
        assertThat(copied.extract().pending().of("site").orElseThrow().value())
                .isEqualTo(LocalDateTime.parse("2025-02-01T10:00:00"));
        assertThat(copied.extract().pending().of("building")).isEmpty();
    }

    @Test
    void anIncrementalCopyWithNoRowsKeepsItsWatermark() throws IOException {
        // given an incremental copy that found nothing changed
        Watermark kept = new Watermark("ModifiedAt", ValueType.TIMESTAMP, LocalDateTime.parse("2025-01-20T00:00:00"));
        CopyPlanFile.write(
                staging.incoming(),
                FOLDER,
                CopyPlanFile.toJson(List.of(new CopyPlanFile.Item("site", "q", "site.json", kept))));
        copied("site", "");

        // when it is staged
        CopiedRows copied =
                ingest(new CopiedEntity("site", List.of("SiteId"), List.of("SiteId", "ModifiedAt"), "ModifiedAt"));

        // then it is an incremental read of no rows, and the kept watermark stands
        assertThat(copied.extract().reads()).containsEntry("site", ReadKind.INCREMENTAL);
        assertThat(copied.extract().pending().of("site")).contains(kept);
    }

    @Test
    void anEntityMissingFromTheCopyPlanIsRefused() throws IOException {
        // given a plan made before the mapping gained an entity
        CopyPlanFile.write(
                staging.incoming(),
                FOLDER,
                CopyPlanFile.toJson(List.of(new CopyPlanFile.Item("building", "q", "building.json", null))));
        copied("site", "{\"SiteId\":1}\n");

        // when it is staged, then how the entity was copied is unknown, and nothing is taken for read whole
        assertThatThrownBy(() -> ingest(SITE))
                .hasMessageContaining("Entity site is not in the copy plan incoming/run-1/_copy-plan.json")
                .hasMessageContaining("Run the pipeline again");
    }

    private CopiedRows ingest(CopiedEntity... entities) {
        return new CopiedRowsIngest(staging.incoming(), FOLDER).ingest(batch, List.of(entities), done -> {});
    }

    private void copied(String entity, String lines) throws IOException {
        Path file = dir.resolve("incoming/run-1").resolve(entity + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, lines, StandardCharsets.UTF_8);
    }

    private record Staged(StagedSchema schema, List<StagedRow> rows) {}

    private Staged staged(String entity) {
        String path = BatchLayout.rowsFile(entity);
        try (StagedRowReader reader = new StagedRowReader(batch.open(path), path)) {
            List<StagedRow> rows = new ArrayList<>();
            reader.forEachRemaining(rows::add);
            return new Staged(reader.schema(), rows);
        }
    }

    private List<JsonNode> rejects() throws IOException {
        List<JsonNode> rejects = new ArrayList<>();
        try (InputStream in = batch.open(BatchLayout.rejectsFile("extract"))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                rejects.add(StagingJson.mapper().readTree(line));
            }
        }
        return rejects;
    }
}
