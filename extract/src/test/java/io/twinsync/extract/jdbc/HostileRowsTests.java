package io.twinsync.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.extract.SourceEntity;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.reject.Reject;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import io.twinsync.transform.TwinTransformer;
import io.twinsync.transform.mapping.MappingLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile source rows run through extract and then transform: every row ends as exactly one correct twin file or as
 * rejects with the documented code and field, and no row is lost on the way. The table below is the specification:
 * one line per source row, in the order the query returns them.
 */
class HostileRowsTests {

    private static final String ENTITY = "hostile";

    private static final List<String> COLUMNS = List.of(
            "Code",
            "Name",
            "Qty",
            "BigNum",
            "Ratio",
            "GaugeText",
            "LevelText",
            "Flag",
            "IsCritical",
            "InstalledOn",
            "SeenAt",
            "Status",
            "ParentCode");

    private static final String MODEL =
            """
            {
              "@context": "dtmi:dtdl:context;3",
              "@id": "dtmi:twinsync:test:Thing;1",
              "@type": "Interface",
              "contents": [
                { "@type": "Property", "name": "name", "schema": "string" },
                { "@type": "Property", "name": "count", "schema": "integer" },
                { "@type": "Property", "name": "big", "schema": "long" },
                { "@type": "Property", "name": "ratio", "schema": "double" },
                { "@type": "Property", "name": "gauge", "schema": "double" },
                { "@type": "Property", "name": "level", "schema": "integer" },
                { "@type": "Property", "name": "active", "schema": "boolean" },
                { "@type": "Property", "name": "critical", "schema": "boolean" },
                { "@type": "Property", "name": "installedOn", "schema": "date" },
                { "@type": "Property", "name": "seenAt", "schema": "dateTime" },
                {
                  "@type": "Property",
                  "name": "status",
                  "schema": {
                    "@type": "Enum",
                    "valueSchema": "string",
                    "enumValues": [
                      { "name": "Running", "enumValue": "running" },
                      { "name": "Stopped", "enumValue": "stopped" }
                    ]
                  }
                },
                { "@type": "Relationship", "name": "partOf", "target": "dtmi:twinsync:test:Thing;1" }
              ]
            }
            """;

    private static final String MAPPING =
            """
            format: twinsync.mapping/1
            models:
              - Thing.json
            entities:
              - name: hostile
                source:
                  query: SELECT * FROM Hostile ORDER BY Seq
                  key: [Code]
                twin:
                  model: "dtmi:twinsync:test:Thing;1"
                  id: "{Code}"
                  properties:
                    name: Name
                    count: Qty
                    big: BigNum
                    ratio: Ratio
                    gauge: GaugeText
                    level: LevelText
                    active: Flag
                    critical: IsCritical
                    installedOn: InstalledOn
                    seenAt: SeenAt
                    status: Status
                relationships:
                  - name: partOf
                    target: "{ParentCode}"
            """;

    private static final String SQL_INJECTION = "'; DROP TABLE Hostile; --";
    private static final String FIVE_KB = "é".repeat(2_600); // 2,600 characters, 5,200 bytes of UTF-8
    private static final String ID_1000 = "i".repeat(1_000);
    private static final String ID_1024 = "k".repeat(1_024);
    private static final String ID_1025 = "j".repeat(1_025);

    /** The table: each source row and what must become of it. */
    private static final List<Case> CASES = List.of(
            row("plain-1")
                    .set("Name", "Pump 1")
                    .set("Qty", new BigDecimal("3.0000"))
                    .set("BigNum", new BigDecimal("9000000000"))
                    .set("Ratio", 0.25)
                    .set("GaugeText", "12.50")
                    .set("LevelText", " 42 ")
                    .set("Flag", "true")
                    .set("IsCritical", true)
                    .set("InstalledOn", LocalDate.of(2024, 3, 31))
                    .set("SeenAt", LocalDateTime.of(2024, 3, 31, 12, 30))
                    .set("Status", "Running")
                    .twin(
                            """
                            {"name":"Pump 1","count":3,"big":9000000000,"ratio":0.25,"gauge":12.5,"level":42,
                             "active":true,"critical":true,"installedOn":"2024-03-31","seenAt":"2024-03-31T12:30:00Z",
                             "status":"running"}"""),
            row("site/area/line").twin("{}"),
            row("../../etc").set("Name", "traversal").twin("{\"name\":\"traversal\"}"),
            row("..").reject("INVALID_TWIN_ID", "$dtId"),
            row(".").reject("INVALID_TWIN_ID", "$dtId"),
            row("pump 7").twin("{}"),
            row("  padded  ").reject("INVALID_TWIN_ID", "$dtId"),
            row("\u00A0nbsp-padded").reject("INVALID_TWIN_ID", "$dtId"),
            row("tab\there").reject("INVALID_TWIN_ID", "$dtId"),
            row("line\nbreak").reject("INVALID_TWIN_ID", "$dtId"),
            row("nul\u0000char").reject("INVALID_TWIN_ID", "$dtId"),
            row("pump-🚀-Zürich-東京-Ωμέγα").set("Name", "🚀 ünïcödé").twin("{\"name\":\"🚀 ünïcödé\"}"),
            row(ID_1000).twin("{}"),
            row(ID_1024).twin("{}"),
            row(ID_1025).reject("INVALID_TWIN_ID", "$dtId"),
            row("lone-\uD800-surrogate").reject("INVALID_TWIN_ID", "$dtId"),
            row("").reject("INVALID_TWIN_ID", "$dtId"),
            row("dup-1").set("Name", "first").twin("{\"name\":\"first\"}"),
            row("dup-1").set("Name", "second").reject("DUPLICATE_TWIN_ID", "$dtId"),
            row(SQL_INJECTION).set("Name", SQL_INJECTION).twin("{\"name\":\"'; DROP TABLE Hostile; --\"}"),
            row("long-name").set("Name", FIVE_KB).reject("STRING_TOO_LONG", "name"),
            row(null).reject("MISSING_ID_VALUE", "Code"),
            row("all-null-properties").twin("{}"),
            row("fraction").set("Qty", new BigDecimal("2.5000")).reject("UNCONVERTIBLE_VALUE", "count"),
            row("huge").set("BigNum", new BigDecimal("1" + "0".repeat(30))).reject("UNCONVERTIBLE_VALUE", "big"),
            row("huge-text").set("LevelText", "1e999999999").reject("UNCONVERTIBLE_VALUE", "level"),
            row("comma-number").set("LevelText", "1,5").reject("UNCONVERTIBLE_VALUE", "level"),
            row("text-number").set("LevelText", "12abc").reject("UNCONVERTIBLE_VALUE", "level"),
            row("tiny-gauge").set("GaugeText", "1e-999999999").reject("UNCONVERTIBLE_VALUE", "gauge"),
            row("nan-ratio").set("Ratio", Double.NaN).reject("UNCONVERTIBLE_VALUE", "ratio"),
            row("year-10000")
                    .set("InstalledOn", LocalDate.of(10_000, 1, 1))
                    .reject("UNCONVERTIBLE_VALUE", "installedOn"),
            row("bad-enum").set("Status", "Exploded").reject("UNCONVERTIBLE_VALUE", "status"),
            row("enum-case").set("Status", " STOPPED ").twin("{\"status\":\"stopped\"}"),
            row("bool-text").set("Flag", "TRUE ").twin("{\"active\":true}"),
            row("bool-yes").set("Flag", "yes").reject("UNCONVERTIBLE_VALUE", "active"),
            row("two-problems")
                    .set("Qty", new BigDecimal("0.5"))
                    .set("Status", "Exploded")
                    .reject("UNCONVERTIBLE_VALUE", "count", "status"),
            row("parent-traversal").set("ParentCode", "../../etc").twin("{}", "../../etc"),
            row("parent-tab").set("ParentCode", "a\tb").reject("INVALID_TARGET_ID", "partOf"),
            row("parent-dots").set("ParentCode", "..").reject("INVALID_TARGET_ID", "partOf"));

    @TempDir
    Path staging;

    @TempDir
    Path mappingFolder;

    private JdbcDataSource dataSource;
    private Connection keepAlive;
    private Batch batch;

    @BeforeEach
    void openDatabaseAndBatch() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:hostile-" + UUID.randomUUID()
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        keepAlive = dataSource.getConnection();
        batch = new LocalStagingStore(staging).createBatch(BatchId.newId(Instant.now()));
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        keepAlive.close();
    }

    @Test
    void everyHostileRowBecomesEitherItsTwinOrItsRejects() throws Exception {
        // given the hostile rows in a source table, and a mapping and model for them
        createAndFillTable();
        Files.writeString(mappingFolder.resolve("Thing.json"), MODEL);
        Path mappingFile = Files.writeString(mappingFolder.resolve("mapping.yaml"), MAPPING);

        // when they are extracted and transformed
        ExtractSummary extracted = new JdbcRowExtractor(dataSource, 7)
                .extract(batch, List.of(SourceEntity.ofQuery(ENTITY, "SELECT * FROM Hostile ORDER BY Seq", "Code")));
        TransformSummary transformed = new TwinTransformer(MappingLoader.load(mappingFile)).transform(batch);

        // then each row has exactly its expected outcome
        Map<Long, List<Reject>> rejectsByRow = readRejects().stream().collect(Collectors.groupingBy(Reject::rowNumber));
        Map<String, TwinFile> twins = readTwins();
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < CASES.size(); i++) {
            checkRow(softly, i + 1L, CASES.get(i), rejectsByRow, twins);
        }
        softly.assertAll();

        // and nothing was dropped: every row read is a twin or a rejected row, and the summaries agree
        long twinRows = CASES.stream().filter(c -> c.twinId() != null).count();
        assertThat(extracted.rowsByEntity()).containsEntry(ENTITY, (long) CASES.size());
        assertThat(transformed.rowsRead()).isEqualTo(CASES.size());
        assertThat(twins).hasSize((int) twinRows);
        assertThat(transformed.twinFiles()).isEqualTo(twinRows);
        assertThat(transformed.rowsRejected()).isEqualTo(rejectsByRow.size());
        assertThat(transformed.rowsRead()).isEqualTo(transformed.twinFiles() + rejectsByRow.size());
        assertThat(rejectsByRow.keySet()).allSatisfy(n -> assertThat(n).isBetween(1L, (long) CASES.size()));
    }

    @Test
    void sqlMetaCharactersInValuesLeaveTheSourceTableAlone() throws Exception {
        // given the hostile rows, one of them carrying a DROP TABLE in its id and name
        createAndFillTable();

        // when they are extracted
        new JdbcRowExtractor(dataSource, 7)
                .extract(batch, SourceEntity.ofQuery(ENTITY, "SELECT * FROM Hostile ORDER BY Seq", "Code"));

        // then the table is still there with every row, and the text was staged as data
        try (Statement statement = keepAlive.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM Hostile")) {
            count.next();
            assertThat(count.getLong(1)).isEqualTo(CASES.size());
        }
        assertThat(StagedFiles.read(batch, ENTITY).rows())
                .anySatisfy(row -> assertThat(row.get("Name")).isEqualTo(SQL_INJECTION));
    }

    private static void checkRow(
            SoftAssertions softly,
            long rowNumber,
            Case expected,
            Map<Long, List<Reject>> rejectsByRow,
            Map<String, TwinFile> twins) {
        String label = "row " + rowNumber + " (Code " + printable(expected.code()) + ")";
        List<Reject> rejects = rejectsByRow.getOrDefault(rowNumber, List.of());
        if (expected.twinId() != null) {
            softly.assertThat(rejects).as(label + " rejects").isEmpty();
            TwinFile twin = twins.get(expected.twinId());
            softly.assertThat(twin).as(label + " twin file").isNotNull();
            if (twin == null) {
                return;
            }
            softly.assertThat(twin.sourceKey().get("Code").asText())
                    .as(label + " source key")
                    .isEqualTo(expected.code());
            softly.assertThat(twin.twin().get("$dtId").asText())
                    .as(label + " $dtId")
                    .isEqualTo(expected.twinId());
            softly.assertThat(properties(twin)).as(label + " properties").isEqualTo(json(expected.properties()));
            softly.assertThat(twin.relationships().stream()
                            .map(r -> r.get("$targetId").asText())
                            .toList())
                    .as(label + " relationship targets")
                    .isEqualTo(expected.targets());
        } else {
            softly.assertThat(rejects)
                    .as(label + " rejects")
                    .extracting(Reject::code, Reject::field)
                    .containsExactlyInAnyOrderElementsOf(expected.rejectFields().stream()
                            .map(field -> org.assertj.core.groups.Tuple.tuple(expected.rejectCode(), field))
                            .toList());
            softly.assertThat(rejects).as(label + " reject row key").allSatisfy(r -> assertThat(r.rowKey())
                    .containsEntry("Code", expected.code()));
            softly.assertThat(rejects).as(label + " reject reason").allSatisfy(r -> assertThat(r.reason())
                    .isNotBlank());
        }
    }

    private void createAndFillTable() throws SQLException {
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("CREATE TABLE Hostile (Seq INT NOT NULL PRIMARY KEY, Code NVARCHAR(2000),"
                    + " Name NVARCHAR(10000), Qty DECIMAL(20,4), BigNum DECIMAL(38,0), Ratio FLOAT,"
                    + " GaugeText NVARCHAR(100), LevelText NVARCHAR(100), Flag NVARCHAR(20), IsCritical BIT,"
                    + " InstalledOn DATE, SeenAt DATETIME2, Status NVARCHAR(50), ParentCode NVARCHAR(100))");
        }
        String columns = String.join(", ", COLUMNS);
        String parameters = COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement insert = keepAlive.prepareStatement(
                "INSERT INTO Hostile (Seq, " + columns + ") VALUES (?, " + parameters + ")")) {
            for (int i = 0; i < CASES.size(); i++) {
                Case row = CASES.get(i);
                insert.setInt(1, i + 1);
                insert.setObject(2, row.code());
                for (int c = 1; c < COLUMNS.size(); c++) {
                    insert.setObject(c + 2, row.values().get(COLUMNS.get(c)));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private List<Reject> readRejects() throws IOException {
        String path = BatchLayout.rejectsFile("transform");
        if (!batch.exists(path)) {
            return List.of();
        }
        ObjectMapper mapper = StagingJson.mapper();
        List<Reject> rejects = new ArrayList<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(batch.open(path), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                rejects.add(mapper.readValue(line, Reject.class));
            }
        }
        return rejects;
    }

    private Map<String, TwinFile> readTwins() {
        Map<String, TwinFile> twins = new LinkedHashMap<>();
        for (String path : batch.list(BatchLayout.TWINS)) {
            try (InputStream in = batch.open(path)) {
                TwinFile twin = TwinFileCodec.read(in, path);
                assertThat(path).isEqualTo(BatchLayout.twinFile(twin.twinId()));
                twins.put(twin.twinId(), twin);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return twins;
    }

    private static JsonNode properties(TwinFile twin) {
        ObjectNode properties = twin.twin().deepCopy();
        properties.remove(Set.of("$dtId", "$metadata"));
        return properties;
    }

    private static JsonNode json(String text) {
        try {
            return StagingJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static String printable(String code) {
        if (code == null) {
            return "NULL";
        }
        String shown = code.length() > 40 ? code.substring(0, 40) + "...(" + code.length() + " chars)" : code;
        return "'" + shown.replace("\t", "\\t").replace("\n", "\\n").replace("\u0000", "\\0") + "'";
    }

    private static Case row(String code) {
        return new Case(code, new LinkedHashMap<>(), null, null, List.of(), null, List.of());
    }

    /**
     * One source row and its expected outcome: a twin (id = the code, its properties as JSON, its relationship
     * targets) or rejects (one code, the fields named).
     */
    private record Case(
            String code,
            Map<String, Object> values,
            String twinId,
            String properties,
            List<String> targets,
            String rejectCode,
            List<String> rejectFields) {

        Case set(String column, Object value) {
            values.put(column, value);
            return this;
        }

        Case twin(String expectedProperties, String... expectedTargets) {
            return new Case(code, values, code, expectedProperties, List.of(expectedTargets), null, List.of());
        }

        Case reject(String code, String... fields) {
            return new Case(this.code, values, null, null, List.of(), code, List.of(fields));
        }
    }
}
